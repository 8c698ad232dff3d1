"""sphinx-design's stylesheet keeps the rules the pages use, and leaves out
those of components no page uses.

amitriptyline_kb/speed/design_css.py collects the ``sd-*`` classes of the
pages as they are read and writes a smaller copy of the stylesheet when every
component used is one whose classes are all known by then (tab sets). The
copy must keep what a page of tabs needs (written out here, not worked out
the way the extension works it out) and leave out cards. A site with other
components (a card, a grid, a dropdown and a badge in design-css-other)
keeps the whole stylesheet.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
import sphinx_design
import tinycss2

# sphinx-design's own name for its stylesheet, which the copy keeps.
STYLESHEET = "sphinx-design.min.css"
FULL = Path(sphinx_design.__file__).parent / "static" / STYLESHEET
# What a reader's tab page needs of it. A tab set is radio buttons, each
# followed by its label and its panel: the buttons hidden, the labels drawn
# as tabs, the chosen one marked, the one focused from the keyboard shown,
# and only the chosen tab's panel shown.
TAB_PAGE_RULES = {
    ".sd-tab-set",
    ".sd-tab-set>input",
    ".sd-tab-set>label",
    ".sd-tab-set>input:checked+label",
    ".sd-tab-set>input:focus+label",
    ".sd-tab-content",
    ".sd-tab-set>input:checked+label+.sd-tab-content",
}


def _selectors(css: str) -> set[str]:
    """Every selector of every rule, at any depth, without spaces."""
    found: set[str] = set()

    def walk(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                for selector in tinycss2.serialize(rule.prelude).split(","):
                    found.add(re.sub(r"\s+", "", selector))
            elif rule.type == "at-rule" and rule.content is not None:
                walk(tinycss2.parse_blocks_contents(rule.content, True, True))

    walk(tinycss2.parse_stylesheet(css, True, True))
    return found


def _classes_in_pages(outdir: Path) -> set[str]:
    pages = " ".join(path.read_text(encoding="utf-8") for path in outdir.glob("*.html"))
    return {
        name
        for value in re.findall(r'class="([^"]*)"', pages)
        for name in value.split()
        if name.startswith("sd-")
    }


@pytest.fixture
def built(app):
    app.build()
    assert app.statuscode == 0
    outdir = Path(app.outdir)
    return outdir, (outdir / "_static" / STYLESHEET).read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="design-css", freshenv=True)
def test_the_rules_a_tab_page_needs_are_kept(built):
    _, subset = built
    # In the full stylesheet too: a sphinx-design that renamed them would
    # otherwise pass unseen.
    assert TAB_PAGE_RULES <= _selectors(FULL.read_text(encoding="utf-8"))
    assert TAB_PAGE_RULES <= _selectors(subset)


@pytest.mark.sphinx("html", testroot="design-css", freshenv=True)
def test_rules_of_components_no_page_uses_are_left_out(built):
    outdir, subset = built
    assert "sd-card" not in _classes_in_pages(outdir)
    assert ".sd-card" not in subset
    assert len(subset) < FULL.stat().st_size / 2


@pytest.mark.sphinx("html", testroot="design-css-other", freshenv=True)
def test_a_site_with_components_that_add_classes_when_written_keeps_it_whole(built):
    _, stylesheet = built
    assert stylesheet == FULL.read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="design-css", freshenv=True)
def test_pages_link_the_smaller_copy_with_its_own_checksum(built):
    outdir, subset = built
    checksum = f"{zlib.crc32(subset.encode('utf-8')):08x}"
    assert f"{STYLESHEET}?v={checksum}" in (outdir / "tabs.html").read_text(encoding="utf-8")


# A dropdown keeps its classes in other attributes, an icon in raw HTML.
OTHER_COMPONENTS = {
    "dropdown": "\n:::{dropdown} More\nText.\n:::\n",
    "icon": "\nAn icon: {octicon}`heart`.\n",
}


@pytest.mark.parametrize("component", sorted(OTHER_COMPONENTS))
@pytest.mark.sphinx("html", testroot="design-css", freshenv=True)
def test_a_page_that_starts_using_another_component_gets_the_whole_stylesheet(
    app, make_app, component
):
    app.build()
    stylesheet = Path(app.outdir) / "_static" / STYLESHEET
    assert stylesheet.stat().st_size < FULL.stat().st_size
    page = Path(app.srcdir) / "tabs.md"
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original + OTHER_COMPONENTS[component], encoding="utf-8")
        again = make_app("html", srcdir=app.srcdir)
        again.build()
        assert stylesheet.read_text(encoding="utf-8") == FULL.read_text(encoding="utf-8")
    finally:
        page.write_text(original, encoding="utf-8")
