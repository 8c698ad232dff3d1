"""Refuse images without alt text.

A reader who cannot see a picture (a screen reader user, or an e-reader that
shows no images) gets only its alt text. An image without one is silent for
them, and Markdown makes that easy to miss: ``![](chart.png)`` builds without
a word of complaint. Each image must say what it shows.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from amitriptyline_kb.shared import node_line
from amitriptyline_kb.warnings import KbWarning, warn


def check_alt_text(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname
    for image in doctree.findall(nodes.image):
        if image.get("alt", "").strip():
            continue
        warn(
            KbWarning.IMAGE_ALT,
            "image '%s' has no alt text; say what it shows, for readers who cannot see it: "
            "![What the picture shows](%s), or ':alt: What the picture shows' under "
            "{image} or {figure}",
            image["uri"],
            image["uri"],
            location=(docname, node_line(image)),
        )


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", check_alt_text)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
