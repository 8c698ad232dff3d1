"""The Spanish edition's search answers Spanish readers, in Chromium.

The same search as the English site's (browser/test_search.py), with
Sphinx's Spanish stemmer and stop words, and the Spanish reader words of
``source/_data/es/search-synonyms.yaml``. Each query in
``data/search_queries.es.yaml`` names the page that answers it.
"""

from __future__ import annotations

import pytest

from amitriptyline_kb.tools.chromium import SEARCH_SUMMARY
from helpers import EMERGENCY_NUMBERS, data, search, source_data

EXPECT = data("search_queries.es.yaml")
QUERIES = EXPECT["queries"]
URGENT_WORDS = source_data("es/search-synonyms.yaml")["urgent words"]


@pytest.fixture(scope="module")
def spanish_site(served_site) -> str:
    return served_site + "es/"


@pytest.fixture(scope="module")
def rankings(browser, spanish_site) -> dict[str, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    found = {item["query"]: search(page, spanish_site, item["query"]) for item in QUERIES}
    context.close()
    return found


def test_the_query_file_holds_enough_queries():
    assert len(QUERIES) >= EXPECT["min_queries"]


def test_every_spanish_query_finds_its_page_among_the_first_results(rankings):
    missed = [
        f"{item['query']!r}: expected {item['page']} in the first {item.get('top', EXPECT['top'])}; "
        f"got {rankings[item['query']][:5]}"
        for item in QUERIES
        if item["page"] not in rankings[item["query"]][: item.get("top", EXPECT["top"])]
    ]
    assert not missed, "\n".join(missed)


def test_at_least_nine_of_ten_held_out_spanish_queries_find_their_page_first(rankings):
    """The English search's rule (browser/test_search.py): the queries written
    before the synonyms were, as a reader would type them."""
    held_out = [item for item in QUERIES if item.get("held out")]
    assert len(held_out) >= 10
    missed = [item for item in held_out if rankings[item["query"]][:1] != [item["page"]]]
    assert len(held_out) - len(missed) >= EXPECT["held out first share"] * len(held_out), "; ".join(
        f"{item['query']!r} -> {rankings[item['query']][:3]}" for item in missed
    )


@pytest.mark.parametrize("query", EXPECT["urgent"])
def test_a_spanish_query_about_an_overdose_or_self_harm_shows_the_emergency_box(
    spanish_site, new_page, query
):
    page = new_page()
    search(page, spanish_site, query)
    box = page.locator("#kb-search-urgent")
    assert box.is_visible(), f"{query!r}: no emergency box"
    numbers = set(
        box.locator("a[href^='tel:']").evaluate_all(
            "links => links.map(l => l.getAttribute('href'))"
        )
    )
    assert EMERGENCY_NUMBERS <= numbers
    assert "amitriptilina" in box.inner_text()


def test_a_topic_the_spanish_edition_does_not_cover_gets_one_honest_spanish_sentence(
    spanish_site, new_page
):
    page = new_page()
    assert search(page, spanish_site, "precio del jugo de toronja") == []
    summary = page.locator(SEARCH_SUMMARY).inner_text()
    assert "Este sitio no tiene una respuesta sobre" in summary, summary
    assert "farmac" in summary, summary


@pytest.mark.parametrize("query", EXPECT["not urgent"])
def test_an_everyday_spanish_query_shows_no_emergency_box(spanish_site, new_page, query):
    page = new_page()
    search(page, spanish_site, query)
    assert not page.locator("#kb-search-urgent").is_visible(), f"{query!r} showed the emergency box"


@pytest.mark.parametrize("query", EXPECT["not covered"])
def test_each_topic_the_edition_does_not_cover_lists_no_page(spanish_site, new_page, query):
    page = new_page()
    assert search(page, spanish_site, query) == [], f"{query!r} listed pages"
    assert "Este sitio no tiene una respuesta sobre" in page.locator(SEARCH_SUMMARY).inner_text()
