"""The design for readers, measured in Chromium at phone size (390 x 844), and
on the desktop (1280 x 800) where a rule holds for every screen.

The rules are the issue's, written out here, not read from the stylesheets:

- a page's title of up to 40 characters takes at most 2 lines on a phone;
  a section heading is visibly smaller than the title (at most 85% of its
  size); no heading ends in an empty line (the hidden "¶" link wrapping onto
  a line of its own);
- a safety note (the {important} admonition) is set at least as large as the
  page's text, in a box drawn as the urgent-help callouts are;
- a tab set never breaks into ragged rows: its choices are a list, one a
  line, none past the edge of the screen; the keyboard reaches every choice,
  and choosing one chooses it in the other tab sets of its sync group;
- a search box is in view on a phone without opening the menu, and searches;
- the foot of each page offers "Suggest a change to this page", and the
  copyright names one year while the site is in its first year.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from urllib.parse import parse_qs, urlsplit

import pytest

from amitriptyline_kb.tools.chromium import DESKTOP, PHONE, open_page, wait_for_search_results
from amitriptyline_kb.tools.site import configuration, reader_docnames
from helpers import BROWSER, pages_with, press_tab_until, search_results

PHONE_CONTEXT = {"viewport": PHONE, "has_touch": True, "is_mobile": True}
SIZES = {"phone": PHONE_CONTEXT, "desktop": {"viewport": DESKTOP}}
# The rules.
SHORT_TITLE = 40
MAX_TITLE_LINES = 2
SECTION_HEADING_AT_MOST = 0.85
FIRST_YEAR = 2026

# The lines a heading's words take, without its "¶" link, and the lines its
# box holds: more lines in the box than in the words is an empty line.
HEADING_LINES_JS = """
heading => {
  const tops = new Set();
  for (const node of heading.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains("headerlink")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0) tops.add(Math.round(rect.top));
    }
  }
  const style = getComputedStyle(heading);
  const inner = heading.getBoundingClientRect().height
    - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
    - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth);
  return {
    text: heading.textContent.replace("\\u00b6", "").trim(),
    level: heading.tagName,
    fontSize: parseFloat(style.fontSize),
    wordLines: tops.size,
    boxLines: Math.round(inner / parseFloat(style.lineHeight)),
  };
}
"""
HEADINGS = "article h1, article h2, article h3, article h4, article h5, article h6"


def _headings(page) -> list[dict]:
    return page.locator(HEADINGS).evaluate_all(f"headings => headings.map({HEADING_LINES_JS})")


def _other_pages() -> list[str]:
    return list(BROWSER["other_pages"].values())


# -- Headings ------------------------------------------------------------------


def test_on_a_phone_a_title_of_up_to_40_characters_takes_at_most_2_lines(
    served_site, new_page, reader_pages
):
    page = new_page(**PHONE_CONTEXT)
    measured, too_long = 0, []
    for name in reader_pages:
        open_page(page, served_site, f"{name}.html")
        title = _headings(page)[0]
        assert title["level"] == "H1", f"{name}: the first heading is a {title['level']}"
        if len(title["text"]) > SHORT_TITLE:
            continue
        measured += 1
        if title["wordLines"] > MAX_TITLE_LINES:
            too_long.append(f"{name}: {title['text']!r} takes {title['wordLines']} lines")
    assert measured >= 5, f"only {measured} titles of up to {SHORT_TITLE} characters to measure"
    assert not too_long, "titles longer than 2 lines on a phone:\n" + "\n".join(too_long)


@pytest.mark.parametrize("size", SIZES)
def test_section_headings_are_visibly_smaller_than_the_title(
    served_site, new_page, site, reader_pages, size
):
    named = pages_with(site, reader_pages, "h2")
    assert named, "no page has a section heading"
    page = new_page(**SIZES[size])
    too_big = []
    for name in named:
        open_page(page, served_site, f"{name}.html")
        headings = _headings(page)
        title = headings[0]["fontSize"]
        for heading in headings[1:]:
            if heading["fontSize"] > SECTION_HEADING_AT_MOST * title:
                too_big.append(
                    f"{name}: {heading['level']} {heading['text']!r} is {heading['fontSize']}px"
                    f" beside a title of {title}px"
                )
    assert not too_big, "section headings not visibly smaller than the title:\n" + "\n".join(
        too_big
    )


@pytest.mark.parametrize("size", SIZES)
def test_no_heading_ends_in_an_empty_line(served_site, new_page, reader_pages, size):
    page = new_page(**SIZES[size])
    empty = []
    for path in [f"{name}.html" for name in reader_pages] + _other_pages():
        open_page(page, served_site, path)
        for heading in _headings(page):
            if heading["boxLines"] > heading["wordLines"]:
                empty.append(
                    f"{path}: {heading['level']} {heading['text']!r} takes"
                    f" {heading['boxLines']} lines for {heading['wordLines']} of words"
                )
    assert not empty, "headings with an empty line:\n" + "\n".join(empty)


# -- Safety notes --------------------------------------------------------------

# A box's look: each side's border, its corners and its padding.
BOX_JS = """
element => {
  const style = getComputedStyle(element);
  const look = {};
  for (const side of ["Top", "Right", "Bottom", "Left"]) {
    for (const part of ["Width", "Style", "Color"]) look[`border${side}${part}`] = style[`border${side}${part}`];
    look[`padding${side}`] = style[`padding${side}`];
  }
  look.borderRadius = style.borderTopLeftRadius;
  return look;
}
"""
# The callout a safety note matches: "not urgent: speak to a doctor or pharmacist".
NOT_URGENT_CALLOUT = ".kb-urgent.kb-urgent-pharmacist"


@pytest.mark.parametrize("size", SIZES)
def test_safety_notes_are_as_large_as_the_text_and_boxed_as_urgent_callouts(
    served_site, new_page, site, reader_pages, size
):
    with_notes = pages_with(site, reader_pages, ".admonition.important")
    with_callout = pages_with(site, reader_pages, NOT_URGENT_CALLOUT)
    assert with_notes and with_callout, "no safety note or no not-urgent callout to compare"
    page = new_page(**SIZES[size])
    open_page(page, served_site, f"{with_callout[0]}.html")
    callout = page.locator(NOT_URGENT_CALLOUT).first.evaluate(BOX_JS)
    wrong = []
    for name in with_notes:
        open_page(page, served_site, f"{name}.html")
        text_size = page.locator("article").evaluate(
            "a => parseFloat(getComputedStyle(a).fontSize)"
        )
        notes = page.locator("article .admonition.important")
        for number in range(notes.count()):
            note = notes.nth(number)
            sizes = note.locator("p").evaluate_all(
                "ps => ps.map(p => parseFloat(getComputedStyle(p).fontSize))"
            )
            if min(sizes) < text_size:
                wrong.append(f"{name}: note {number + 1} in {min(sizes)}px, text {text_size}px")
            look = note.evaluate(BOX_JS)
            if look != callout:
                differ = {
                    key: (look[key], callout[key]) for key in look if look[key] != callout[key]
                }
                wrong.append(f"{name}: note {number + 1} is not boxed as a callout: {differ}")
    assert not wrong, "safety notes:\n" + "\n".join(wrong)


# -- Tab sets ------------------------------------------------------------------

# Each label's box, and the box of the text beside the tab set (the article's).
TAB_BOXES_JS = """
set => {
  const box = element => {
    const r = element.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width};
  };
  const article = set.closest("article").getBoundingClientRect();
  return {
    labels: [...set.querySelectorAll(":scope > label")].map(box),
    panels: [...set.querySelectorAll(":scope > .sd-tab-content")]
      .filter(panel => panel.getClientRects().length).map(box),
    left: article.left,
    right: article.right,
  };
}
"""


@pytest.mark.parametrize("size", SIZES)
def test_tab_sets_are_a_list_of_choices_never_ragged_rows(
    served_site, new_page, site, reader_pages, size
):
    tab_pages = pages_with(site, reader_pages, ".sd-tab-set")
    assert tab_pages, "no page has a tab set"
    page = new_page(**SIZES[size])
    wrong = []
    for name in tab_pages:
        open_page(page, served_site, f"{name}.html")
        sets = page.locator("article .sd-tab-set")
        for number in range(sets.count()):
            where = f"{name}, tab set {number + 1}"
            boxes = sets.nth(number).evaluate(TAB_BOXES_JS)
            labels = boxes["labels"]
            # One choice a line: each label starts below the one before it,
            # and all line up, as wide as each other.
            for above, below in pairwise(labels):
                if below["top"] < above["bottom"] - 1:
                    wrong.append(f"{where}: two choices share a line")
            if len({round(label["left"]) for label in labels}) != 1:
                wrong.append(f"{where}: the choices do not line up on the left")
            if len({round(label["width"]) for label in labels}) != 1:
                wrong.append(f"{where}: the choices are not all as wide")
            for box in labels + boxes["panels"]:
                if box["left"] < boxes["left"] - 1 or box["right"] > boxes["right"] + 1:
                    wrong.append(f"{where}: a choice or its text is past the edge of the page")
            if len(boxes["panels"]) != 1:
                wrong.append(f"{where}: {len(boxes['panels'])} texts shown, not one")
    assert not wrong, "tab sets:\n" + "\n".join(wrong)


def _largest_tab_set(site, reader_pages) -> tuple[str, int]:
    sizes = {
        (name, number): len(tab_set.select(":scope > label"))
        for name in pages_with(site, reader_pages, ".sd-tab-set")
        for number, tab_set in enumerate(site.html(name).select("article .sd-tab-set"))
    }
    return max(sizes, key=lambda key: sizes[key])


def test_on_a_phone_the_keyboard_reaches_every_choice_of_a_tab_set(
    served_site, new_page, site, reader_pages
):
    name, number = _largest_tab_set(site, reader_pages)
    page = new_page(**PHONE_CONTEXT)
    open_page(page, served_site, f"{name}.html")
    tab_set = page.locator("article .sd-tab-set").nth(number)
    labels = tab_set.locator(":scope > label")
    panels = tab_set.locator(":scope > .sd-tab-content")
    radios = tab_set.locator(":scope > input")
    in_set = "set => set.contains(document.activeElement)"
    press_tab_until(page, lambda: tab_set.evaluate(in_set))
    reached = []
    for choice in range(labels.count()):
        if choice:
            page.keyboard.press("ArrowDown")
        focused = radios.evaluate_all("radios => radios.indexOf(document.activeElement)")
        shown = [n for n in range(panels.count()) if panels.nth(n).is_visible()]
        assert shown == [focused], f"{name}: choice {focused + 1} has focus, text {shown} shows"
        reached.append(labels.nth(focused).inner_text().strip())
    expected = [label.strip() for label in labels.all_inner_texts()]
    assert reached == expected, f"{name}: the arrow keys reached {reached}, not {expected}"
    # Tab moves on, into the chosen text or past the set, not to another choice.
    page.keyboard.press("Tab")
    assert radios.evaluate_all("radios => !radios.includes(document.activeElement)"), (
        f"{name}: Tab moved to another choice"
    )


def test_on_a_phone_a_choice_is_chosen_in_every_tab_set_of_its_sync_group(
    served_site, new_page, site, reader_pages
):
    # A sync group on two pages, and a choice that both offer and neither shows first.
    groups: dict[tuple[str, str], list[str]] = {}
    first: dict[str, set[str]] = {}
    for name in pages_with(site, reader_pages, ".sd-tab-set"):
        for label in site.html(name).select(".sd-tab-set > label[data-sync-group]"):
            key = (label["data-sync-group"], label["data-sync-id"])
            groups.setdefault(key, []).append(name)
        for tab_set in site.html(name).select(".sd-tab-set"):
            label = tab_set.select_one(":scope > label[data-sync-id]")
            if label:
                first.setdefault(name, set()).add(label["data-sync-id"])
    shared = [
        (key, names)
        for key, names in groups.items()
        if len(set(names)) >= 2 and not any(key[1] in first[name] for name in names)
    ]
    assert shared, "no choice is offered by tab sets on two pages: sync is untested"
    (group, choice), names = shared[0]
    chosen = f'.sd-tab-set > label[data-sync-group="{group}"][data-sync-id="{choice}"]'
    page = new_page(**PHONE_CONTEXT)
    open_page(page, served_site, f"{names[0]}.html")
    page.locator(chosen).first.tap()
    for name in sorted(set(names)):
        open_page(page, served_site, f"{name}.html")
        text = page.locator(chosen).first.locator("xpath=following-sibling::div[1]")
        assert text.is_visible(), f"{name}: choosing {choice!r} elsewhere did not choose it here"


# -- Search box ----------------------------------------------------------------

SEARCH_BOX = {"role": "searchbox", "name": "Search this site"}
TOPIC_PAGE = next(name for name in reader_docnames() if "/" in name and "index" not in name)
SEARCH_PAGES = {
    "landing page": "index.html",
    "topic page": f"{TOPIC_PAGE}.html",
    "search page": "search.html?q=sleepy",
}


@pytest.mark.parametrize("where", SEARCH_PAGES)
def test_on_a_phone_a_search_box_is_in_view_without_opening_the_menu(served_site, new_page, where):
    page = new_page(**PHONE_CONTEXT)
    open_page(page, served_site, SEARCH_PAGES[where])
    box = page.get_by_role(**SEARCH_BOX)
    assert box.count() == 1 and box.is_visible(), f"no search box on the {where}"
    bounds = box.bounding_box()
    assert bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= PHONE["width"]
    assert bounds["y"] >= 0 and bounds["y"] + bounds["height"] <= PHONE["height"]
    # Not under the header or anything else: its middle is the box itself.
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y)?.id",
        [bounds["x"] + bounds["width"] / 2, bounds["y"] + bounds["height"] / 2],
    )
    assert on_top == box.get_attribute("id"), f"the search box is covered by {on_top}"
    box.fill("side effects")
    box.press("Enter")
    page.wait_for_url(lambda url: "search.html" in url and "q=side+effects" in url)
    wait_for_search_results(page)
    assert "safety/side-effects" in search_results(page)


def test_without_javascript_the_search_box_opens_the_search_page(served_site, new_page):
    page = new_page(**PHONE_CONTEXT, java_script_enabled=False)
    open_page(page, served_site, SEARCH_PAGES["topic page"])
    page.get_by_role(**SEARCH_BOX).fill("dry mouth")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/search.html"))
    assert parse_qs(urlsplit(page.url).query)["q"] == ["dry mouth"]


def test_on_the_desktop_the_sidebar_holds_the_one_search_box_in_view(served_site, new_page):
    page = new_page()
    open_page(page, served_site, "index.html")
    shown = [
        box for box in page.locator('[role="search"] input[name="q"]').all() if box.is_visible()
    ]
    assert len(shown) == 1 and shown[0].evaluate("box => !!box.closest('.sidebar-drawer')")


# -- Foot of the page ----------------------------------------------------------

REPOSITORY_URL = configuration()["REPOSITORY_URL"]


def test_the_foot_of_each_page_offers_suggest_a_change(served_site, new_page, reader_pages):
    page = new_page(**PHONE_CONTEXT)
    wrong = []
    for name in reader_pages:
        open_page(page, served_site, f"{name}.html")
        link = page.locator("footer").get_by_role("link", name="Suggest a change to this page")
        if link.count() != 1:
            wrong.append(f"{name}: {link.count()} links in the footer")
            continue
        link.scroll_into_view_if_needed()
        parts = urlsplit(link.get_attribute("href"))
        if not (
            link.is_visible()
            and f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPOSITORY_URL}/issues/new"
            and parse_qs(parts.query).get("page") == [name]
        ):
            wrong.append(f"{name}: {link.get_attribute('href')}")
        if page.locator('a[rel="edit"]').count():
            wrong.append(f"{name}: an edit button")
    assert not wrong, '"Suggest a change to this page":\n' + "\n".join(wrong)


def test_the_copyright_names_one_year_until_a_second_year_starts(served_site, new_page):
    this_year = date.today().year
    years = str(FIRST_YEAR) if this_year == FIRST_YEAR else f"{FIRST_YEAR}–{this_year}"
    expected = f"Copyright © {years}, {configuration()['author']}"
    page = new_page(**PHONE_CONTEXT)
    open_page(page, served_site, "index.html")
    shown = " ".join(page.locator("footer .copyright").inner_text().split())
    assert shown == expected
