"""A glossary link shows the term's meaning in place
(amitriptyline_kb/pages/glossary_previews.py), in Chromium.

With a mouse (hover), the keyboard (focus) and a touch screen (first tap);
Esc dismisses it; it is the link's accessible description; without
JavaScript the link still goes to the glossary. The meaning shown is the
glossary's own definition. (What the pages carry for it, read from the HTML:
site/test_glossary_preview_markup.py.)
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from amitriptyline_kb.tools.chromium import PHONE, open_page
from helpers import (
    BROWSER,
    GLOSSARY,
    GLOSSARY_LINK,
    axe_violations,
    glossary_definitions,
    press_tab_until,
    squash,
)


def test_hover_shows_the_meaning_and_the_preview_can_be_hovered(
    served_site, new_page, site, term_page
):
    page = new_page()
    open_page(page, served_site, f"{term_page}.html")
    link = page.locator(f"article {GLOSSARY_LINK}:visible").first
    term_id = urlsplit(link.get_attribute("href")).fragment
    preview = page.locator(f"#kb-preview-{term_id}")
    assert link.get_attribute("aria-describedby") == f"kb-preview-{term_id}"
    assert preview.get_attribute("role") == "tooltip"
    assert preview.is_hidden()

    link.hover()
    preview.wait_for(state="visible")
    assert squash(preview.inner_text()) == squash(
        glossary_definitions(site.html(GLOSSARY))[term_id]
    )
    assert page.url.endswith(f"{term_page}.html"), "hovering left the page"
    # The pointer can move onto the preview (to read or select it) ...
    preview.hover()
    assert preview.is_visible()
    # ... and it goes when the pointer leaves both.
    page.mouse.move(0, 0)
    preview.wait_for(state="hidden")


def test_keyboard_focus_shows_the_meaning_and_escape_dismisses_it(served_site, new_page, term_page):
    page = new_page()
    open_page(page, served_site, f"{term_page}.html")
    link = page.locator(f"article {GLOSSARY_LINK}:visible").first
    preview = page.locator("#" + link.get_attribute("aria-describedby"))
    press_tab_until(page, lambda: link.evaluate("element => element === document.activeElement"))
    preview.wait_for(state="visible")
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    assert link.evaluate("element => element === document.activeElement"), (
        "Esc moved the focus away from the link"
    )
    # The description stays available to screen readers while hidden.
    description = page.evaluate(
        "id => document.getElementById(id).textContent", link.get_attribute("aria-describedby")
    )
    assert description.strip()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{GLOSSARY}.html#term-*")


def test_a_tap_shows_the_meaning_with_a_link_and_a_second_tap_follows_the_link(
    served_site, new_page, term_page
):
    page = new_page(viewport=PHONE, has_touch=True, is_mobile=True)
    open_page(page, served_site, f"{term_page}.html")
    link = page.locator(f"article {GLOSSARY_LINK}:visible").first
    href = urljoin(page.url, link.get_attribute("href"))
    preview = page.locator("#" + link.get_attribute("aria-describedby"))
    link.scroll_into_view_if_needed()
    link.tap()
    preview.wait_for(state="visible")
    assert page.url.endswith(f"{term_page}.html"), "the first tap left the page"
    more = preview.locator("a")
    assert urljoin(page.url, more.get_attribute("href")) == href
    box, viewport = preview.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (
        "the preview does not fit the phone's screen"
    )
    # A tap elsewhere closes it; tapping the term twice follows the link.
    page.locator("article h1").first.tap()
    preview.wait_for(state="hidden")
    link.tap()
    preview.wait_for(state="visible")
    link.tap()
    page.wait_for_url(href)


def test_without_javascript_the_link_goes_to_the_glossary(served_site, new_page, term_page):
    page = new_page(java_script_enabled=False)
    open_page(page, served_site, f"{term_page}.html")
    link = page.locator(f"article {GLOSSARY_LINK}:visible").first
    assert link.get_attribute("title"), "the definition is not in the link's title"
    href = urljoin(page.url, link.get_attribute("href"))
    link.click()
    page.wait_for_url(href)
    term_id = urlsplit(href).fragment
    assert page.locator(f"[id='{term_id}']").is_visible()


@pytest.mark.parametrize("scheme", BROWSER["color_schemes"])
def test_an_open_preview_passes_axe(served_site, new_page, term_page, scheme):
    page = new_page(color_scheme=scheme)
    open_page(page, served_site, f"{term_page}.html")
    link = page.locator(f"article {GLOSSARY_LINK}:visible").first
    link.hover()
    page.locator("#" + link.get_attribute("aria-describedby")).wait_for(state="visible")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
