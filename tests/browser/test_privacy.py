"""No page reaches any host but the site's own, and none sets a cookie, in Chromium.

What the pages link, read from every HTML file of the build:
site/test_own_assets.py.
"""

from __future__ import annotations

from amitriptyline_kb.tools.chromium import record_requests
from helpers import BROWSER


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
    # And the Spanish edition's.
    paths += [f"es/{name}.html" for name in reader_pages] + list(
        BROWSER["spanish_other_pages"].values()
    )
    for path in paths:
        page.goto(served_site + path, wait_until="networkidle")
        assert page.requests.urls, f"{path}: no request was recorded"
        assert not page.requests.offsite, f"{path} requested {page.requests.offsite}"
        # (Sphinx's search keeps the words to highlight in the browser's own
        # storage for the next page: nothing leaves the reader's device.)
        assert page.evaluate("document.cookie") == "", f"{path} set a cookie"
    assert page.context.cookies() == []
