"""What our extensions agree on about pages, in one place.

- Text added to every page around its own words (the disclaimer, the review
  line, "Get help now", the ePub line) carries one class, so that the reading
  grade, the search index, the section-sources check and the tests all leave
  it out the same way.
- "Is this the website?" has one answer: an HTML build for browsers, not the
  ePub (whose chapters are HTML too) or another embedded format.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

# The class of everything added to every page; "no-search" keeps it out of
# Sphinx's search index, where every page would match it.
ON_EVERY_PAGE = "kb-page-footer"
NOT_SEARCHED = "no-search"


def on_every_page(*classes: str) -> list[str]:
    """The classes of a node added to every page, with its own ``classes``."""
    return [ON_EVERY_PAGE, *classes, NOT_SEARCHED]


def is_on_every_page(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and ON_EVERY_PAGE in node.get("classes", [])


def is_website(app: Sphinx) -> bool:
    return app.builder.format == "html" and not app.builder.embedded
