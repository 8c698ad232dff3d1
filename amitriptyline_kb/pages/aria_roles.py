"""Correct two ARIA roles that Sphinx and docutils write into every build.

1. Toctree captions are written as ``<p class="caption" role="heading">``
   with no ``aria-level``. ARIA requires a level on every ``role="heading"``;
   axe-core reports the omission as a critical violation on every page that
   shows a caption, and furo shows one in the sidebar of every page. We add
   ``aria-level="2"``: the caption names a group of links below the page's
   own ``<h1>``.
2. Bibliography entries are written with ``role="doc-biblioentry"``, which
   DPUB-ARIA 1.1 deprecates; EPUBCheck warns about each one (RSC-017). They
   sit in a ``role="list"`` wrapper already, so each entry becomes a
   ``listitem``, as the specification advises.

Every other node is written by Sphinx as before. The handlers are registered
for the "html" format, so the ePub builder uses them as well.
"""

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

CAPTION_LEVEL = "2"
# A keyword Python cannot spell ("aria-level"), for starttag().
ARIA_LEVEL: dict[str, Any] = {"aria-level": CAPTION_LEVEL}


def _is_toctree_caption(node: nodes.title) -> bool:
    parent = node.parent
    return isinstance(parent, addnodes.compact_paragraph) and bool(parent.get("toctree"))


def visit_title(self: HTML5Translator, node: nodes.title) -> None:
    if not _is_toctree_caption(node):
        HTML5Translator.visit_title(self, node)
        return
    self.body.append(self.starttag(node, "p", "", CLASS="caption", ROLE="heading", **ARIA_LEVEL))
    self.body.append('<span class="caption-text">')
    self.context.append("</span></p>\n")


def visit_citation(self: HTML5Translator, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def setup(app: Sphinx) -> dict:
    app.add_node(nodes.title, override=True, html=(visit_title, HTML5Translator.depart_title))
    app.add_node(
        nodes.citation, override=True, html=(visit_citation, HTML5Translator.depart_citation)
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}
