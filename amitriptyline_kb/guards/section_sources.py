"""Every section of a medical page cites at least one source.

Readers trust a medical page only as far as they can check it, and a
reviewer can check a statement only against its source. So each section that
says something (has text of its own, not just sub-sections, a contents list
or index entries) must hold at least one ``{cite:p}`` citation, and a section
without one is a warning at its heading that says how to fix it.

The check reads the doctree before citations are resolved. Text added to
every page (disclaimer, review dates, the "Get help now" link) is not the
section's own, and neither are the numbers an urgent-help callout adds: those
cite their sources in the callout's data file, not for the section. Nor is the
"Key facts" box at the top of a page: it restates, with their sources, what
the sections say, and is checked on its own (every fact cites), so its
citations cannot stand in for those of the text under the title. Pages that
make no medical statement (the list of sources, the disclaimer) are named in
``kb_pages_without_sources``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from amitriptyline_kb.shared import ON_EVERY_PAGE, node_line
from amitriptyline_kb.warnings import KbWarning, warn

# Not the section's own words: added to every page, navigation, index entries,
# the part of an urgent-help callout that comes from its data file, and the
# key-facts box, a summary of the sections with its own check.
NOT_OWN_CLASSES = {ON_EVERY_PAGE, "kb-urgent-action", "kb-key-facts"}
NOT_OWN_NODES = (
    nodes.section,
    nodes.title,
    addnodes.toctree,
    addnodes.index,
    nodes.target,
    nodes.comment,
    nodes.system_message,
)


def _own_parts(section: nodes.section):
    """The nodes that belong to this section and not to one below it."""
    stack = list(section.children)
    while stack:
        node = stack.pop()
        if isinstance(node, NOT_OWN_NODES):
            continue
        if isinstance(node, nodes.Element) and NOT_OWN_CLASSES & set(node.get("classes", [])):
            continue
        yield node
        if isinstance(node, nodes.Element):
            stack.extend(node.children)


def _is_citation(node: nodes.Node) -> bool:
    return isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cite"


def check_sections(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname
    if docname in app.config.kb_pages_without_sources:
        return
    for section in doctree.findall(nodes.section):
        own = list(_own_parts(section))
        says_something = any(isinstance(n, nodes.Text) and n.strip() for n in own)
        if not says_something or any(_is_citation(n) for n in own):
            continue
        title = section.next_node(nodes.title)
        warn(
            KbWarning.SOURCES,
            "the section '%s' cites no source; add {cite:p}`key` after the sentence it "
            "supports, with the key of a source in references.bib, or take out what no "
            "source supports",
            title.astext() if title else "",
            location=(docname, node_line(title)),
        )


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("kb_pages_without_sources", [], "env", types=frozenset({list}))
    app.connect("doctree-read", check_sections)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
