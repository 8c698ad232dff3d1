"""The site's own search page answers readers in their own words.

Readers type symptoms, medicine and brand names, abbreviations and whole
questions. Each query in ``data/search_queries.yaml`` names the page that
answers it; that page must be among the first results of search.html, run in
Chromium on the served site. The search is Sphinx's, ranked by
``source/_static/search-answers.js`` with the words in
``source/_data/search-synonyms.yaml`` (``amitriptyline_kb/search/synonyms.py``) and the
pages' ``keywords:`` (``amitriptyline_kb/search/keywords.py``). A search submitted on the
search page runs in place (``source/_static/search-in-place.js``,
``amitriptyline_kb/search/in_place.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import yaml
from sphinx.search.en import SearchEnglish

from amitriptyline_kb.tools.chromium import RequestLog, record_requests
from helpers import DATA, ROOT, warnings_of

EXPECT = yaml.safe_load((DATA / "search_queries.yaml").read_text(encoding="utf-8"))
TOP = EXPECT["top"]
QUERIES = EXPECT["queries"]
SYNONYMS_FILE = ROOT / "source" / "_data" / "search-synonyms.yaml"
SUMMARY = "#search-results p.search-summary"
RESULT_LINKS = "#search-results ul.search > li > a"
RESULT_ITEMS = "#search-results ul.search > li"
SEARCH_BOX = "form[role=search] input[name=q]"


def search(page, base_url: str, query: str) -> list[str]:
    """The docnames search.html lists for ``query``, best first."""
    page.goto(f"{base_url}search.html?{urlencode({'q': query})}")
    # Sphinx writes the summary line ("Search finished, ...") when it is done.
    page.wait_for_function(
        "selector => document.querySelector(selector)?.textContent.trim()", arg=SUMMARY
    )
    return shown_pages(page)


def shown_pages(page) -> list[str]:
    """The docnames the search page lists now, best first."""
    hrefs = page.locator(RESULT_LINKS).evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return [href.split("#")[0].removesuffix(".html") for href in hrefs]


def search_index(site) -> dict:
    return read_search_index(site.html_dir)


def read_search_index(html_dir) -> dict:
    text = (html_dir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))


# -- The query file ------------------------------------------------------------


def test_the_query_file_has_enough_queries_for_real_pages(reader_pages):
    assert len(QUERIES) >= EXPECT["min_queries"], (
        f"{len(QUERIES)} queries; the search needs at least {EXPECT['min_queries']}"
    )
    unknown = [q["query"] for q in QUERIES if q["page"] not in reader_pages]
    assert not unknown, f"queries whose page does not exist (renamed?): {unknown}"
    repeated = {q["query"] for q in QUERIES if [p["query"] for p in QUERIES].count(q["query"]) > 1}
    assert not repeated, f"queries listed twice: {sorted(repeated)}"


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


@pytest.mark.browser
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


@pytest.mark.browser
def test_each_result_is_a_different_page(run):
    twice = {query: ranks for query, ranks in run.rankings.items() if len(set(ranks)) < len(ranks)}
    assert not twice, f"queries that list a page twice: {twice}"


@pytest.mark.browser
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


@pytest.mark.browser
@pytest.mark.parametrize("query", EXPECT["urgent"])
def test_a_query_about_taking_too_much_or_self_harm_shows_the_emergency_guidance_first(
    served_site, new_page, query
):
    page = new_page()
    search(page, served_site, query)
    assert urgent_box_shown(page), f"{query!r}: no emergency guidance above the results"
    link = page.locator(f"{URGENT_BOX} a[href$='get-help-now.html']")
    assert link.count() == 1
    assert {"tel:999", "tel:112", "tel:911"} <= set(
        page.locator(f"{URGENT_BOX} a[href^='tel:']").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
    )


@pytest.mark.browser
@pytest.mark.parametrize("query", EXPECT["not urgent"])
def test_an_everyday_query_shows_no_emergency_box(served_site, new_page, query):
    page = new_page()
    search(page, served_site, query)
    assert not urgent_box_shown(page), f"{query!r} showed the emergency box"


@pytest.mark.browser
def test_the_emergency_box_goes_when_the_next_search_is_not_urgent(served_site, new_page):
    page = new_page()
    search(page, served_site, EXPECT["urgent"][0])
    search_again(page, EXPECT["not urgent"][0])
    assert not urgent_box_shown(page)


@pytest.mark.browser
@pytest.mark.parametrize("query", EXPECT["not covered"])
def test_a_topic_the_site_does_not_cover_gets_one_honest_sentence_and_no_results(
    served_site, new_page, query
):
    page = new_page()
    assert search(page, served_site, query) == [], f"{query!r} listed pages"
    summary = page.locator(SUMMARY).inner_text()
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
    page.evaluate("selector => (window.kbLastSummary = document.querySelector(selector))", SUMMARY)
    page.locator(SEARCH_BOX).fill(query)
    page.locator(SEARCH_BOX).press("Enter")
    page.wait_for_function(
        """selector => {
          const summary = document.querySelector(selector);
          return summary !== window.kbLastSummary && summary?.textContent.trim();
        }""",
        arg=SUMMARY,
    )


def query_of(page) -> str | None:
    return parse_qs(urlsplit(page.url).query).get("q", [None])[0]


def wait_for_every_result_summary(page) -> None:
    """Sphinx fetches each result page for the lines under its link."""
    page.wait_for_function(
        "selector => [...document.querySelectorAll(selector)].every("
        "item => item.querySelector('p.context'))",
        arg=RESULT_ITEMS,
    )


@pytest.mark.browser
def test_a_search_on_the_search_page_runs_in_place_and_back_shows_the_last_one(
    run, served_site, new_page
):
    first, second = two_queries_with_different_results(run.rankings)
    page = new_page()
    search(page, served_site, first["query"])
    page.evaluate("window.kbSamePage = true")

    search_again(page, second["query"])
    assert page.evaluate("window.kbSamePage"), "submitting the search loaded the page again"
    ranking = shown_pages(page)
    assert second["page"] in ranking[:TOP], f"{second['query']!r}: got {ranking}"
    assert ranking == run.rankings[second["query"]], "not the results of loading the query"
    assert query_of(page) == second["query"]
    assert page.evaluate("document.activeElement.matches('#search-results h2')"), (
        "focus did not move to the results"
    )
    assert page.evaluate(
        "document.activeElement.getAttribute('aria-describedby')"
    ) == page.evaluate("selector => document.querySelector(selector).id", SUMMARY)

    page.go_back()
    page.wait_for_function(
        "([selector, query]) => new URLSearchParams(location.search).get('q') === query"
        " && document.querySelector(selector)?.textContent.trim()",
        arg=[SUMMARY, first["query"]],
    )
    assert page.evaluate("window.kbSamePage"), "Back loaded the page again"
    assert shown_pages(page) == run.rankings[first["query"]]
    assert page.locator(SEARCH_BOX).input_value() == first["query"]


@pytest.mark.browser
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


@pytest.mark.browser
def test_without_javascript_the_search_form_loads_the_search_page(served_site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(f"{served_site}search.html")
    query = QUERIES[0]["query"]
    page.locator(SEARCH_BOX).fill(query)
    page.locator(SEARCH_BOX).press("Enter")
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("q") == [query])


def test_only_the_search_page_runs_searches_in_place(site):
    assert "search-in-place.js" in str(site.html("search"))
    assert "search-in-place.js" not in str(site.html("index"))


# -- The words behind the search --------------------------------------------------


def test_every_synonym_leads_to_words_the_pages_use(site):
    """A synonym whose words no page uses (a typo, a page reworded) leads nowhere."""
    index = search_index(site)
    english = SearchEnglish({})
    indexed = set(index["terms"]) | set(index["titleterms"])
    for entry in index["indexentries"]:
        indexed |= {english.stem(word.lower()) for word in english.split(entry)}
    words = yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8"))["synonyms"]
    unused = []
    for said, meant in words.items():
        for phrase in [meant] if isinstance(meant, str) else meant:
            stems = [english.stem(w.lower()) for w in english.split(phrase)]
            if not all(stem in indexed for stem in stems if english.word_filter(stem)):
                unused.append(f"{said}: {phrase}")
    assert not unused, f"synonyms that lead to words no page uses: {unused}"


def test_page_keywords_are_index_entries_at_the_top_of_their_page(site, reader_pages):
    index = search_index(site)
    docnames = index["docnames"]
    entries = {
        (docnames[file], entry)
        for entry, found in index["indexentries"].items()
        for file, _anchor, _main in found
    }
    genindex = site.html("genindex").get_text(" ")
    missing = []
    for docname in reader_pages:
        text = (ROOT / "source" / f"{docname}.md").read_text(encoding="utf-8")
        value = yaml.safe_load(text.split("---")[1]).get("keywords")
        if value is None:
            continue
        # Read as the authoring guide describes them: a YAML list, or commas.
        keywords = value if isinstance(value, list) else [k.strip() for k in value.split(",")]
        for keyword in keywords:
            if (docname, keyword.lower()) not in entries or keyword not in genindex:
                missing.append(f"{docname}: {keyword}")
    assert not missing, f"keywords missing from the search index or the index page: {missing}"


# -- Mistakes in the data are located warnings ---------------------------------------


@pytest.mark.sphinx("html", testroot="search-words")
def test_bad_keywords_and_synonyms_are_located_warnings_that_say_how_to_fix_them(app):
    app.build()
    assert warnings_of(app) == [
        "bad-keywords.md:3: WARNING: 'keywords' must be words or phrases separated by "
        "commas, none of them empty and none holding ';', for example "
        "'keywords: neuropathy, symptoms, causes of nerve damage' [kb.keywords]",
        "search-synonyms.yaml:6: WARNING: 'tingly' is listed twice under 'synonyms'; keep "
        "one line and put all its words in a list, for example "
        "'tingly: [word, other word]' [kb.search]",
        "search-synonyms.yaml:7: WARNING: 'numb' must be followed by the words the pages "
        "use, as one word or phrase or a list in [brackets], for example "
        "'pins and needles: tingling' [kb.search]",
        "search-synonyms.yaml:10: WARNING: 'filler words' must be a list of single words, "
        "one a line, for example '  - please' [kb.search]",
        "search-synonyms.yaml:11: WARNING: unknown part 'stop words'; the file has only "
        "'synonyms:', 'filler words:', 'urgent words:' [kb.search]",
    ]


@pytest.mark.sphinx(
    "html", testroot="search-words", confoverrides={"kb_search_synonyms": "broken.yaml"}
)
def test_a_synonyms_file_that_is_not_yaml_is_a_located_warning(app):
    app.build()
    assert [w for w in warnings_of(app) if "broken.yaml" in w] == [
        "broken.yaml:3: WARNING: this is not valid YAML (could not find expected ':'); "
        "compare the line with the lines around it [kb.search]",
    ]


@pytest.mark.sphinx("html", testroot="search-words")
def test_good_keywords_and_synonyms_reach_the_search_page(app):
    app.build()
    genindex = (app.outdir / "genindex.html").read_text(encoding="utf-8")
    assert 'href="index.html#tingling-and-numbness"' in genindex
    assert "pins and needles" in genindex
    search_page = (app.outdir / "search.html").read_text(encoding="utf-8")
    assert '"pins and needles", ["tingling"]' in search_page
    assert "search-answers.js" in search_page
    assert "search-answers.js" not in (app.outdir / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="search-words")
def test_a_repeated_build_keeps_every_index_entry_in_the_search_index(app, make_app):
    """Sphinx 9.0 drops them (sphinx-doc/sphinx#12599); amitriptyline_kb/search/index_entries.py
    puts them back."""
    app.build(force_all=True)
    fresh = read_search_index(app.outdir)["indexentries"]
    assert "pins and needles" in fresh
    make_app("html", srcdir=app.srcdir).build()
    assert read_search_index(app.outdir)["indexentries"] == fresh


@pytest.mark.sphinx("html", testroot="search-words")
def test_a_build_cut_short_while_writing_is_followed_by_a_complete_search_index(app, make_app):
    """A build killed while it wrote pages leaves some pages and no search
    index; the next build must index every page, and not crash."""
    app.build(force_all=True)
    pages = sorted(read_search_index(app.outdir)["docnames"])
    assert len(pages) >= 2
    # As a killed build leaves the folder: some pages written, no index.
    (app.outdir / "searchindex.js").unlink()
    (app.outdir / f"{pages[-1]}.html").unlink()
    again = make_app("html", srcdir=app.srcdir)
    again.build()
    assert sorted(read_search_index(again.outdir)["docnames"]) == pages
    assert "pins and needles" in read_search_index(again.outdir)["indexentries"]
