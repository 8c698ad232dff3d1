"""Every reader page is written in plain language, by a measure.

The measure is textstat's Flesch-Kincaid grade of the page's main text (the
page's own content, without the injected disclaimer and review line). The
target and the textstat version it was set with are in
``data/readability.yaml``.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest
import textstat
import yaml

from helpers import DATA, ROOT, main_text, reader_docnames, warnings_of

EXPECT = yaml.safe_load((DATA / "readability.yaml").read_text(encoding="utf-8"))


def test_textstat_is_the_version_the_target_was_set_with():
    installed = version("textstat")  # textstat.__version__ is stale in 0.7.4
    assert installed == EXPECT["textstat_version"], (
        f"textstat {installed} counts syllables differently from "
        f"{EXPECT['textstat_version']}; re-check the grades before changing the pin"
    )


@pytest.mark.parametrize("docname", reader_docnames())
def test_page_reads_at_the_target_grade(site, docname):
    # The list of sources is left out, as the build's own check leaves it out:
    # a source's title is its publisher's words, not ours.
    page = site.html(docname)
    for entry in page.select(".citation"):
        entry.decompose()
    text = main_text(page)
    words = textstat.lexicon_count(text)
    assert words >= EXPECT["min_words"], (
        f"{docname}: only {words} words of main text (at least {EXPECT['min_words']} expected)"
    )
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= EXPECT["max_grade"], (
        f"{docname}: Flesch-Kincaid grade {grade:.1f} is above {EXPECT['max_grade']}; "
        "use shorter sentences and everyday words"
    )


def test_the_extension_leaves_no_stand_in_for_pkg_resources():
    """amitriptyline_kb/guards/readability.py loads textstat with a stand-in for pkg_resources only."""
    script = (
        "import sys; import amitriptyline_kb.guards.readability as r; r.reading_grade('Some words.'); "
        "assert 'pkg_resources' not in sys.modules, 'the stand-in was left in sys.modules'; "
        "import pkg_resources; assert hasattr(pkg_resources, 'working_set'); "
        "print(len(r._textstat().textstat._textstatistics__get_lang_easy_words()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    # textstat's own word list, read through the stand-in, is not empty.
    assert int(result.stdout) > 0


@pytest.mark.sphinx("epub", testroot="readability", freshenv=True)
def test_the_epub_build_does_not_measure_the_same_text_again(app):
    """The website build measures the pages; the ePub's copy adds no second warning."""
    app.build()
    assert [line for line in warnings_of(app) if "[kb.readability]" in line] == []


@pytest.mark.sphinx("html", testroot="readability", freshenv=True)
def test_the_website_build_measures_the_pages(app):
    app.build()
    assert [line for line in warnings_of(app) if "[kb.readability]" in line] != []
