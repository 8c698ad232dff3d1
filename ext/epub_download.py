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

LANDING_TEXT = (
    '<p class="kb-page-footer kb-epub-download no-search">'
    'Read it offline: <a href="{url}" download>download this guide as an e-book '
    "(ePub)</a> for your e-reader, phone or tablet.</p>\n"
)


def epub_filename(app: Sphinx) -> str:
    return f"{app.config.epub_basename}.epub"


def _is_website(app: Sphinx) -> bool:
    return app.builder.format == "html" and not app.builder.embedded


def add_sidebar_url(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if _is_website(app):
        context["kb_epub_url"] = context["pathto"](epub_filename(app), resource=True)


def add_landing_paragraph(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not _is_website(app) or docname != app.config.root_doc:
        return
    url = "../" * docname.count("/") + epub_filename(app)
    paragraph = nodes.raw("", LANDING_TEXT.format(url=escape(url)), format="html")
    footers = [
        node
        for node in doctree.children
        if isinstance(node, nodes.Element) and "kb-page-footer" in node["classes"]
    ]
    if footers:
        footers[0].parent.insert(footers[0].parent.index(footers[0]), paragraph)
    else:
        doctree.append(paragraph)


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", add_sidebar_url)
    app.connect("doctree-resolved", add_landing_paragraph)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
