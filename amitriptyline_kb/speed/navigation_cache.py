"""Build furo's sidebar navigation once per folder instead of once per page.

Furo puts the whole site's navigation tree in the sidebar of every page. For
each page it asks Sphinx for the global toctree, renders it to HTML, and
parses that HTML again with BeautifulSoup to add its expand/collapse toggles.
Each of those steps grows with the number of pages and runs once per page, so
a build's time grows with the square of the page count: at 300 pages it was
nearly three quarters of a clean build (``make bench``; docs/maintaining.md).

Two pages in one folder get the same tree except for which entries are
marked as current, because the links are relative to the folder. So, per
folder, this renders the tree once with a numbered marker on each entry and
list, lets furo add its toggles once (furo caches that step on the HTML it
is given), and then, for each page, writes the marks furo and Sphinx would
have written: the ``current`` classes on the page's own entry, its ancestors
and their lists, ``current-page`` on the page's entry, ``href="#"`` on its
link and ``checked`` on the toggles of the open branches. The result is the
same HTML byte for byte; tests/unit/test_navigation_cache.py compares every page
of a nested test site with furo's own output.

Only the one call furo makes is answered this way; any other call of the
``toctree()`` template function goes to Sphinx as before. A tree whose
markers cannot all be filled in falls back to furo's own way for that page.

Furo pull request #939 (https://github.com/pradyunsg/furo/pull/939) proposes
the same saving inside furo. When a furo release has it, this extension can
go: delete it from conf.py and compare ``make bench`` before and after.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment.adapters.toctree import global_toctree_for_doc

# The arguments of furo's call (furo._compute_navigation_tree).
FURO_CALL: dict[str, Any] = {
    "collapse": False,
    "titles_only": True,
    "maxdepth": -1,
    "includehidden": True,
}
# Builders whose page addresses are "<docname>.html" (or .xhtml), so every
# page of a folder sees the same relative links. dirhtml gives each page a
# folder of its own, and singlehtml has one page: both keep furo's own way.
FOLDER_BUILDERS = {"html", "epub"}
# A page name that matches no page (conf.py excludes names starting with a
# dot): the tree is rendered as seen from it, so no entry is marked current.
NEUTRAL_PAGE = ".navigation"
MARKER = "kbnav"
# Context key: our toctree() function and the one it stands in for.
TOCTREES = "kb_navigation_toctrees"

ENTRY = re.compile(
    rf'<li class="(?P<level>toctree-l\d+) {MARKER}(?P<index>\d+)(?P<children> has-children)?">'
    r'(?P<link><a class="[^"]*" href="[^"]*">)(?P<title>.*?</a>)'
    r'(?P<toggle><input aria-label="[^"]*")?',
    re.DOTALL,
)
LIST = re.compile(rf'<ul class="{MARKER}-list(?P<index>\d+)">')


@dataclass
class FolderTree:
    """One folder's navigation tree with numbered markers, and what they stand for."""

    html: str = ""
    # Entry number -> the link written in its place, for entries that can be
    # current: links to a page, not to a section of one or to another site.
    href: dict[int, str] = field(default_factory=dict)
    entries_for_href: dict[str, list[int]] = field(default_factory=dict)
    parent_entry: dict[int, int] = field(default_factory=dict)
    parent_list: dict[int, int] = field(default_factory=dict)


def folder_tree(builder: StandaloneHTMLBuilder, folder: str) -> FolderTree:
    """Render the tree as seen from ``folder``, each entry and list marked."""
    neutral = posixpath.join(folder, NEUTRAL_PAGE)
    toctree = global_toctree_for_doc(builder.env, neutral, builder, tags=builder.tags, **FURO_CALL)
    tree = FolderTree()
    if toctree is None:
        return tree
    list_numbers: dict[int, int] = {}
    for number, bullet_list in enumerate(toctree.findall(nodes.bullet_list)):
        bullet_list["classes"].append(f"{MARKER}-list{number}")
        list_numbers[id(bullet_list)] = number
    entry_numbers: dict[int, int] = {}
    for number, item in enumerate(toctree.findall(nodes.list_item)):
        item["classes"].append(f"{MARKER}{number}")
        entry_numbers[id(item)] = number
        tree.parent_list[number] = list_numbers[id(item.parent)]
        ancestor = item.parent
        while ancestor is not None and not isinstance(ancestor, nodes.list_item):
            ancestor = ancestor.parent
        if ancestor is not None:
            tree.parent_entry[number] = entry_numbers[id(ancestor)]
        reference = next(item.findall(nodes.reference), None)
        if reference is not None and reference.get("internal") and not reference.get("anchorname"):
            tree.href[number] = reference["refuri"]
            tree.entries_for_href.setdefault(reference["refuri"], []).append(number)
            reference["refuri"] = f"{MARKER}{number}"
    tree.html = builder.render_partial(toctree)["fragment"]
    return tree


def fill_marks(furo_html: str, tree: FolderTree, page_href: str) -> str | None:
    """The page's navigation, or None if a marker is not where it should be."""
    own = tree.entries_for_href.get(page_href, [])
    current: set[int] = set()
    for entry in own:
        ancestor: int | None = entry
        while ancestor is not None and ancestor not in current:
            current.add(ancestor)
            ancestor = tree.parent_entry.get(ancestor)
    open_lists = {tree.parent_list[entry] for entry in current}
    # Furo marks the last current entry in document order as the page's own.
    current_page = max(current, default=None)

    def entry_html(match: re.Match) -> str:
        entry = int(match["index"])
        is_current = entry in current
        classes = [match["level"]]
        classes += ["current"] if is_current else []
        classes += ["has-children"] if match["children"] else []
        classes += ["current-page"] if entry == current_page else []
        link = match["link"]
        if entry in own:
            link = '<a class="current reference internal" href="#">'
        elif entry in tree.href:
            link = f'<a class="reference internal" href="{tree.href[entry]}">'
        toggle = match["toggle"] or ""
        if toggle and is_current:
            toggle += ' checked=""'
        return f'<li class="{" ".join(classes)}">{link}{match["title"]}{toggle}'

    filled = ENTRY.sub(entry_html, furo_html)
    filled = LIST.sub(
        lambda m: '<ul class="current">' if int(m["index"]) in open_lists else "<ul>", filled
    )
    return None if MARKER in filled else filled


def furo_navigation_tree(toctree_html: str) -> str:
    """Furo's own tree, for a page whose markers could not be filled in."""
    # Imported here: it loads BeautifulSoup, which a build that never falls
    # back (every build so far) does not need.
    from furo.navigation import get_navigation_tree

    return get_navigation_tree(toctree_html)


def setup(app: Sphinx) -> dict[str, Any]:
    folders: dict[str, FolderTree] = {}

    def answer_furos_call(app: Sphinx, pagename: str, templatename: str, context, doctree) -> None:
        original = context.get("toctree")
        builder = app.builder
        if original is None or builder.name not in FOLDER_BUILDERS:
            return
        assert isinstance(builder, StandaloneHTMLBuilder)  # html and epub both are
        folder = posixpath.dirname(pagename)

        def toctree(**kwargs: Any) -> str:
            # Only furo's call, and only while this function is the page's
            # own: an extension that wraps it (as sphinx-notfound-page
            # replaces it on the 404 page) gets Sphinx's answer.
            if kwargs != FURO_CALL or context.get("toctree") is not toctree:
                return original(**kwargs)
            if folder not in folders:
                folders[folder] = folder_tree(builder, folder)
            return folders[folder].html

        context["toctree"] = toctree
        context[TOCTREES] = (toctree, original)

    def mark_current_page(app: Sphinx, pagename: str, templatename: str, context, doctree) -> None:
        ours, original = context.pop(TOCTREES, (None, None))
        if context.get("toctree") is not ours:
            # Another extension put its own function in place after ours (as
            # sphinx-notfound-page does on the 404 page); furo called that.
            return
        # Templates that call toctree() themselves get Sphinx's function back.
        context["toctree"] = original
        folder = posixpath.dirname(pagename)
        furo_html = context.get("furo_navigation_tree", "")
        if folder not in folders or MARKER not in furo_html:
            return
        page_href = app.builder.get_relative_uri(posixpath.join(folder, NEUTRAL_PAGE), pagename)
        filled = fill_marks(furo_html, folders[folder], page_href)
        if filled is None:
            filled = furo_navigation_tree(original(**FURO_CALL))
        context["furo_navigation_tree"] = filled

    # Before any other handler, so that ``original`` is Sphinx's own function
    # (sphinx-notfound-page replaces it at 400); furo computes its tree at 500.
    app.connect("html-page-context", answer_furos_call, priority=1)
    app.connect("html-page-context", mark_current_page, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
