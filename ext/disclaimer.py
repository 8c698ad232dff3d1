"""Put a short medical disclaimer on every page, linking to the full one.

The knowledge base informs; it does not advise. A reader may land on any page
from a search engine, or open any chapter of the ePub, so each page carries
the short disclaimer itself instead of relying on the reader having seen the
landing page. It is added to the doctree as the page is read, which puts it
in the HTML and in every ePub chapter alike, and it links to the full
disclaimer page through an ordinary cross-reference, so a moved page is a
build warning rather than a dead link.
"""

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

DISCLAIMER_PAGE = "disclaimer"
TEXT = (
    "This page gives general information. It is not medical advice. "
    "Ask your doctor, nurse or pharmacist about your own treatment. "
)
LINK_TEXT = "Read the full medical disclaimer."


def add_disclaimer(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname
    note = nodes.paragraph(
        "",
        "",
        nodes.strong("", "Medical disclaimer: "),
        nodes.Text(TEXT),
        # Every page has it, so it would only add noise to search results.
        classes=["kb-page-footer", "kb-disclaimer", "no-search"],
    )
    if docname != DISCLAIMER_PAGE:
        note += _link_to_full_disclaimer(docname)
    doctree.append(note)


def _link_to_full_disclaimer(docname: str) -> addnodes.pending_xref:
    return addnodes.pending_xref(
        "",
        nodes.inline("", LINK_TEXT),
        refdomain="std",
        reftype="doc",
        reftarget=f"/{DISCLAIMER_PAGE}",
        refexplicit=True,
        refwarn=True,
        refdoc=docname,
    )


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", add_disclaimer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
