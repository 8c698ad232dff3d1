"""Each search result shows the words of the section it links to, and the
site works opened from disk, search and summaries included, in Chromium.

Sphinx's search fetched each result's page and showed the text around the
last query word it found, wherever that was: under "side effects" it showed
the text about how long the medicine takes to work; and from disk (file://)
a page may not fetch another, so there were no summaries at all. The build
now writes the first words of every section (amitriptyline_kb/search/
summaries.py) and the search page shows them (search-answers.js). What a
section says is read here from the built page itself, with BeautifulSoup.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from amitriptyline_kb.tools.chromium import SEARCH_SUMMARY, wait_for_search_results
from helpers import main_element, search, soup_of

RESULTS = "#search-results ul.search > li"
# Queries whose results link to sections, to index entries inside sections,
# to glossary terms and to the tops of pages.
QUERIES = [
    "side effects",
    "dry mouth",
    "withdrawal symptoms",
    "weight gain",
    "shingles pain",
    "how long does it take to work",
    "can I drink alcohol",
    "what does anticholinergic mean",
]
# Not a section's own words: what every page shows, the key-facts box, the
# parts an urgent-help callout takes from its data file, citation numbers,
# and the pilcrow of each heading's link.
NOT_OWN = ".kb-page-footer, .kb-key-facts, .kb-urgent-action, .bibtex-citation, .headerlink"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def words(text: str) -> str:
    text = " ".join(text.split())
    # A citation taken out leaves a space before the punctuation after it.
    return re.sub(r" ([.,;:!?)])", r"\1", text)


def _own_strings(start: Tag, section: Tag) -> list[str]:
    """The text of ``section`` from ``start`` on, without its headings and
    the sections inside it."""
    strings = []
    for string in start.find_all_next(string=True):
        parents = list(string.parents)
        if section not in parents:
            break
        inner = parents[: parents.index(section)]
        if any(parent.name == "section" or parent.name in HEADINGS for parent in inner):
            continue
        strings.append(str(string))
    return strings


def linked_text(html_dir: Path, href: str) -> str:
    """What a reader sees where ``href`` (relative to the search page) leads:
    the words of the linked section from the anchor on; for a glossary
    term, the term and its meaning."""
    path, _, anchor = href.partition("#")
    soup: BeautifulSoup = soup_of(html_dir / path)
    main = main_element(soup)
    for part in main.select(NOT_OWN):
        part.decompose()
    element = main.find(id=anchor) if anchor else main.find("section")
    assert element is not None, f"{href}: no element with that id"
    if element.name == "dt":
        return words(element.get_text(" ") + ": " + element.find_next_sibling("dd").get_text(" "))
    section = element if element.name == "section" else element.find_parent("section")
    text = words("".join(_own_strings(element, section)))
    # A heading with only sections under it: the first one's words.
    while not text and section.find("section"):
        section = section.find("section")
        text = words("".join(_own_strings(section, section)))
    return text


def shown_results(page) -> list[tuple[str, str | None]]:
    """Each result's link and the summary under it."""
    return page.locator(RESULTS).evaluate_all(
        """items => items.map(item => [
          item.querySelector('a').getAttribute('href'),
          item.querySelector('p.context')?.textContent ?? null,
        ])"""
    )


@pytest.mark.parametrize("query", QUERIES)
def test_each_result_shows_the_words_of_the_section_it_links_to(site, served_site, new_page, query):
    page = new_page()
    search(page, served_site, query)
    shown = shown_results(page)
    assert shown, f"{query!r}: no results"
    for href, summary in shown:
        assert summary, f"{query!r}: {href} has no summary"
        said = words(summary.removesuffix("…"))
        assert "Get help now" not in said, f"{href}: the summary holds what every page shows"
        expected = linked_text(site.html_dir, href)
        assert expected.startswith(said), (
            f"{query!r}: under {href} the search shows\n  {said!r}\nbut the section starts\n"
            f"  {expected[: len(said) + 40]!r}"
        )


def test_side_effects_shows_no_result_with_the_text_about_how_long_it_takes(served_site, new_page):
    page = new_page()
    search(page, served_site, "side effects")
    summaries = [summary for _, summary in shown_results(page)]
    assert summaries
    for summary in summaries:
        assert "weeks" not in summary and "works slowly" not in summary, summary


def test_no_result_page_is_fetched_for_its_summary(served_site, new_page):
    page = new_page()
    search(page, served_site, QUERIES[0])
    fetched = [
        url
        for url in page.requests.urls
        if urlsplit(url).path.endswith(".html") and "search.html" not in url
    ]
    assert fetched == [], f"the search page fetched {fetched}"


# -- From disk ------------------------------------------------------------------


@pytest.fixture
def disk_page(browser):
    """A page of its own browser context, with every request it made, every
    request that failed and every script error."""
    context = browser.new_context()
    page = context.new_page()
    page.requested, page.failed, page.errors = [], [], []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("requestfailed", lambda request: page.failed.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    yield page
    context.close()


def test_search_opened_from_disk_shows_results_with_their_summaries(site, disk_page):
    index = (site.html_dir / "index.html").resolve().as_uri()
    disk_page.goto(index)
    box = disk_page.locator("form[role=search] input[name=q]").first
    box.fill("side effects")
    box.press("Enter")
    disk_page.wait_for_url(lambda url: urlsplit(url).path.endswith("/search.html"))
    wait_for_search_results(disk_page)
    shown = shown_results(disk_page)
    assert shown, disk_page.locator(SEARCH_SUMMARY).inner_text()
    assert all(summary for _, summary in shown), f"results without a summary: {shown}"
    for href, summary in shown:
        said = words(summary.removesuffix("…"))
        assert linked_text(site.html_dir, href).startswith(said), (href, said)
    assert disk_page.failed == [] and disk_page.errors == [], (disk_page.failed, disk_page.errors)
    assert all(url.startswith("file://") for url in disk_page.requested)
    disk_page.locator(RESULTS + " > a").first.click()
    disk_page.wait_for_load_state()
    assert urlsplit(disk_page.url).scheme == "file"
    assert disk_page.locator("h1").count() == 1


def test_a_misspelt_search_from_disk_finds_its_page(site, disk_page):
    search_page = (site.html_dir / "search.html").resolve().as_uri()
    disk_page.goto(search_page + "?" + urlencode({"q": "nueropathy"}))
    wait_for_search_results(disk_page)
    hrefs = [href for href, _ in shown_results(disk_page)]
    assert hrefs and hrefs[0].startswith("understanding/nerve-damage.html"), hrefs


def test_every_reader_page_works_from_disk(site, reader_pages, disk_page):
    for docname in reader_pages:
        disk_page.goto((site.html_dir / f"{docname}.html").resolve().as_uri())
        assert disk_page.locator("article[role=main] h1").count() == 1, docname
    assert disk_page.failed == [], f"not found from disk: {sorted(set(disk_page.failed))}"
    assert disk_page.errors == [], f"script errors from disk: {disk_page.errors}"
    assert all(url.startswith(("file://", "data:")) for url in disk_page.requested), [
        url for url in disk_page.requested if not url.startswith(("file://", "data:"))
    ]
