"""Each page links the stylesheets and scripts it uses, and no others."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pytest

from helpers import data, soup_of

EXPECT = data("page_assets.yaml")


def _linked(html_file) -> set[str]:
    page = soup_of(html_file)
    urls = [tag["href"] for tag in page.select("link[rel=stylesheet]")]
    urls += [tag["src"] for tag in page.select("script[src]")]
    return {PurePosixPath(urlsplit(url).path).name for url in urls}


@pytest.mark.sphinx("html", testroot="page-assets")
def test_each_page_links_only_the_files_it_uses(app):
    app.build()
    linked = {
        page: _linked(app.outdir / f"{page}.html") & set(EXPECT["prunable"])
        for page in EXPECT["pages"]
    }
    assert linked == {page: set(files) for page, files in EXPECT["pages"].items()}


@pytest.mark.sphinx("html", testroot="page-assets")
def test_left_out_files_are_still_written_for_pages_that_need_them(app):
    app.build()
    static = {path.name for path in (app.outdir / "_static").iterdir()}
    assert set(EXPECT["prunable"]) <= static


@pytest.mark.sphinx("epub", testroot="page-assets")
def test_the_epub_keeps_every_file(app):
    app.build()
    assert set(EXPECT["prunable"]) - {"design-tabs.js"} <= _linked(app.outdir / "plain.xhtml")
