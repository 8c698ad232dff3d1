"""The figures render in Chromium on a phone and a desktop, in light and dark
mode, fit the screen, and stay readable.

A picture in ``<img>`` does not see the page's colours, so each carries its
own light panel: on a dark page it must still be light behind its text, and
its smallest text must be large enough to read at a phone's width. The
figures are those of ``data/figures.yaml``.
"""

from __future__ import annotations

import io
from xml.etree import ElementTree

import pytest
from PIL import Image

from amitriptyline_kb.tools.chromium import open_page
from helpers import BROWSER, data

EXPECT = data("figures.yaml")
SVG = "{http://www.w3.org/2000/svg}"
PAGES = sorted(EXPECT["pages"])
# The reader's system setting, and the site's own switch (furo keeps the
# choice in localStorage) set against it.
MODES = {
    "light": {"color_scheme": "light"},
    "dark": {"color_scheme": "dark"},
    "dark by the switch": {"color_scheme": "light", "theme": "dark"},
}
# Relative luminance (WCAG): of the picture's own panel, and of a dark page.
LIGHT_PANEL, DARK_PAGE = 0.8, 0.1
# Where the panel shows on its own: a few units in from its left edge, at
# half its height, in the units of the picture's viewBox.
PANEL_X = 6

FIGURES_JS = """
() => [...document.querySelectorAll("article figure img")].map(image => {
  const box = image.getBoundingClientRect();
  return {
    name: image.getAttribute("src").split("/").pop(),
    loaded: image.complete,
    naturalWidth: image.naturalWidth,
    left: box.left,
    right: box.right,
    width: box.width,
  };
})
"""
OVERFLOW_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
PAGE_LUMINANCE_JS = """
() => {
  const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
"""


def _luminance(rgb: tuple[int, ...]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _smallest_text(path) -> tuple[float, float]:
    """The smallest font size of the picture's text, and the width of its viewBox."""
    root = ElementTree.parse(path).getroot()
    width = float(root.get("viewBox").split()[2])
    sizes = []

    def walk(element, size: float) -> None:
        size = float(element.get("font-size", size))
        if element.tag == f"{SVG}text":
            sizes.append(size)
        for child in element:
            walk(child, size)

    walk(root, 16)
    return min(sizes), width


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", BROWSER["viewports"])
@pytest.mark.parametrize("docname", PAGES)
def test_figures_render_fit_the_screen_and_keep_their_light_panel(
    site, served_site, new_page, docname, size, mode
):
    settings = MODES[mode]
    page = new_page(viewport=BROWSER["viewports"][size], color_scheme=settings["color_scheme"])
    if "theme" in settings:
        page.add_init_script(f"localStorage.setItem('theme', '{settings['theme']}')")
    open_page(page, served_site, f"{docname}.html")
    page.wait_for_function(
        "() => [...document.querySelectorAll('article figure img')].every(i => i.complete)"
    )
    figures = page.evaluate(FIGURES_JS)
    assert sorted(f["name"] for f in figures) == sorted(EXPECT["pages"][docname])
    viewport = BROWSER["viewports"][size]["width"]
    assert page.evaluate(OVERFLOW_JS) <= 0, f"{docname} scrolls sideways at {viewport}px"
    if mode != "light":
        assert page.evaluate(PAGE_LUMINANCE_JS) < DARK_PAGE, f"{docname} is not dark in {mode}"

    for index, figure in enumerate(figures):
        name = figure["name"]
        assert figure["loaded"] and figure["naturalWidth"] > 0, f"{name} did not render"
        assert figure["left"] >= 0 and figure["right"] <= viewport, f"{name} is off the screen"
        smallest, units = _smallest_text(site.html_dir / "_images" / name)
        if size == "phone":
            shown = smallest * figure["width"] / units
            assert shown >= EXPECT["min_phone_text_px"], f"{name}'s text is {shown:.1f}px"
        picture = Image.open(
            io.BytesIO(page.locator("article figure img").nth(index).screenshot())
        ).convert("RGB")
        panel = picture.getpixel((round(PANEL_X * picture.width / units), picture.height // 2))
        assert _luminance(panel) > LIGHT_PANEL, f"{name} has no light panel in {mode}: {panel}"
