"""The reader pages say what the content brief asks, in the HTML and the ePub.

Facts per brief section are in ``data/key_facts.yaml`` (that they cover the
brief, with their sources: repo/test_content_sources.py); the comparison
table, the seven questions, the required references and the "talk to your
doctor" note are described in ``data/content.yaml``; how long a page must be
in ``data/readability.yaml``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import textstat

from helpers import data, main_element, main_text

FACTS = data("key_facts.yaml")
EXPECT = data("content.yaml")
READABILITY = data("readability.yaml")


def normalised(text: str) -> str:
    """Lower case, one space between words, plain hyphens and apostrophes."""
    text = text.replace("\u2013", "-").replace("\u2011", "-").replace("\u2019", "'")
    return " ".join(text.split()).lower()


def fact_pattern(fact) -> re.Pattern:
    if isinstance(fact, dict):
        return re.compile(fact["regex"], re.IGNORECASE)
    return re.compile(r"\s+".join(map(re.escape, normalised(fact).split())))


def cells(row) -> list[str]:
    return [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["th", "td"])]


# -- Key facts ----------------------------------------------------------------

FACT_CASES = [
    pytest.param(section["page"], fact, id=f"{section['section']}: {fact}")
    for section in FACTS
    for fact in section["facts"]
]


@pytest.mark.parametrize(("docname", "fact"), FACT_CASES)
def test_fact_is_in_the_html_and_the_epub(site, docname, fact):
    pattern = fact_pattern(fact)
    html = normalised(main_text(site.html(docname)))
    epub = normalised(main_text(site.epub(docname)))
    assert pattern.search(html), f"{docname}.html lacks the fact {fact!r}"
    assert pattern.search(epub), f"{docname}.xhtml in the ePub lacks the fact {fact!r}"


def test_every_page_has_enough_words_for_its_reading_grade_to_mean_something(site, reader_pages):
    """The build grades only pages of enough words; a page with fewer is
    probably a mistake, and would escape the grade limit."""
    short = {}
    for docname in reader_pages:
        page = site.html(docname)
        # Left out as the build's grade leaves it out: a source's title is its
        # publisher's words, not ours.
        for entry in page.select(".citation"):
            entry.decompose()
        words = textstat.lexicon_count(main_text(page))
        if words < READABILITY["min_words"]:
            short[docname] = words
    assert not short, (
        f"pages with fewer than {READABILITY['min_words']} words of main text: {short}"
    )


# -- The comparison table -------------------------------------------------------

TABLE = EXPECT["comparison"]


def test_comparison_table_has_caption_header_row_and_row_headers(site):
    # The ePub writes it out row by row (site/test_epub.py).
    page = site.html(TABLE["page"])
    tables = main_element(page).select("table")
    assert len(tables) == 1, f"{TABLE['page']}: expected one table, found {len(tables)}"
    table = tables[0]

    caption = table.find("caption")
    assert caption is not None, "the comparison table has no <caption>"
    assert " ".join(caption.get_text(" ").replace("¶", "").split()) == TABLE["caption"]

    head_rows = table.select("thead > tr")
    assert len(head_rows) == 1, f"expected one header row, found {len(head_rows)}"
    assert all(cell.name == "th" for cell in head_rows[0].find_all(["th", "td"]))
    assert cells(head_rows[0]) == TABLE["columns"]

    body_rows = table.select("tbody > tr")
    assert len(body_rows) == len(TABLE["rows"]), (
        f"expected {len(TABLE['rows'])} body rows, found {len(body_rows)}"
    )
    for row, label in zip(body_rows, TABLE["rows"]):
        row_cells = row.find_all(["th", "td"])
        assert row_cells[0].name == "th", f"row {label!r}: the first cell is not a row header"
        assert cells(row)[0] == label
        assert [cell.name for cell in row_cells[1:]] == ["td"] * (len(TABLE["columns"]) - 1)
        assert all(text for text in cells(row)), f"row {label!r} has an empty cell"


# -- The seven questions ------------------------------------------------------

QUESTIONS = EXPECT["questions"]


@pytest.mark.parametrize("book", ["html", "epub"])
def test_each_question_is_a_heading_with_a_stable_id(site, book):
    page = main_element(getattr(site, book)(QUESTIONS["page"]))
    for item in QUESTIONS["items"]:
        section = page.find(id=item["id"])
        assert section is not None, f"{book}: no element with id {item['id']!r}"
        heading = section.find(QUESTIONS["level"])
        assert heading is not None, f"{book}: {item['id']!r} has no {QUESTIONS['level']} heading"
        text = " ".join(heading.get_text(" ").replace("¶", "").split())
        assert text == item["heading"], f"{book}: {item['id']!r} is headed {text!r}"
        assert text.endswith("?"), f"{book}: {text!r} is not written as a question"
    headings = page.select(QUESTIONS["level"])
    assert len(headings) == len(QUESTIONS["items"]), (
        f"{book}: {len(headings)} {QUESTIONS['level']} headings; "
        f"expected one per question ({len(QUESTIONS['items'])})"
    )


# -- Citations and references ---------------------------------------------------

REFS = EXPECT["references"]


def citation_targets(site, docname: str) -> list[str]:
    """The anchors on the references page that ``docname`` cites."""
    targets = []
    for citation in main_element(site.html(docname)).select(".bibtex-citation a[href]"):
        parts = urlsplit(citation["href"])
        if parts.path.rsplit("/", 1)[-1] == f"{REFS['page'].rsplit('/', 1)[-1]}.html":
            targets.append(parts.fragment)
    return targets


def reference_entries(site) -> dict[str, str]:
    """Each entry on the references page: its anchor id and its text."""
    page = main_element(site.html(REFS["page"]))
    return {entry["id"]: normalised(entry.get_text(" ")) for entry in page.select(".citation[id]")}


def test_citations_resolve(site, reader_pages):
    entries = reference_entries(site)
    problems = []
    for docname in reader_pages:
        text = main_text(site.html(docname))
        for pattern in REFS["unresolved_patterns"]:
            if re.search(pattern, text):
                problems.append(f"{docname}: unresolved citation text matching {pattern!r}")
        for target in citation_targets(site, docname):
            if target not in entries:
                problems.append(f"{docname}: a citation points to #{target}, not on the list")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("work", REFS["required"], ids=lambda work: work["title"][:40])
def test_required_work_is_listed_and_cited(site, reader_pages, work):
    entries = reference_entries(site)
    # A work is its title and, where it has one, its DOI: a plain-language
    # summary of the same review has the same title but no DOI of its own.
    listed = [
        anchor
        for anchor, text in entries.items()
        if normalised(work["title"]) in text
        and ("doi" not in work or normalised(work["doi"]) in text)
    ]
    assert len(listed) == 1, (
        f"{work['title']!r} is listed {len(listed)} times on the references page"
    )
    anchor = listed[0]
    entry = site.html(REFS["page"]).find(id=anchor)
    links = [link["href"] for link in entry.select("a[href]")]
    if "doi" in work:
        assert normalised(work["doi"]) in entries[anchor], f"{work['title']!r} lacks its DOI"
        assert any(href.endswith(work["doi"]) and "doi.org/" in href for href in links), (
            f"{work['title']!r}: no link to https://doi.org/{work['doi']}"
        )
    if "url" in work:
        assert work["url"] in links, f"{work['title']!r}: no link to {work['url']}"
    citing = [docname for docname in reader_pages if anchor in citation_targets(site, docname)]
    assert citing, f"{work['title']!r} is on the list but no page cites it"


# -- The "talk to your doctor" note -------------------------------------------

NOTE = EXPECT["important_note"]


def pages_needing_the_note(site, reader_pages) -> list[str]:
    trigger = re.compile(NOTE["trigger"], re.IGNORECASE)
    return sorted(
        docname
        for docname in reader_pages
        if docname not in NOTE["exempt"]
        and (docname in NOTE["pages"] or trigger.search(main_text(site.html(docname))))
    )


@pytest.mark.parametrize("book", ["html", "epub"])
def test_pages_about_doses_or_stopping_carry_the_note(site, reader_pages, book):
    needing = pages_needing_the_note(site, reader_pages)
    assert set(NOTE["pages"]) <= set(needing)
    missing = []
    for docname in needing:
        page = main_element(getattr(site, book)(docname))
        notes = [
            " ".join(note.get_text(" ").split()) for note in page.select(".admonition.important")
        ]
        if not any(NOTE["text"] in note for note in notes):
            missing.append(docname)
    assert not missing, (
        f"{book}: pages that mention doses or stopping a medicine but lack the note "
        f"{NOTE['text']!r}: {missing}"
    )
