"""Every page has a description for search results and link previews.

amitriptyline_kb/pages/page_meta.py turns the front matter's ``description:``
into the page's description meta tags; the message for a page without one is
a case of ``data/guard_rails.yaml``.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


@pytest.mark.sphinx("html", testroot="page-meta")
def test_the_description_becomes_the_meta_description_and_robots_txt_lets_crawlers_in(app):
    app.build()
    html = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    description = "What this tiny site is about, in one sentence."
    assert [meta["content"] for meta in html.select("meta[name=description]")] == [description]
    assert 'name="description"' not in (app.outdir / "undescribed.html").read_text("utf-8")
    robots = (app.outdir / "robots.txt").read_text(encoding="utf-8").splitlines()
    # The real site's robots.txt also names its sitemap: browser/test_reader_site.py.
    assert robots == ["User-agent: *", "Allow: /"]
