"""Offer the ePub for download from every page of the website.

Readers who want to read offline, or to take the guide to an appointment on
an e-reader, should not have to look for the book. ``make html`` copies the
ePub of the same build into the site's root folder (see the Makefile); this
extension links to it from the sidebar of every page (template
``sidebar/epub-download.html``, through ``kb_epub_url``) and with a short
paragraph at the end of the landing page, before its disclaimer. The links
carry ``download``, so a browser saves the file instead of trying to show it.

HTML builds only: the ePub does not link to itself.
"""

from html import escape

from docutils import nodes
from sphinx.application import Sphinx

from amitriptyline_kb.pages.reader_text import reader_text, setup_reader_text
from amitriptyline_kb.shared import is_on_every_page, is_website, on_every_page

LANDING_PARAGRAPH = '<p class="{classes}">{text}</p>\n'


def epub_filename(app: Sphinx) -> str:
    return f"{app.config.epub_basename}.epub"


def add_sidebar_url(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if is_website(app):
        context["kb_epub_url"] = context["pathto"](epub_filename(app), resource=True)


def add_landing_paragraph(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_website(app) or docname != app.config.root_doc:
        return
    url = "../" * docname.count("/") + epub_filename(app)
    # The words are in source/_data/page-text.yaml; {start} and {end} mark the link.
    words = escape(reader_text(app.config, "epub download").strip())
    text = words.format(start=f'<a href="{escape(url)}" download>', end="</a>")
    classes = " ".join(on_every_page("kb-epub-download"))
    paragraph = nodes.raw("", LANDING_PARAGRAPH.format(classes=classes, text=text), format="html")
    footers = [node for node in doctree.children if is_on_every_page(node)]
    if footers:
        footers[0].parent.insert(footers[0].parent.index(footers[0]), paragraph)
    else:
        doctree.append(paragraph)


def setup(app: Sphinx) -> dict:
    setup_reader_text(app)
    app.connect("html-page-context", add_sidebar_url)
    app.connect("doctree-resolved", add_landing_paragraph)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
