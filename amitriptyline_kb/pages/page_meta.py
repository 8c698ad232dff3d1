"""What search engines and link previews read: a description per page, robots.txt.

Search results and shared links show a page's description under its title. A
description a person wrote says what the page answers far better than the
first words of the text would, so every page's front matter carries one::

    description: How soon amitriptyline may ease nerve pain, and its side effects.

A page without it is a build warning naming the file. The description becomes
``<meta name="description">`` and the OpenGraph ``og:description`` (which
sphinxext-opengraph would otherwise cut from the first paragraph); this runs
before sphinxext-opengraph, which then adds no description of its own. It
enters the page as a ``meta`` node before Sphinx translates the page, so the
Spanish edition's catalogue translates it like the page's own text.

robots.txt lets every crawler in and, when sphinx-sitemap is loaded, points
it to the sitemap of each edition (English at the root, Spanish in es/), at
the address set once in conf.py (``html_baseurl``).
"""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from amitriptyline_kb.shared import (
    EDITIONS,
    front_matter_end,
    front_matter_line,
    is_translation,
    is_website,
)
from amitriptyline_kb.warnings import KbWarning, warn

DESCRIPTION = "description"


class DescriptionMeta(SphinxTransform):
    """The front matter's description, as the page's ``<meta name="description">``."""

    # Before Sphinx's Locale transform (20), which translates meta nodes.
    default_priority = 15

    def apply(self) -> None:
        description = self.env.metadata.get(self.env.current_document.docname, {}).get(DESCRIPTION)
        if not isinstance(description, str) or not description.strip():
            return
        meta = nodes.meta(name=DESCRIPTION, content=" ".join(description.split()))
        # Where the catalogues say the text comes from.
        meta.source = str(self.env.doc2path(self.env.current_document.docname))
        meta.line = front_matter_line(Path(meta.source), DESCRIPTION)
        self.document.insert(0, meta)


def check_description(app: Sphinx, doctree) -> None:
    docname = app.env.current_document.docname
    description = app.env.metadata[docname].get(DESCRIPTION)
    if isinstance(description, str) and description.strip():
        return
    source = Path(app.env.doc2path(docname))
    warn(
        KbWarning.DESCRIPTION,
        "page has no '%s' in its front matter; add a line such as "
        "'%s: <one or two sentences saying what this page answers>' between "
        "the '---' lines at the top of the page (search results show it)",
        DESCRIPTION,
        DESCRIPTION,
        location=(docname, front_matter_end(source)),
    )


def add_description(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if not is_website(app):
        return  # The ePub has its own description (conf.epub_description).
    # The meta node is written into the page's head by the HTML writer; its
    # text, translated in the Spanish edition, is the link preview's too.
    if doctree is None:
        return
    node = next((n for n in doctree.findall(nodes.meta) if n.get("name") == DESCRIPTION), None)
    if node is None:
        return
    meta = context.get("meta") or {}
    # A copy: context["meta"] is the environment's own record of the page.
    context["meta"] = {**meta, "og:description": node["content"]}


def write_robots_txt(app: Sphinx, exception) -> None:
    # One robots.txt, at the root: it names every edition's sitemap.
    if exception or not is_website(app) or is_translation(app.config):
        return
    text = "User-agent: *\nAllow: /\n"
    if "sphinx_sitemap" in app.extensions and app.config.html_baseurl:
        base = app.config.html_baseurl.rstrip("/") + "/"
        text += "\n" + "".join(
            f"Sitemap: {base}{folder}{app.config.sitemap_filename}\n"
            for folder, _name in EDITIONS.values()
        )
    (Path(app.outdir) / "robots.txt").write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.add_transform(DescriptionMeta)
    app.connect("doctree-read", check_description)
    # Before sphinxext-opengraph (500), after sphinx-notfound-page (400).
    app.connect("html-page-context", add_description, priority=450)
    app.connect("build-finished", write_robots_txt)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
