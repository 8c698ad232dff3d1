"""Screenshots of the site to look at: the landing page, a page with tabs and
an open glossary preview, at desktop and phone sizes, light and dark.

Usage: python -m amitriptyline_kb.tools.screenshots _build/html _build/screenshots
(run by `make screenshots`). Serves the built site on 127.0.0.1 and saves one
PNG per view, size and colour scheme, named like ``tabs-phone-dark.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from amitriptyline_kb.tools.chromium import DESKTOP, PHONE, launch
from amitriptyline_kb.tools.site import reader_docnames, serve

TERM_LINK = "article a.kb-term:visible"
COLOR_SCHEMES = ["light", "dark"]


def first_page_with(html_dir: Path, marker: str) -> str:
    """The first reader page whose HTML contains ``marker``."""
    for name in reader_docnames():
        if name != "glossary" and marker in (html_dir / f"{name}.html").read_text("utf-8"):
            return f"{name}.html"
    raise SystemExit(f"no reader page contains {marker!r}")


def show_tabs(page, touch: bool) -> None:
    page.locator(".sd-tab-set").first.scroll_into_view_if_needed()


def open_preview(page, touch: bool) -> None:
    link = page.locator(TERM_LINK).first
    link.scroll_into_view_if_needed()
    if touch:
        link.tap()
    else:
        link.hover()
    page.locator("#" + link.get_attribute("aria-describedby")).wait_for(state="visible")


def take_screenshots(browser, base_url: str, html_dir: Path, out_dir: Path) -> list[Path]:
    """Save every screenshot under ``out_dir``; return their paths."""
    views = {
        "landing": ("index.html", None),
        "tabs": (first_page_with(html_dir, 'class="sd-tab-set'), show_tabs),
        "glossary-preview": (first_page_with(html_dir, 'class="kb-term'), open_preview),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for size, viewport in {"desktop": DESKTOP, "phone": PHONE}.items():
        phone = viewport is PHONE
        for scheme in COLOR_SCHEMES:
            context = browser.new_context(
                viewport=viewport, color_scheme=scheme, has_touch=phone, is_mobile=phone
            )
            page = context.new_page()
            for view, (path, prepare) in views.items():
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
