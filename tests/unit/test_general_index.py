"""The index A to Z is one a reader can use (amitriptyline_kb/pages/general_index.py).

The tiny project ``roots/test-general-index/`` has a word on two pages, a
word with a sub-entry, a bare phone number and an entry that starts with a
digit; it is built with the site's own index template.
"""

from __future__ import annotations

import zipfile

import pytest
from bs4 import BeautifulSoup

from helpers import build_root, soup_of

TITLES = {"What side effects can it cause?", "Feeling sleepy"}


@pytest.fixture
def website(make_app, rootdir, tmp_path):
    app = build_root("general-index", make_app, rootdir, tmp_path)
    return soup_of(app.outdir / "genindex.html")


def entry(page: BeautifulSoup, word: str):
    return next(
        li
        for li in page.select("ul.kb-index > li")
        if li.select_one(".kb-index-word").get_text() == word
    )


def test_a_word_on_two_pages_names_both_by_their_titles(website):
    links = entry(website, "drowsiness").find_all("a", recursive=False)
    assert {a.get_text() for a in links} == TITLES
    assert {a["href"] for a in links} >= {"side-effects.html#index-0", "drowsiness.html#index-1"}


def test_no_link_is_a_bare_number(website):
    texts = [a.get_text() for a in website.select("ul.kb-index a")]
    assert texts and all(text in TITLES for text in texts), texts


def test_a_sub_entry_stays_under_its_word_with_its_page(website):
    subs = entry(website, "drowsiness").select("ul > li")
    # The bare number "112" has no word: it is left out.
    assert [s.select_one(".kb-index-word").get_text() for s in subs] == ["at night"]
    sub = subs[0]
    assert [a.get_text() for a in sub.find_all("a")] == ["Feeling sleepy"]


def test_there_is_no_symbols_section_and_no_entry_without_a_word(website):
    letters = [h2.get_text() for h2 in website.select("section.genindex-section h2")]
    assert letters == ["D", "T"]
    words = [w.get_text() for w in website.select(".kb-index-word")]
    assert "999" not in words
    assert "20 things to know" in [w.get_text() for w in entry_section(website, "T")]


def entry_section(page: BeautifulSoup, letter: str):
    return page.select(f"section#{letter} .kb-index-word")


def test_the_jump_links_name_each_letter(website):
    jump = website.select_one("nav.genindex-jumpbox")
    assert jump["aria-label"] == "Letters of the index"
    assert [(a.get_text(), a["href"]) for a in jump.find_all("a")] == [("D", "#D"), ("T", "#T")]


def test_the_book_has_the_same_index(make_app, rootdir, tmp_path):
    app = build_root("general-index", make_app, rootdir, tmp_path, builder="epub")
    book = next(app.outdir.glob("*.epub"))
    with zipfile.ZipFile(book) as epub:
        page = BeautifulSoup(epub.read("genindex.xhtml").decode(), "html.parser")
    assert {
        a.get_text() for a in entry(page, "drowsiness").find_all("a", recursive=False)
    } == TITLES
