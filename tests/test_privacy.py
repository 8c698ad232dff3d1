"""No page reaches any host but the site's own, and none sets a cookie."""

from __future__ import annotations

import pytest

from amitriptyline_kb.tools.chromium import is_offsite, record_requests
from helpers import BROWSER, soup_of

pytestmark = pytest.mark.browser


def test_is_offsite_tells_the_site_from_other_hosts():
    assert not is_offsite("http://127.0.0.1:8000/_static/kb.css")
    assert not is_offsite("data:image/svg+xml;base64,AAAA")
    assert is_offsite("https://cdn.jsdelivr.net/npm/tippy.js")
    assert is_offsite("http://localhost:8000/")


def test_the_request_log_records_and_blocks_other_hosts(browser, served_site):
    context = browser.new_context()
    log = record_requests(context)
    page = context.new_page()
    page.goto(served_site + "index.html")
    outside = "https://fonts.example.invalid/font.woff2"
    status = page.evaluate("url => fetch(url).then(() => 'fetched', () => 'blocked')", outside)
    context.close()
    assert status == "blocked"
    assert log.offsite == [outside]


def test_every_page_loads_only_from_the_site_and_sets_no_cookie(
    served_site, new_page, reader_pages
):
    page = new_page()
    paths = [f"{name}.html" for name in reader_pages] + list(BROWSER["other_pages"].values())
    for path in paths:
        page.goto(served_site + path, wait_until="networkidle")
        assert page.requests.urls, f"{path}: no request was recorded"
        assert not page.requests.offsite, f"{path} requested {page.requests.offsite}"
        # (Sphinx's search keeps the words to highlight in the browser's own
        # storage for the next page: nothing leaves the reader's device.)
        assert page.evaluate("document.cookie") == "", f"{path} set a cookie"
    assert page.context.cookies() == []


def test_no_page_links_a_script_style_font_or_image_from_elsewhere(site):
    """Also pages no test opens: every HTML file of the build."""
    outside = []
    for path in site.html_dir.rglob("*.html"):
        html = soup_of(path)
        for tag in html.select("script[src], link[href], img[src], source[srcset], iframe"):
            if tag.name == "link" and not {"stylesheet", "preload", "icon", "prefetch"} & set(
                tag.get("rel", [])
            ):
                continue
            address = tag.get("src") or tag.get("href") or tag.get("srcset") or ""
            if "://" in address or address.startswith("//"):
                outside.append(f"{path.relative_to(site.html_dir)}: <{tag.name}> {address}")
    assert not outside, "\n".join(outside)
