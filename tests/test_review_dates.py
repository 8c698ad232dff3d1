"""Review dates: shown on every page, and a clear error where they are wrong."""

from __future__ import annotations

import re

import pytest

from helpers import main_element, warnings_of


@pytest.mark.sphinx("html", testroot="review-dates")
def test_bad_review_dates_are_located_warnings_that_say_how_to_fix_them(app):
    app.build()
    assert warnings_of(app) == [
        "backwards.md:3: WARNING: 'next-review' (2025-11-24) is "
        "earlier than 'last-reviewed' (2026-11-24); set the next review after the last one, "
        "usually a year later [kb.review]",
        "malformed.md:2: WARNING: 'last-reviewed' is '24/11/2026', "
        "which is not a date in the form YYYY-MM-DD; write it as, for example, "
        "'last-reviewed: 2026-11-24' [kb.review]",
        "missing.md:1: WARNING: page has no 'next-review' date in its "
        "front matter; add the line 'next-review: 2027-11-24' between the '---' lines at the "
        "top of the page [kb.review]",
    ]


@pytest.mark.sphinx("html", testroot="review-dates")
def test_a_page_with_good_dates_shows_them(app):
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Page last reviewed: 24 November 2026 · Next review due: 24 November 2027" in html


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
