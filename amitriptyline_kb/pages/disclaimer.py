"""Put a short medical disclaimer on every page, linking to the full one.

The knowledge base informs; it does not advise. A reader may land on any page
from a search engine, or open any chapter of the ePub, so each page carries
the short disclaimer itself instead of relying on the reader having seen the
landing page. It is added to the doctree as the page is read, which puts it
in the HTML and in every ePub chapter alike, and it links to the full
disclaimer page through an ordinary cross-reference, so a moved page is a
build warning rather than a dead link.
"""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from amitriptyline_kb.pages.reader_text import reader_text, setup_reader_text
from amitriptyline_kb.shared import add_static_files, on_every_page, page_link

STATIC_DIR = Path(__file__).with_name("static")

DISCLAIMER_PAGE = "disclaimer"


def add_disclaimer(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname
    note = nodes.paragraph(
        "",
        "",
        # The words are in source/_data/page-text.yaml, where clinical reviewers see them.
        nodes.strong("", reader_text(app.config, "disclaimer", "label")),
        nodes.Text(reader_text(app.config, "disclaimer", "text") + " "),
        # Every page has it, so it would only add noise to search results.
        classes=on_every_page("kb-disclaimer"),
    )
    if docname != DISCLAIMER_PAGE:
        note += page_link(docname, DISCLAIMER_PAGE, reader_text(app.config, "disclaimer", "link"))
    doctree.append(note)


def setup(app: Sphinx) -> dict:
    add_static_files(app, STATIC_DIR, "kb-pages.css")
    setup_reader_text(app)
    app.connect("doctree-read", add_disclaimer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
