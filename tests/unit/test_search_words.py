"""Keywords and search synonyms reach the search page and the index
(amitriptyline_kb/search/keywords.py, synonyms.py, index_entries.py), and the
search index stays complete across builds.

The messages for mistakes in them are cases of ``data/guard_rails.yaml``.
"""

from __future__ import annotations

import pytest

from helpers import read_search_index


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
