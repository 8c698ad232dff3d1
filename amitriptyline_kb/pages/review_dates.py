"""Show when each page was last reviewed, and refuse pages without dates.

Readers of health information need to know how current it is, as on NHS
pages. Every page's front matter carries two dates::

    last-reviewed: 2026-11-24
    next-review: 2027-11-24

This extension checks them while the page is read (a missing or malformed
date, or a next review before the last one, is a warning naming the file and
line, and warnings fail the build) and adds a line at the end of the page:
"Page last reviewed: 24 November 2026 · Next review due: 24 November 2027".
The line is part of the doctree, so the HTML and every ePub chapter show it.
"""

from datetime import date
from pathlib import Path

from babel.dates import format_date
from docutils import nodes
from sphinx.application import Sphinx

from amitriptyline_kb.pages.reader_text import reader_text, setup_reader_text
from amitriptyline_kb.shared import add_static_files, front_matter_line, on_every_page
from amitriptyline_kb.warnings import KbWarning, warn

STATIC_DIR = Path(__file__).with_name("static")


LAST_REVIEWED = "last-reviewed"
NEXT_REVIEW = "next-review"
EXAMPLE = {LAST_REVIEWED: "2026-11-24", NEXT_REVIEW: "2027-11-24"}


def human_date(day: date, language: str = "en") -> str:
    """24 November 2026, or in Spanish 24 de noviembre de 2026: the form
    readers use, without a leading zero (Babel's month names)."""
    pattern = "d 'de' MMMM 'de' y" if language == "es" else "d MMMM y"
    return format_date(day, pattern, locale=language)


def _parse(app: Sphinx, docname: str, key: str) -> date | None:
    """The date under ``key`` in the page's front matter; warn if unusable."""
    source = Path(app.env.doc2path(docname))
    value = app.env.metadata[docname].get(key)
    location = (docname, front_matter_line(source, key))
    if value is None:
        warn(
            KbWarning.REVIEW,
            "page has no '%s' date in its front matter; add the line '%s: %s' "
            "between the '---' lines at the top of the page",
            key,
            key,
            EXAMPLE[key],
            location=location,
        )
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        warn(
            KbWarning.REVIEW,
            "'%s' is '%s', which is not a date in the form YYYY-MM-DD; write it as, "
            "for example, '%s: %s'",
            key,
            value,
            key,
            EXAMPLE[key],
            location=location,
        )
        return None


def add_review_line(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname
    last = _parse(app, docname, LAST_REVIEWED)
    upcoming = _parse(app, docname, NEXT_REVIEW)
    if last is None or upcoming is None:
        return
    if upcoming < last:
        source = Path(app.env.doc2path(docname))
        warn(
            KbWarning.REVIEW,
            "'%s' (%s) is earlier than '%s' (%s); set the next review after the "
            "last one, usually a year later",
            NEXT_REVIEW,
            upcoming,
            LAST_REVIEWED,
            last,
            location=(docname, front_matter_line(source, NEXT_REVIEW)),
        )
        return
    wording = reader_text(app.config, "review line")
    line = nodes.paragraph(
        "",
        wording.strip().format(
            last=human_date(last, app.config.language),
            next=human_date(upcoming, app.config.language),
        ),
        # Shown on the page, kept out of the search index: every page has one.
        classes=on_every_page("kb-review-dates"),
    )
    doctree.append(line)


def setup(app: Sphinx) -> dict:
    add_static_files(app, STATIC_DIR, "kb-pages.css")
    setup_reader_text(app)
    # After Sphinx's own metadata collector (priority 500) has read the front matter.
    app.connect("doctree-read", add_review_line, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
