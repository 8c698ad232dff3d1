"""The "Key facts" box is a region named by its title, shown right under the
page's title and "Get help now", in the website and the ePub, with its facts
and their citations as written (amitriptyline_kb/pages/key_facts.py).

The tiny project ``roots/test-key-facts/`` has good boxes (one written lower
down the page) and one page for each mistake; the messages of those mistakes
are in ``data/guard_rails.yaml``. The real site's boxes are checked in
site/test_key_facts.py.
"""

from __future__ import annotations

import pytest

from helpers import build_root, soup_of, source_data, warnings_of

TITLE = source_data("page-text.yaml")["key facts"]["title"]


@pytest.fixture
def built(make_app, rootdir, tmp_path):
    return build_root("key-facts", make_app, rootdir, tmp_path)


@pytest.fixture
def book(make_app, rootdir, tmp_path):
    return build_root("key-facts", make_app, rootdir, tmp_path, "epub")


def top_of_page(page) -> list:
    """The elements of the page's first section, in order, from its title."""
    return page.select_one("h1").parent.find_all(recursive=False)


def box_of(page):
    boxes = page.select("section.kb-key-facts")
    assert len(boxes) == 1, f"expected one key-facts box, found {len(boxes)}"
    return boxes[0]


def test_the_box_is_a_region_named_by_its_title(built):
    page = soup_of(built.outdir / "index.html")
    box = box_of(page)
    title = page.find(id=box["aria-labelledby"])
    assert title is not None and title in box.descendants
    assert title.get_text(strip=True) == TITLE == "Key facts"


@pytest.mark.parametrize("name", ["index", "late"])
def test_the_box_is_right_under_the_title_and_get_help_now(built, name):
    """Also when the page has it lower down ("late"): readers find it in one place."""
    page = soup_of(built.outdir / f"{name}.html")
    first, second, third = top_of_page(page)[:3]
    assert first.name == "h1"
    assert "kb-get-help" in second["class"]
    assert third is box_of(page)


def test_on_the_get_help_page_the_box_is_right_under_the_title(built):
    page = soup_of(built.outdir / "help.html")
    assert page.select_one(".kb-get-help") is None
    assert top_of_page(page)[1] is box_of(page)


def test_the_box_keeps_its_facts_each_with_a_link_to_its_source(built):
    box = box_of(soup_of(built.outdir / "index.html"))
    facts = box.select("ul > li")
    assert [" ".join(f.get_text(" ").split()).split(" [")[0] for f in facts] == [
        "It eases nerve pain for some people",
        "It does not mend nerves",
        "Pain relief can take 6 weeks",
    ]
    for fact in facts:
        assert fact.select('.bibtex-citation a[href^="references.html#"]'), fact.get_text()


def test_a_broken_box_still_shows_what_it_holds(built):
    """A mistake is a warning, but no fact a contributor wrote is dropped."""
    not_a_list = box_of(soup_of(built.outdir / "not-a-list.html"))
    assert "It eases pain" in not_a_list.select_one("p:not(.kb-key-facts-title)").get_text()
    assert len(not_a_list.select("li")) == 3
    assert len(box_of(soup_of(built.outdir / "too-many.html")).select("li")) == 6
    second = soup_of(built.outdir / "two-boxes.html").select("section.kb-key-facts")[1]
    assert "dry mouth" in second.get_text()


def test_the_box_is_in_the_epub_with_its_stylesheet(book):
    chapter = soup_of(book.outdir / "index.xhtml")
    box = box_of(chapter)
    assert chapter.find(id=box["aria-labelledby"]).get_text(strip=True) == TITLE
    assert len(box.select("li")) == 3
    linked = [link["href"] for link in chapter.select('link[rel="stylesheet"]')]
    assert any(href.endswith("kb-pages.css") for href in linked), linked
    assert (book.outdir / "_static" / "kb-pages.css").exists()


def test_only_the_pages_named_in_the_configuration_may_go_without_a_box(
    make_app, rootdir, tmp_path
):
    app = build_root("key-facts", make_app, rootdir, tmp_path, kb_pages_without_key_facts=[])
    assert [w for w in warnings_of(app, "kb.key_facts") if w.startswith("references.md")] == [
        "references.md:1: WARNING: this topic page has no key-facts box; right under the title, "
        "write ':::{key-facts}', then 3 to 5 of the page's main facts, one '- ' line each with "
        "its {cite:p} source, then ':::' (a page that makes no medical statement is listed in "
        "kb_pages_without_key_facts in conf.py instead) [kb.key_facts]"
    ]
