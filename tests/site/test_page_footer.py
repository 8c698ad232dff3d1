"""Every page and chapter shows the words every page gets: the short
disclaimer, the review dates and "Get help now", in the words of
source/_data/page-text.yaml, where clinical reviewers see them."""

from __future__ import annotations

import re

from amitriptyline_kb.tools.site import configuration
from helpers import main_element, source_data

PAGE_TEXT = source_data("page-text.yaml")
HELP_PAGE = configuration()["kb_urgent_help_page"]


def test_every_page_shows_the_words_of_the_data_file(site, reader_pages):
    label = PAGE_TEXT["disclaimer"]["label"].strip()
    get_help = PAGE_TEXT["get help"]["link"]
    for docname in reader_pages:
        page = site.html(docname)
        disclaimer = page.select_one(".kb-disclaimer")
        assert disclaimer is not None and disclaimer.get_text().startswith(label), docname
        if docname != HELP_PAGE:
            assert page.select_one(".kb-get-help a").get_text(strip=True) == get_help, docname
    assert site.html("404").find("h1").get_text(strip=True) == PAGE_TEXT["not found"]["title"]


def test_every_page_and_chapter_shows_its_review_dates(site, reader_pages):
    pattern = re.compile(
        r"Page last reviewed: \d{1,2} [A-Z][a-z]+ \d{4} · Next review due: \d{1,2} [A-Z][a-z]+ \d{4}"
    )
    missing = [
        f"{docname} ({kind})"
        for docname in reader_pages
        for kind, page in (("HTML", site.html(docname)), ("ePub", site.epub(docname)))
        if not pattern.search(main_element(page).get_text(" "))
    ]
    assert not missing, f"pages without a review line: {missing}"


def test_every_page_and_chapter_has_the_disclaimer_linking_to_the_full_one(site, reader_pages):
    missing = []
    for docname in reader_pages:
        for kind, page, suffix in (
            ("HTML", site.html(docname), ".html"),
            ("ePub", site.epub(docname), ".xhtml"),
        ):
            note = main_element(page).select_one(".kb-disclaimer")
            # The full disclaimer page itself needs no link to itself.
            link = docname == "disclaimer" or (
                note and note.select_one(f'a[href$="disclaimer{suffix}"]')
            )
            if not (note and "not medical advice" in note.get_text() and link):
                missing.append(f"{docname} ({kind})")
    assert not missing, f"pages without the short disclaimer and its link: {missing}"
