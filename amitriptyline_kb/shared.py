"""What our extensions share: where a page's line is, what each page notes,
and what every page gets.

- Locations: MyST gives inline nodes no line, and front-matter values reach
  Sphinx without one, so checks that point a contributor to a line use
  ``node_line`` or ``front_matter_line``.
- Per-page records: checks that look across pages (every glossary term used
  somewhere, the sphinx-design classes of the whole site) note something per
  page as it is read, in a dict on the environment keyed by page name. Sphinx
  keeps the environment between builds and rereads only changed pages, so an
  entry must go when its page is reread or deleted, and entries noted in the
  processes of a parallel read must be merged back: ``keep_per_page``.
- Text added to every page around its own words (the disclaimer, the review
  line, "Get help now", the ePub line) carries one class, so that the reading
  grade, the search index, the section-sources check and the tests all leave
  it out the same way: ``on_every_page``, ``is_on_every_page``.
- "Is this the website?" has one answer: an HTML build for browsers, not the
  ePub (whose chapters are HTML too) or another embedded format.
- Static files: each sub-package ships its own ``static/`` folder beside its
  code, added to the build with ``add_static_dir`` (as sphinx-design does).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import Config
from sphinx.environment import BuildEnvironment


def node_line(node: nodes.Node | None) -> int | None:
    """The node's line, or its nearest ancestor's: MyST gives inline nodes none."""
    while node is not None and not node.line:
        node = node.parent
    return node.line if node is not None else None


def front_matter_line(source: Path, key: str) -> int:
    """The front-matter line holding ``key``, or 1 when it is absent."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    for number, line in enumerate(lines, 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def per_page(env: BuildEnvironment, attribute: str) -> dict[str, Any]:
    """The per-page dict that ``keep_per_page`` gave ``env`` under ``attribute``."""
    records: dict[str, Any] = getattr(env, attribute)
    return records


def front_matter_end(source: Path) -> int:
    """The line of the closing '---' of the front matter, or 1 when there is none."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    for number, line in enumerate(lines[1:], 2):
        if line.strip() == "---":
            return number
    return 1


def keep_per_page(app: Sphinx, *attributes: str) -> None:
    """Give ``app.env`` a per-page dict for each name, kept across builds."""

    def create(app: Sphinx) -> None:
        for attribute in attributes:
            if not hasattr(app.env, attribute):
                setattr(app.env, attribute, {})

    def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        for attribute in attributes:
            getattr(env, attribute).pop(docname, None)

    def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment):
        for attribute in attributes:
            ours, theirs = getattr(env, attribute), getattr(other, attribute)
            for docname in docnames:
                if docname in theirs:
                    ours[docname] = theirs[docname]

    app.connect("builder-inited", create)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)


# The class of everything added to every page; "no-search" keeps it out of
# Sphinx's search index, where every page would match it.
ON_EVERY_PAGE = "kb-page-footer"
NOT_SEARCHED = "no-search"


def on_every_page(*classes: str) -> list[str]:
    """The classes of a node added to every page, with its own ``classes``."""
    return [ON_EVERY_PAGE, *classes, NOT_SEARCHED]


def is_on_every_page(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and ON_EVERY_PAGE in node.get("classes", [])


def page_link(from_doc: str, to_doc: str, text: str) -> addnodes.pending_xref:
    """A link to the page ``to_doc``, as {doc} writes it; an unknown page is a warning."""
    return addnodes.pending_xref(
        "",
        nodes.inline("", text),
        refdomain="std",
        reftype="doc",
        reftarget=f"/{to_doc}",
        refexplicit=True,
        refwarn=True,
        refdoc=from_doc,
    )


# The language the pages are written in; other languages are editions
# translated from it (amitriptyline_kb/pages/editions.py).
SOURCE_LANGUAGE = "en"
# Each edition: its folder under the English site ("" for the root) and the
# name of its language, in that language (as a switcher names it).
EDITIONS = {"en": ("", "English"), "es": ("es/", "Español")}


def edition_root(address: str, language: str) -> str:
    """The English site's address (ending in "/"), from ``address``, the
    address of ``language``'s edition (its folder of the English site)."""
    address = address.rstrip("/") + "/"
    folder = EDITIONS.get(language, ("", ""))[0]
    return address.removesuffix(folder) if folder else address


def ancestors(node: nodes.Node):
    """``node``, its parent, its parent's parent, up to the document."""
    while node is not None:
        yield node
        node = node.parent


def is_translation(config: Config) -> bool:
    return (config.language or SOURCE_LANGUAGE) != SOURCE_LANGUAGE


def data_file_for_language(config: Config, path: Path) -> Path:
    """``path`` (a file under ``source/_data/``), in the build's language:
    ``source/_data/<language>/`` holds a translated build's copy."""
    return path.parent / config.language / path.name if is_translation(config) else path


def is_website(app: Sphinx) -> bool:
    builder = app.builder
    return (
        isinstance(builder, StandaloneHTMLBuilder)
        and builder.format == "html"
        and not builder.embedded
    )


def add_static_files(
    app: Sphinx, folder: Path, *stylesheets: str, builders: tuple[str, ...] = ("html", "epub")
) -> None:
    """Ship ``folder`` with the build and link ``stylesheets`` from every page.

    ``folder`` is a sub-package's ``static/``, beside its code, as sphinx-design
    ships its own; Sphinx copies its files into ``_static/``. Several
    extensions of one sub-package may ask for the same folder and stylesheet:
    each is added once. ``builders`` names the builders that get them.
    """

    def add(app: Sphinx) -> None:
        if app.builder.name not in builders:
            return
        added = app.__dict__.setdefault("kb_static_files", set())
        if str(folder) not in app.config.html_static_path:
            app.config.html_static_path.append(str(folder))
        for stylesheet in stylesheets:
            if stylesheet not in added:
                added.add(stylesheet)
                app.add_css_file(stylesheet)

    app.connect("builder-inited", add)
