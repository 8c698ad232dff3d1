"""Give toctree captions a heading level, so screen readers can place them.

Sphinx writes a toctree caption as ``<p class="caption" role="heading">`` with
no ``aria-level``. ARIA requires a level on every ``role="heading"``, and
axe-core reports the omission as a critical violation on every page that
shows the caption (furo puts it in the sidebar of every page). This extension
writes the same element with ``aria-level="2"``; every other title is written
by Sphinx as before.
"""

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

# The caption names a group of links below the page's own <h1>.
CAPTION_LEVEL = "2"


def _is_toctree_caption(node: nodes.title) -> bool:
    parent = node.parent
    return isinstance(parent, addnodes.compact_paragraph) and bool(parent.get("toctree"))


def visit_title(self: HTML5Translator, node: nodes.title) -> None:
    if not _is_toctree_caption(node):
        HTML5Translator.visit_title(self, node)
        return
    self.body.append(
        self.starttag(
            node, "p", "", CLASS="caption", ROLE="heading", **{"aria-level": CAPTION_LEVEL}
        )
    )
    self.body.append('<span class="caption-text">')
    self.context.append("</span></p>\n")


def depart_title(self: HTML5Translator, node: nodes.title) -> None:
    HTML5Translator.depart_title(self, node)


def setup(app: Sphinx) -> dict:
    # Registered for the "html" format, so the ePub builder uses it as well.
    app.add_node(nodes.title, override=True, html=(visit_title, depart_title))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
