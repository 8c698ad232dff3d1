"""Debian's Chromium, driven by Playwright, as tests, audits and benchmarks use it.

The browser is the system's (``/usr/bin/chromium``): Playwright's own
download is never used. Every request a page makes can be recorded, and any
request to another host than 127.0.0.1 is blocked and reported, so a page
that loads anything from elsewhere fails the test that opened it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from amitriptyline_kb.tools.site import HOST

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox: CI containers run as root. The rest keep Chromium from calling
# home (updates, sync, field trials), so every request seen is the page's own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# The sizes every page is checked and pictured at.
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}
SEARCH_SUMMARY = "#search-results p.search-summary"


@contextmanager
def launch() -> Iterator[Any]:
    """Chromium through Playwright, closed on leaving the block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def is_offsite(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and parts.hostname != HOST


@dataclass
class RequestLog:
    """Every request of one browser context."""

    urls: list[str] = field(default_factory=list)

    @property
    def offsite(self) -> list[str]:
        return [url for url in self.urls if is_offsite(url)]


def record_requests(context: Any) -> RequestLog:
    """Record every request of ``context``; block those to other hosts."""
    log = RequestLog()
    context.on("request", lambda request: log.urls.append(request.url))
    # Blocked as well as recorded: a page must not reach the network even
    # while the test that catches it is failing.
    context.route(is_offsite, lambda route: route.abort("blockedbyclient"))
    return log


def wait_for_search_results(page: Any) -> None:
    """Wait until Sphinx's search has written its "Search finished" line."""
    page.wait_for_function(f"() => document.querySelector('{SEARCH_SUMMARY}')?.textContent.trim()")


def open_page(page: Any, base_url: str, path: str) -> Any:
    """Go to ``path`` under the site; on the search page, wait for results."""
    response = page.goto(base_url + path)
    if path.startswith("search.html?"):
        wait_for_search_results(page)
    return response
