"""The reading-grade check (amitriptyline_kb/guards/readability.py) measures
the website's pages once, with the textstat its limit was set with.

The message for a page above the limit is a case of ``data/guard_rails.yaml``;
the real site builds with no warning (site/test_build.py), so every page is
at or below the limit in conf.py.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest

from amitriptyline_kb.tools.site import ROOT
from helpers import data, warnings_of

EXPECT = data("readability.yaml")


def test_textstat_is_the_version_the_target_was_set_with():
    installed = version("textstat")  # textstat.__version__ is stale in 0.7.4
    assert installed == EXPECT["textstat_version"], (
        f"textstat {installed} counts syllables differently from "
        f"{EXPECT['textstat_version']}; re-check the grades before changing the pin"
    )


def test_the_extension_leaves_no_stand_in_for_pkg_resources():
    """The extension loads textstat with a stand-in for pkg_resources only."""
    script = (
        "import sys; import amitriptyline_kb.guards.readability as r; "
        "r.reading_grade('Some words.'); "
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
    assert warnings_of(app, "kb.readability") == []


@pytest.mark.sphinx("html", testroot="readability", freshenv=True)
def test_the_website_build_measures_the_pages(app):
    app.build()
    assert warnings_of(app, "kb.readability") != []
