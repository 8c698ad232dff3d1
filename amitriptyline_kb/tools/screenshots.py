"""Screenshots of the site to look at: one of each kind of page, at desktop and
phone sizes, light and dark.

Usage: python -m amitriptyline_kb.tools.screenshots _build/html _build/screenshots
(run by `make screenshots`). Serves the built site on 127.0.0.1 and saves one
PNG per view, size and colour scheme, named like ``tabs-phone-dark.png``.

The views: the landing page; a topic page; the page with the
largest tab set, at the set; a safety page at its first safety note, after
urgent-help callouts; search results; the index A to Z; the 404 page;
and a page with an open glossary preview; and in the Spanish edition, the
landing page, the largest tab set, a safety page and a search. Each is found in the built site by
what it holds, so a renamed page still has its picture.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from amitriptyline_kb.tools.chromium import DESKTOP, PHONE, launch, wait_for_search_results
from amitriptyline_kb.tools.site import reader_docnames, serve

TERM_LINK = "article a.kb-term:visible"
COLOR_SCHEMES = ["light", "dark"]
SIZES = {"desktop": DESKTOP, "phone": PHONE}
# A question a reader would ask, as the browser tests' search-results page does.
SEARCH_QUERY = "does amitriptyline repair nerves"
SPANISH_QUERY = "la amitriptilina repara los nervios"
# An address the site does not have: the host serves its 404 page.
MISSING_ADDRESS = "no/such/page.html"
TAB_SET = 'class="sd-tab-set'
TAB_LABEL = re.compile(r'class="sd-tab-label"')
URGENT_CALLOUT = 'class="kb-urgent '
SAFETY_NOTE = 'class="admonition important"'


def _html(html_dir: Path, name: str) -> str:
    return (html_dir / f"{name}.html").read_text("utf-8")


def first_page_with(html_dir: Path, *markers: str) -> str:
    """The first reader page (not the glossary) whose HTML contains every marker."""
    for name in reader_docnames():
        html = _html(html_dir, name)
        if name != "glossary" and all(marker in html for marker in markers):
            return f"{name}.html"
    raise SystemExit(f"no reader page contains all of {markers!r}")


def first_topic_page() -> str:
    """The first page inside a topic's folder that is not the folder's index."""
    for name in reader_docnames():
        if "/" in name and not name.endswith("/index"):
            return f"{name}.html"
    raise SystemExit("no reader page inside a topic folder")


def largest_tab_set(html_dir: Path) -> tuple[str, int]:
    """The reader page with the largest tab set (where a row of tabs would
    wrap first), and the number of tabs in that set."""
    largest = {
        name: max(len(TAB_LABEL.findall(part)) for part in _html(html_dir, name).split(TAB_SET))
        for name in reader_docnames()
    }
    name = max(largest, key=lambda name: largest[name])
    if not largest[name]:
        raise SystemExit("no reader page has a tab set")
    return f"{name}.html", largest[name]


# Room between a feature scrolled to an edge of the window and that edge: the
# phone's sticky header, and a line of what comes before or after it.
ROOM = 80
# One scroll, down and instant: furo scrolls smoothly, so a picture would
# catch it midway, and shows "Back to top" over the page after a scroll up.
SCROLL_JS = """([element, edge, room]) => {
  const box = element.getBoundingClientRect();
  const top = edge === "start" ? box.top - room : box.bottom + room - innerHeight;
  window.scrollTo({top: scrollY + top, behavior: "instant"});
}"""


def scroll_to(selector: str, edge: str = "start") -> Callable[[Any, bool], None]:
    """Scroll the first ``selector`` to the top (``start``) or bottom (``end``)."""

    def prepare(page, touch: bool) -> None:
        element = page.locator(selector).first.element_handle()
        page.evaluate(SCROLL_JS, [element, edge, ROOM])

    return prepare


def show_results(page, touch: bool) -> None:
    wait_for_search_results(page)


def open_preview(page, touch: bool) -> None:
    link = page.locator(TERM_LINK).first
    link.scroll_into_view_if_needed()
    if touch:
        link.tap()
    else:
        link.hover()
    page.locator("#" + link.get_attribute("aria-describedby")).wait_for(state="visible")


View = tuple[str, Callable[[Any, bool], None] | None]


def tabs_view(site_dir: Path, folder: str = "") -> View:
    """The page of ``folder`` (an edition's, "es/") with the largest tab set, at the set."""
    page, tabs = largest_tab_set(site_dir)
    return f"{folder}{page}", scroll_to(f".sd-tab-set:has(> label:nth-of-type({tabs}))")


def safety_view(site_dir: Path, folder: str = "") -> View:
    """A safety note at the bottom of the window, urgent-help callouts above it."""
    page = first_page_with(site_dir, URGENT_CALLOUT, SAFETY_NOTE)
    return f"{folder}{page}", scroll_to(".admonition.important", edge="end")


def views(html_dir: Path) -> dict[str, View]:
    """Each view's name, address under the site and what to do before the picture."""
    planned: dict[str, View] = {
        "landing": ("index.html", None),
        "topic": (first_topic_page(), None),
        "tabs": tabs_view(html_dir),
        "safety": safety_view(html_dir),
        "search-results": (f"search.html?q={SEARCH_QUERY.replace(' ', '+')}", show_results),
        "genindex": ("genindex.html", None),
        "not-found": (MISSING_ADDRESS, None),
        "glossary-preview": (first_page_with(html_dir, 'class="kb-term'), open_preview),
    }
    # The Spanish edition, where its words are longest: tab labels, safety
    # callouts, the landing page's title, and a Spanish search.
    spanish = html_dir / "es"
    if spanish.is_dir():
        planned |= {
            "es-landing": ("es/index.html", None),
            "es-tabs": tabs_view(spanish, "es/"),
            "es-safety": safety_view(spanish, "es/"),
            "es-search-results": (
                f"es/search.html?q={SPANISH_QUERY.replace(' ', '+')}",
                show_results,
            ),
        }
    return planned


def take_screenshots(browser, base_url: str, html_dir: Path, out_dir: Path) -> list[Path]:
    """Save every screenshot under ``out_dir``; return their paths."""
    planned = views(html_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for size, viewport in SIZES.items():
        phone = viewport is PHONE
        for scheme in COLOR_SCHEMES:
            for view, (path, prepare) in planned.items():
                # A fresh context for each view: after a search, Sphinx keeps
                # the words in local storage and highlights them on every
                # page opened later.
                context = browser.new_context(
                    viewport=viewport, color_scheme=scheme, has_touch=phone, is_mobile=phone
                )
                page = context.new_page()
                page.goto(base_url + path)
                if prepare:
                    prepare(page, phone)
                target = out_dir / f"{view}-{size}-{scheme}.png"
                page.screenshot(path=target)
                saved.append(target)
                context.close()
    return saved


def main(html_dir: Path, out_dir: Path) -> None:
    with serve(html_dir) as base_url, launch() as browser:
        for path in take_screenshots(browser, base_url, html_dir, out_dir):
            print(path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
