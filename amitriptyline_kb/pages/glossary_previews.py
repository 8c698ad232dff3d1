"""Show a glossary term's meaning in place, without leaving the page.

Readers meet words like "neuropathic" mid-sentence. Jumping to the glossary
and back loses their place, so every link to a glossary term carries the
term's definition, as plain text, in its ``title`` attribute: written at build
time from the glossary itself, so the preview never disagrees with the
glossary and nothing is fetched. ``glossary-previews.js`` (in source/_static,
added only to pages with such links) turns each title into an accessible
preview: shown on hover, on keyboard focus and on a first tap on a touch
screen (with a link to the glossary entry), dismissed with Esc, and announced
by screen readers as the link's description. Without JavaScript the link goes
to the glossary as before, and the browser shows the title on hover.

HTML builds only: an ePub reader has its own way of following links.
"""

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import ReferencesResolver, SphinxPostTransform

from amitriptyline_kb.pages.reader_text import reader_text, setup_reader_text
from amitriptyline_kb.shared import add_static_files, is_website

STATIC_DIR = Path(__file__).with_name("static")

LINK_CLASS = "kb-term"
SCRIPT = "glossary-previews.js"
STYLESHEET = "glossary-previews.css"
# Where the environment keeps each term's definition, by the term's HTML id.
DEFINITIONS = "kb_glossary_definitions"


def _plain(definition: nodes.definition) -> str:
    """The definition's words, without its citations ("[5]" says nothing here)."""
    definition = definition.deepcopy()
    for citation in list(definition.findall(addnodes.pending_xref)):
        if citation.get("refdomain") == "cite":
            citation.parent.remove(citation)
    text = " ".join(definition.astext().split())
    return re.sub(r" ([.,;:])", r"\1", text)


def collect_definitions(app: Sphinx, env: BuildEnvironment) -> None:
    """Map each glossary term's HTML id to its definition's plain text."""
    term_docs = {
        docname
        for (objtype, _), (docname, _) in env.domains.standard_domain.objects.items()
        if objtype == "term"
    }
    definitions = {}
    for docname in sorted(term_docs):
        for term in env.get_doctree(docname).findall(nodes.term):
            definition = term.parent.next_node(nodes.definition)
            if definition is not None:
                for term_id in term["ids"]:
                    definitions[term_id] = _plain(definition)
    setattr(env, DEFINITIONS, definitions)


def _is_term_reference(node: nodes.Node) -> bool:
    if not isinstance(node, nodes.reference):
        return False
    label = node.next_node(nodes.inline)
    return label is not None and "std-term" in label["classes"]


class AddDefinitions(SphinxPostTransform):
    """Give every resolved link to a glossary term its definition as title."""

    builders = ("html", "dirhtml")
    default_priority = ReferencesResolver.default_priority + 1

    def run(self, **kwargs: Any) -> None:
        definitions = getattr(self.env, DEFINITIONS, {})
        for reference in self.document.findall(nodes.reference):
            if not _is_term_reference(reference):
                continue
            target = reference.get("refid") or urlsplit(reference.get("refuri", "")).fragment
            if target in definitions:
                reference["reftitle"] = definitions[target]
                reference["classes"].append(LINK_CLASS)


def add_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if doctree is None or not is_website(app):
        return
    has_previews = any(LINK_CLASS in node["classes"] for node in doctree.findall(nodes.reference))
    if has_previews:
        app.add_css_file(STYLESHEET)
        # An attribute Python cannot spell as a keyword.
        label: dict[str, Any] = {
            "data-open-label": reader_text(app.config, "glossary preview", "open")
        }
        app.add_js_file(SCRIPT, loading_method="defer", **label)


def setup(app: Sphinx) -> dict:
    add_static_files(app, STATIC_DIR, builders=("html",))
    setup_reader_text(app)
    app.connect("env-updated", collect_definitions)
    app.add_post_transform(AddDefinitions)
    app.connect("html-page-context", add_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
