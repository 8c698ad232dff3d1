"""The site's own search page answers readers in their own words, in Chromium.

Readers type symptoms, medicine and brand names, abbreviations, misspellings
and whole questions. Each query in ``data/search_queries.yaml`` names the page
that answers it; that page must be among the first results of search.html,
run in Chromium on the served site, and most of the held-out queries must
find it first. The search is Sphinx's, ranked by
``amitriptyline_kb/search/static/search-answers.js`` with the words in
``source/_data/search-synonyms.yaml`` (``amitriptyline_kb/search/synonyms.py``) and the
pages' ``keywords:`` (``amitriptyline_kb/search/keywords.py``). A search submitted on the
search page runs in place (``amitriptyline_kb/search/static/search-in-place.js``,
``amitriptyline_kb/search/in_place.py``). What the build gives the search
to work with: site/test_search_index.py; that the query file names real
pages: repo/test_search_queries.py; the summaries under the results, and the
search from disk: browser/test_search_summaries.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest

from amitriptyline_kb.tools.chromium import SEARCH_SUMMARY, RequestLog, record_requests
from helpers import EMERGENCY_NUMBERS, data, search, search_results

EXPECT = data("search_queries.yaml")
TOP = EXPECT["top"]
QUERIES = EXPECT["queries"]
RESULT_ITEMS = "#search-results ul.search > li"
SEARCH_BOX = "form[role=search] input[name=q]"


# -- Reader queries in the browser ----------------------------------------------


@dataclass
class SearchRun:
    """Every reader query searched once: results, script errors, requests."""

    rankings: dict[str, list[str]]
    errors: list[str]
    requests: RequestLog


@pytest.fixture(scope="module")
def run(browser, served_site) -> SearchRun:
    context = browser.new_context()
    # Requests to other hosts are recorded and blocked.
    requests = record_requests(context)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    rankings = {item["query"]: search(page, served_site, item["query"]) for item in QUERIES}
    context.close()
    return SearchRun(rankings, errors, requests)


def test_every_reader_query_finds_its_page_among_the_first_results(run):
    misses = []
    for item in QUERIES:
        ranking = run.rankings[item["query"]]
        top = item.get("top", TOP)
        if item["page"] not in ranking[:top]:
            shown = "\n      ".join(f"{rank}. {name}" for rank, name in enumerate(ranking, 1))
            misses.append(
                f"{item['query']!r}: expected {item['page']} in the first {top}; got:\n"
                f"      {shown or '(no results)'}"
            )
    assert not misses, (
        f"{len(misses)} of {len(QUERIES)} queries miss their page:\n  " + "\n  ".join(misses)
    )


def test_most_held_out_queries_find_their_page_first(run):
    held_out = [item for item in QUERIES if item.get("held out")]
    share = EXPECT["held out first share"]
    assert len(held_out) >= 10, f"only {len(held_out)} held-out queries"
    missed = [
        f"{item['query']!r}: {item['page']} is not first; got {run.rankings[item['query']][:3]}"
        for item in held_out
        if run.rankings[item["query"]][:1] != [item["page"]]
    ]
    assert len(held_out) - len(missed) >= share * len(held_out), (
        f"{len(missed)} of {len(held_out)} held-out queries miss the first place:\n  "
        + "\n  ".join(missed)
    )


def test_each_result_is_a_different_page(run):
    twice = {query: ranks for query, ranks in run.rankings.items() if len(set(ranks)) < len(ranks)}
    assert not twice, f"queries that list a page twice: {twice}"


def test_searching_runs_without_script_errors_and_stays_on_the_site(run):
    assert not run.errors, f"script errors on the search page: {run.errors}"
    assert any(url.endswith("searchindex.js") for url in run.requests.urls)
    assert run.requests.offsite == [], f"the search reached other hosts: {run.requests.offsite}"


URGENT_BOX = "#kb-search-urgent"


def urgent_box_shown(page) -> bool:
    """Is the emergency box shown, and above the results?"""
    return page.evaluate(
        """selector => {
          const box = document.querySelector(selector);
          const results = document.getElementById("search-results");
          return !!box && !box.hidden && box.offsetHeight > 0 &&
            !!(box.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""",
        URGENT_BOX,
    )


@pytest.mark.parametrize("query", EXPECT["urgent"])
def test_a_query_about_taking_too_much_or_self_harm_shows_the_emergency_guidance_first(
    served_site, new_page, query
):
    page = new_page()
    search(page, served_site, query)
    assert urgent_box_shown(page), f"{query!r}: no emergency guidance above the results"
    link = page.locator(f"{URGENT_BOX} a[href$='get-help-now.html']")
    assert link.count() == 1
    assert EMERGENCY_NUMBERS <= set(
        page.locator(f"{URGENT_BOX} a[href^='tel:']").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
    )


@pytest.mark.parametrize("query", EXPECT["not urgent"])
def test_an_everyday_query_shows_no_emergency_box(served_site, new_page, query):
    page = new_page()
    search(page, served_site, query)
    assert not urgent_box_shown(page), f"{query!r} showed the emergency box"


def test_the_emergency_box_goes_when_the_next_search_is_not_urgent(served_site, new_page):
    page = new_page()
    search(page, served_site, EXPECT["urgent"][0])
    search_again(page, EXPECT["not urgent"][0])
    assert not urgent_box_shown(page)


@pytest.mark.parametrize("query", EXPECT["not covered"])
def test_a_topic_the_site_does_not_cover_gets_one_honest_sentence_and_no_results(
    served_site, new_page, query
):
    page = new_page()
    assert search(page, served_site, query) == [], f"{query!r} listed pages"
    summary = page.locator(SEARCH_SUMMARY).inner_text()
    assert "This site has no answer about" in summary, summary
    assert "pharmacist" in summary and "leaflet" in summary, summary
    assert summary.count(".") == 1, f"not one sentence: {summary!r}"


# -- Searching again on the search page -------------------------------------------


def two_queries_with_different_results(rankings: dict[str, list[str]]) -> tuple[dict, dict]:
    """The first reader query, and the first after it for another page whose
    results differ, so each search's results can tell which query they are of."""
    first = QUERIES[0]
    for second in QUERIES[1:]:
        if (
            second["page"] != first["page"]
            and rankings[second["query"]] != rankings[first["query"]]
        ):
            return first, second
    raise AssertionError("no two reader queries in the query file have different results")


def search_again(page, query: str) -> None:
    """Type ``query`` into the search page's box and submit it, as a reader does;
    wait for a summary line that is not the last search's."""
    page.evaluate(
        "selector => (window.kbLastSummary = document.querySelector(selector))", SEARCH_SUMMARY
    )
    page.locator(SEARCH_BOX).fill(query)
    page.locator(SEARCH_BOX).press("Enter")
    page.wait_for_function(
        """selector => {
          const summary = document.querySelector(selector);
          return summary !== window.kbLastSummary && summary?.textContent.trim();
        }""",
        arg=SEARCH_SUMMARY,
    )


def query_of(page) -> str | None:
    return parse_qs(urlsplit(page.url).query).get("q", [None])[0]


def wait_for_every_result_summary(page) -> None:
    """Every result has the lines under its link (the build's summaries, or,
    for a page without, Sphinx's from the fetched page)."""
    page.wait_for_function(
        "selector => [...document.querySelectorAll(selector)].every("
        "item => item.querySelector('p.context'))",
        arg=RESULT_ITEMS,
    )


def test_a_search_on_the_search_page_runs_in_place_and_back_shows_the_last_one(
    run, served_site, new_page
):
    first, second = two_queries_with_different_results(run.rankings)
    page = new_page()
    search(page, served_site, first["query"])
    page.evaluate("window.kbSamePage = true")

    search_again(page, second["query"])
    assert page.evaluate("window.kbSamePage"), "submitting the search loaded the page again"
    ranking = search_results(page)
    assert second["page"] in ranking[:TOP], f"{second['query']!r}: got {ranking}"
    assert ranking == run.rankings[second["query"]], "not the results of loading the query"
    assert query_of(page) == second["query"]
    assert page.evaluate("document.activeElement.matches('#search-results h2')"), (
        "focus did not move to the results"
    )
    assert page.evaluate(
        "document.activeElement.getAttribute('aria-describedby')"
    ) == page.evaluate("selector => document.querySelector(selector).id", SEARCH_SUMMARY)

    page.go_back()
    page.wait_for_function(
        "([selector, query]) => new URLSearchParams(location.search).get('q') === query"
        " && document.querySelector(selector)?.textContent.trim()",
        arg=[SEARCH_SUMMARY, first["query"]],
    )
    assert page.evaluate("window.kbSamePage"), "Back loaded the page again"
    assert search_results(page) == run.rankings[first["query"]]
    assert page.locator(SEARCH_BOX).input_value() == first["query"]


def test_a_search_run_in_place_shows_what_loading_its_address_shows(run, served_site, new_page):
    first, second = two_queries_with_different_results(run.rankings)
    in_place = new_page()
    search(in_place, served_site, first["query"])
    search_again(in_place, second["query"])
    wait_for_every_result_summary(in_place)
    loaded = new_page()
    loaded.goto(in_place.url)
    wait_for_every_result_summary(loaded)
    html = "document.getElementById('search-results').outerHTML"
    assert in_place.evaluate(html) == loaded.evaluate(html)


def test_without_javascript_the_search_form_loads_the_search_page(served_site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(f"{served_site}search.html")
    query = QUERIES[0]["query"]
    page.locator(SEARCH_BOX).fill(query)
    page.locator(SEARCH_BOX).press("Enter")
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("q") == [query])
