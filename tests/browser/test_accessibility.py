"""Every page passes axe-core in every mode, and works with the keyboard alone.

axe-core (bundled by axe-playwright-python) checks each reader page and the
pages readers land on otherwise (data/browser.yaml: glossary, index, search
results, 404), in both editions, in light and dark colour schemes, at
desktop and phone sizes.
"""

from __future__ import annotations

import pytest

from amitriptyline_kb.tools.chromium import open_page
from helpers import BROWSER, axe_violations, pages_with, press_tab_until

MODES = [(scheme, size) for scheme in BROWSER["color_schemes"] for size in BROWSER["viewports"]]

# The focus indicator of the focused element: its outline, its box shadow, or
# for a visually hidden radio button (a tab of a tab set), that of its label.
FOCUS_INDICATOR_JS = """
() => {
  const element = document.activeElement;
  const shows = (node) => {
    const style = getComputedStyle(node);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
  };
  const hidden = parseFloat(getComputedStyle(element).opacity) === 0;
  const target = hidden && element.labels && element.labels.length ? element.labels[0] : element;
  return {
    description: element.tagName + " " + (element.className || "") + " "
      + (element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 40),
    visible: shows(target),
  };
}
"""


@pytest.mark.parametrize(("scheme", "size"), MODES, ids=[f"{s}-{v}" for s, v in MODES])
def test_axe_finds_no_violation_on_any_page(served_site, new_page, reader_pages, scheme, size):
    page = new_page(viewport=BROWSER["viewports"][size], color_scheme=scheme)
    paths = [f"{name}.html" for name in reader_pages] + list(BROWSER["other_pages"].values())
    # The Spanish edition's pages, and its own index, search and 404 pages.
    paths += [f"es/{name}.html" for name in reader_pages] + list(
        BROWSER["spanish_other_pages"].values()
    )
    found = {}
    for path in paths:
        open_page(page, served_site, path)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (
            scheme == "dark"
        )
        if violations := axe_violations(page):
            found[path] = violations
    report = "\n".join(f"{path}:\n  " + "\n  ".join(lines) for path, lines in found.items())
    assert not found, f"axe-core violations ({scheme}, {size}):\n{report}"


def _visible_panels(panels) -> list[int]:
    return [number for number in range(panels.count()) if panels.nth(number).is_visible()]


def test_tab_sets_work_with_the_keyboard_alone_and_focus_is_always_visible(
    served_site, new_page, site, reader_pages
):
    tab_pages = pages_with(site, reader_pages, ".sd-tab-set")
    assert tab_pages, "no page has a tab set: this test checks nothing"
    page = new_page()
    for name in tab_pages:
        open_page(page, served_site, f"{name}.html")
        tab_set = page.locator(".sd-tab-set").first
        panels = tab_set.locator(":scope > .sd-tab-content")
        assert panels.count() >= 2, f"{name}: the first tab set has fewer than two tabs"
        stops = press_tab_until(
            page,
            lambda: page.evaluate("() => document.activeElement.matches('.sd-tab-set > input')"),
            each=lambda: page.evaluate(FOCUS_INDICATOR_JS),
        )
        invisible = [stop["description"] for stop in stops if not stop["visible"]]
        assert not invisible, f"{name}: focus is not visible on: {invisible}"
        before = _visible_panels(panels)
        assert len(before) == 1, f"{name}: panels shown before a key press: {before}"
        page.keyboard.press("ArrowRight")
        after = _visible_panels(panels)
        assert len(after) == 1 and after != before, (
            f"{name}: the arrow key did not switch tabs (panels shown: {before}, then {after})"
        )
        assert page.evaluate(FOCUS_INDICATOR_JS)["visible"], f"{name}: focus lost on the tab"
