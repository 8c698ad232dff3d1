"""Every topic page opens with one "Key facts" box: right under its title and
"Get help now", named by its title, of 3 to 5 facts, each linked to its
source on the references page, in the HTML and in the ePub.

Topic pages are every reader page but those ``data/content.yaml`` names
(``key_facts: pages_without``), which must be the ones conf.py exempts, so
that leaving a page out takes a reviewed change to both. What the facts say
is for clinical reviewers; that each one cites is checked here and by the
build (tests/unit/test_key_facts.py).
"""

from __future__ import annotations

import pytest

from amitriptyline_kb.tools.site import configuration
from helpers import data, main_element, source_data

CONTENT = data("content.yaml")
KEY_FACTS = CONTENT["key_facts"]
REFERENCES = CONTENT["references"]["page"]
TITLE = source_data("page-text.yaml")["key facts"]["title"]
HELP_PAGE = configuration()["kb_urgent_help_page"]
SUFFIX = {"html": ".html", "epub": ".xhtml"}


@pytest.fixture(scope="module")
def topic_pages(reader_pages) -> list[str]:
    pages = [docname for docname in reader_pages if docname not in KEY_FACTS["pages_without"]]
    assert len(pages) > len(KEY_FACTS["pages_without"]), pages
    return pages


def test_the_pages_without_a_box_are_those_conf_py_exempts():
    assert sorted(configuration()["kb_pages_without_key_facts"]) == sorted(
        KEY_FACTS["pages_without"]
    )


def box_problems(page, docname: str, book: str) -> list[str]:
    """What is wrong with the page's key-facts box, if anything."""
    main = main_element(page)
    boxes = main.select("section.kb-key-facts")
    if len(boxes) != 1:
        return [f"{len(boxes)} key-facts boxes"]
    box = boxes[0]
    problems = []
    title = main.find(id=box.get("aria-labelledby"))
    if title is None or title not in box.descendants or title.get_text(strip=True) != TITLE:
        problems.append(f"the box is not a region named {TITLE!r}")
    # Right under the title; on every page but the emergency guidance itself,
    # "Get help now" comes first.
    above = [e for e in box.find_previous_siblings() if e.name != "span"]
    expected = ["h1"] if docname == HELP_PAGE else ["p", "h1"]
    if [e.name for e in above] != expected or (
        docname != HELP_PAGE and "kb-get-help" not in above[0].get("class", [])
    ):
        problems.append(f"the box is not right under the title: above it {above}")
    facts = box.select(":scope > ul > li")
    if not KEY_FACTS["min_facts"] <= len(facts) <= KEY_FACTS["max_facts"]:
        problems.append(f"{len(facts)} facts")
    references = REFERENCES + SUFFIX[book]
    for fact in facts:
        links = fact.select(".bibtex-citation a[href]")
        if not any(link["href"].split("#")[0].endswith(references) for link in links):
            problems.append(
                f"a fact without a link to its source: {fact.get_text(' ', strip=True)!r}"
            )
    return problems


@pytest.mark.parametrize("book", ["html", "epub"])
def test_every_topic_page_opens_with_one_box_of_cited_key_facts(site, topic_pages, book):
    problems = [
        f"{docname}: {problem}"
        for docname in topic_pages
        for problem in box_problems(getattr(site, book)(docname), docname, book)
    ]
    assert not problems, f"key-facts boxes in the {book}:\n" + "\n".join(problems)
