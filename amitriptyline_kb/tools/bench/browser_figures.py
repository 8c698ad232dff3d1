"""What readers wait for, measured in Chromium: page weight and search time.

The browser, its options and the local server are the ones the tests use
(amitriptyline_kb/tools/chromium.py and site.py), so the benchmark sees the
site exactly as the browser tests do: served from 127.0.0.1 under the
site's published path, text compressed with gzip at settings.toml's level.
The server keeps each compressed file in memory, so its own compression
time (large for a big search index) is not counted as search time.

Page weight: each reader page opens in a fresh browser context (nothing
cached, as for a first visit). Every response the browser's network log
records for that page counts: its body as transferred (gzipped where the
server compresses) and as decoded (raw). Response headers are left out: they
depend on the host, not on the site. The search index is left out of the
weight (it is weighed on its own, from the built file).

Search time: the search page opens; the query is typed into its search box
and submitted, as a reader does. A script that the browser runs in every
document notes the time of the submit event and, through a
MutationObserver, the moment Sphinx's "Search finished" line
(``#search-results p.search-summary``) has text. Both are
``performance.timeOrigin + performance.now()``, so the interval holds across
the page load a submit causes. On today's site the search page runs a search
submitted on it in place (amitriptyline_kb/search/in_place.py): no page load, so the
phases of one are only its end. No sleeps, no polling in the measurement.
"""

from __future__ import annotations

import gzip
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from amitriptyline_kb.tools.chromium import DESKTOP, SEARCH_SUMMARY, record_requests

SEARCH_INDEX = "searchindex.js"
SUBMITTED = "kb-bench-submitted"
TIMING_SCRIPT = (
    """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const submitted = sessionStorage.getItem("__KEY__");
  sessionStorage.removeItem("__KEY__");
  const timing = (window.__kbBench = {
    submitted: submitted === null ? null : Number(submitted),
    shown: null,
  });
  addEventListener("submit", () => {
    timing.submitted = now();
    sessionStorage.setItem("__KEY__", String(timing.submitted));
  }, true);
  const observer = new MutationObserver(() => {
    const summary = document.querySelector("__SUMMARY__");
    if (timing.submitted !== null && summary && summary.textContent.trim()) {
      timing.shown = now();
      observer.disconnect();
      // A search run in place loaded no document: no phases but its end.
      if (timing.submitted >= performance.timeOrigin) return;
      // Where the time went, in ms after this document's navigation started.
      const navigation = performance.getEntriesByType("navigation")[0];
      const index = performance
        .getEntriesByType("resource")
        .find((entry) => entry.name.includes("__INDEX__"));
      timing.phases = {
        navigation_start: performance.timeOrigin,
        html_received: navigation ? navigation.responseEnd : null,
        dom_content_loaded: navigation ? navigation.domContentLoadedEventEnd : null,
        index_received: index ? index.responseEnd : null,
        shown: timing.shown - performance.timeOrigin,
      };
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();
""".replace("__KEY__", SUBMITTED)
    .replace("__SUMMARY__", SEARCH_SUMMARY)
    .replace("__INDEX__", SEARCH_INDEX)
)


@dataclass(frozen=True)
class Transfer:
    url: str
    raw: int
    gzipped: int


def page_transfers(browser: Any, base_url: str, docname: str) -> list[Transfer]:
    """Every response one reader page loads on a first visit."""
    context = browser.new_context(viewport=DESKTOP)
    record_requests(context)
    responses = []
    context.on("requestfinished", lambda request: responses.append(request))
    try:
        page = context.new_page()
        page.goto(f"{base_url}{docname}.html", wait_until="networkidle")
        transfers = []
        for request in responses:
            response = request.response()
            if response is None or not response.ok:
                continue
            transfers.append(
                Transfer(
                    url=request.url.removeprefix(base_url),
                    raw=len(response.body()),
                    gzipped=request.sizes()["responseBodySize"],
                )
            )
        return transfers
    finally:
        context.close()


@dataclass(frozen=True)
class SearchTiming:
    """Seconds from the submit to the results, and where they went.

    ``phases``: seconds after the submit at which the results page's
    navigation started, its HTML arrived, DOMContentLoaded ended, the search
    index arrived and the results were shown (None where the page had no
    such event, e.g. a search that does not load a new page).
    """

    total: float
    phases: dict[str, float | None]


def search_times(browser: Any, base_url: str, queries: list[str]) -> dict[str, SearchTiming]:
    """Time each query, submitted on the search page as a reader does."""
    context = browser.new_context(viewport=DESKTOP)
    record_requests(context)
    context.add_init_script(TIMING_SCRIPT)
    times = {}
    try:
        page = context.new_page()
        for query in queries:
            page.goto(f"{base_url}search.html", wait_until="load")
            box = page.locator("form input[name=q]:visible").first
            box.fill(query)
            box.press("Enter")
            try:
                page.wait_for_function("() => window.__kbBench && window.__kbBench.shown !== null")
            except Exception as error:
                raise RuntimeError(
                    f"search for {query!r}: no text in {SEARCH_SUMMARY} within the time limit"
                ) from error
            timing = page.evaluate("window.__kbBench")
            # The results page goes on to fetch each result's summary; let it
            # finish, so the next search does not share the machine with it.
            page.wait_for_load_state("networkidle")
            total = (timing["shown"] - timing["submitted"]) / 1000
            raw = timing.get("phases") or {}
            names = ("html_received", "dom_content_loaded", "index_received", "shown")
            if raw:
                # From the new document's clock to seconds after the submit.
                offset = raw["navigation_start"] - timing["submitted"]
                phases = {"navigation_started": offset / 1000}
                for name in names:
                    value = raw.get(name)
                    phases[name] = None if not value else (offset + value) / 1000
            else:
                phases = {"navigation_started": None, **dict.fromkeys(names), "shown": total}
            times[query] = SearchTiming(total=total, phases=phases)
    finally:
        context.close()
    return times


def page_weight(browser: Any, base_url: str, docname: str) -> dict:
    """What one reader page weighs on a first visit, raw and gzipped, and its files."""
    transfers = page_transfers(browser, base_url, docname)
    counted = [t for t in transfers if not t.url.split("?")[0].endswith(SEARCH_INDEX)]
    return {
        "raw": sum(t.raw for t in counted),
        "gzipped": sum(t.gzipped for t in counted),
        "files": [asdict(t) for t in transfers],
    }


def search_figures(searches: dict[str, SearchTiming]) -> dict[str, float]:
    """The median and the slowest query's time."""
    totals = [timing.total for timing in searches.values()]
    return {"search_median": statistics.median(totals), "search_slowest": max(totals)}


def search_index_sizes(html_dir: Path, level: int) -> dict[str, int]:
    """searchindex.js as built and as a host sends it, gzipped at ``level``."""
    data = (html_dir / SEARCH_INDEX).read_bytes()
    return {
        "searchindex_raw": len(data),
        "searchindex_gzip": len(gzip.compress(data, compresslevel=level, mtime=0)),
    }
