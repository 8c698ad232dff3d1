"""The build writes, for each place a search result can link to, the first
words of what is there (amitriptyline_kb/search/summaries.py), and keeps them
right across builds.

``roots/test-search-summaries/`` has a page with text under its title (and
"Get help now", which every page shows), a section whose index entries sit
at its top and in its middle, a heading with only sub-sections under it, a
citation, and a glossary term. The expected words are written out here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import build_root

PREFIX = "window.KB_SEARCH_SUMMARIES = "
TOP = "Nerve pain burns, aches or shoots. It often comes with other feelings, and it can last."
TINGLING = "Most people feel it in the feet first. Then the hands. " + (
    "Numbness can follow the tingling, and it may stay."
)


def summaries_file(outdir: Path) -> Path:
    return outdir / "_static" / "search-summaries.js"


def summaries(outdir: Path) -> dict[str, dict[str, str]]:
    """Each page's summaries by anchor, read as the search page reads them."""
    text = summaries_file(outdir).read_text(encoding="utf-8")
    assert text.startswith(PREFIX) and text.endswith(";\n"), text[:80]
    pages = json.loads(text[len(PREFIX) : -2])
    return {
        page: {anchor: texts[at] for anchor, at in anchors.items()}
        for page, (texts, anchors) in pages.items()
    }


@pytest.fixture(scope="module")
def built(module_make_app, rootdir, tmp_path_factory):
    return build_root(
        "search-summaries", module_make_app, rootdir, tmp_path_factory.mktemp("summaries")
    )


def test_the_top_of_a_page_has_its_first_words_without_what_every_page_shows(built):
    page = summaries(built.outdir)["index"]
    assert page[""] == TOP
    assert "Get help now" not in page[""]
    # The keywords point at the top of the page.
    assert page["nerve-pain"] == TOP


def test_a_section_has_its_own_words_and_an_index_entry_the_words_after_it(built):
    page = summaries(built.outdir)["index"]
    assert page["tingling"] == TINGLING
    # The entry for tingling is at the top of its section; numbness, further down.
    assert page["index-0"] == TINGLING
    assert page["index-1"] == "Numbness can follow the tingling, and it may stay."


def test_a_heading_with_only_sub_sections_has_the_first_one_s_words(built):
    page = summaries(built.outdir)["index"]
    assert page["treatments"] == "Some medicines ease the pain."
    assert page["medicines"] == "Some medicines ease the pain."
    assert page["exercise"] == "Walking helps some people."


def test_a_glossary_term_has_its_meaning(built):
    glossary = summaries(built.outdir)["glossary"]
    assert glossary["term-tingling"] == "tingling: A prickly feeling, like pins and needles."
    # The top of the page holds the list of terms too.
    assert (
        glossary[""] == "The words of this site. tingling A prickly feeling, like pins and needles."
    )


def test_only_the_search_page_loads_the_summaries(built):
    search_page = (built.outdir / "search.html").read_text(encoding="utf-8")
    assert 'src="_static/search-summaries.js' in search_page
    assert "search-summaries.js" not in (built.outdir / "index.html").read_text(encoding="utf-8")


def test_a_long_section_is_cut_at_the_word_limit(make_app, rootdir, tmp_path):
    app = build_root("search-summaries", make_app, rootdir, tmp_path, kb_search_summary_words=5)
    assert summaries(app.outdir)["index"][""] == "Nerve pain burns, aches or …"


def test_summaries_over_their_limit_are_a_warning(make_app, rootdir, tmp_path):
    app = build_root("search-summaries", make_app, rootdir, tmp_path, kb_max_search_summaries_kb=0)
    warnings = app.warning.getvalue()
    assert (
        "search-summaries.js:1: WARNING: the search summaries are 1 kB, more than the 0 kB"
        in warnings
    )
    assert "[kb.size]" in warnings


def test_a_repeated_build_keeps_the_pages_it_does_not_write_again(make_app, rootdir, tmp_path):
    app = build_root("search-summaries", make_app, rootdir, tmp_path)
    help_page = Path(app.srcdir, "help.md")
    help_page.write_text("# Get help now\n\nCall an ambulance.\n", encoding="utf-8")
    again = make_app("html", srcdir=app.srcdir)
    again.build()
    pages = summaries(again.outdir)
    assert pages["help"][""] == "Call an ambulance."
    assert pages["index"]["tingling"] == TINGLING
    assert sorted(pages) == ["glossary", "help", "index"]


def test_a_page_removed_is_removed_from_the_summaries(make_app, rootdir, tmp_path):
    app = build_root("search-summaries", make_app, rootdir, tmp_path)
    index = Path(app.srcdir, "index.md")
    index.write_text(
        index.read_text(encoding="utf-8").replace("help\n```", "```"), encoding="utf-8"
    )
    Path(app.srcdir, "help.md").unlink()
    again = make_app("html", srcdir=app.srcdir)
    again.build()
    assert sorted(summaries(again.outdir)) == ["glossary", "index"]


def test_written_pages_without_the_summaries_file_are_all_read_again(make_app, rootdir, tmp_path):
    """As a build cut short, or the first build with summaries, leaves the folder."""
    app = build_root("search-summaries", make_app, rootdir, tmp_path)
    summaries_file(app.outdir).unlink()
    again = make_app("html", srcdir=app.srcdir)
    again.build()
    assert sorted(summaries(again.outdir)) == ["glossary", "help", "index"]
    assert summaries(again.outdir)["index"]["tingling"] == TINGLING
