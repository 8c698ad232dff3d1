"""sitemap.xml lists every page, whether pages are written in one process or several.

ext/sitemap_queue.py gives sphinx-sitemap an ordinary queue when pages are
written in one process; a parallel build, whose pages are written in other
processes, must keep the shared queue, or their addresses would be lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup


def _sitemap_pages(outdir: Path) -> set[str]:
    sitemap = BeautifulSoup((outdir / "sitemap.xml").read_text(encoding="utf-8"), "html.parser")
    return {loc.get_text().rsplit("/", 1)[-1] for loc in sitemap.find_all("loc")}


def _written_pages(app) -> set[str]:
    return {f"{docname}.html" for docname in app.env.found_docs}


@pytest.mark.sphinx("html", testroot="sitemap", freshenv=True)
def test_a_build_in_one_process_lists_every_page(app):
    app.build()
    assert _sitemap_pages(Path(app.outdir)) == _written_pages(app)


@pytest.mark.sphinx("html", testroot="sitemap", freshenv=True, parallel=2)
def test_a_parallel_build_lists_every_page(app):
    assert app.parallel == 2
    app.build()
    assert _sitemap_pages(Path(app.outdir)) == _written_pages(app)
