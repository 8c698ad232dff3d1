"""What readers expect from a modern site, checked on the served site in Chromium.

A helpful 404 page at any depth, sitemap.xml and robots.txt, a favicon, dark
mode, a phone layout, a print stylesheet that makes a clean handout, and the
ePub of the same build offered for download from every page. (The tags and
links the pages carry for these, read from the HTML: site/test_site_metadata.py.)
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from amitriptyline_kb.tools.chromium import PHONE, open_page
from amitriptyline_kb.tools.site import configuration
from helpers import BROWSER, pages_with, sitemap_addresses, source_data, squash

SITE_URL = configuration()["SITE_URL"]
NOT_FOUND_PAGES = [
    path for name, path in BROWSER["other_pages"].items() if name.startswith("not found")
]


def _failed_responses(page) -> list[str]:
    failed = []
    page.on("requestfailed", lambda request: failed.append(f"{request.url} (failed)"))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and response.request.resource_type != "document"
            and failed.append(f"{response.url} ({response.status})")
        ),
    )
    return failed


# -- 404 -----------------------------------------------------------------------


@pytest.mark.parametrize("path", NOT_FOUND_PAGES)
def test_a_missing_address_gets_a_helpful_404_page_that_works_at_any_depth(
    served_site, new_page, path
):
    page = new_page()
    failed = _failed_responses(page)
    response = open_page(page, served_site, path)
    assert response.status == 404
    title = source_data("page-text.yaml")["not found"]["title"]
    assert page.locator("article h1").inner_text().strip() == title
    assert not failed, f"the 404 page at {path} could not load: {failed}"
    # Its links lead to real pages, and its search box searches the site.
    links = page.locator("article a[href]").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 3
    for href in links + [page.locator(".sidebar-brand").get_attribute("href")]:
        url = urljoin(page.url, href)
        assert page.request.get(url).status == 200, f"{path}: link to {url} is broken"
    page.get_by_label("Search this site").fill("amitriptyline")
    page.get_by_label("Search this site").press("Enter")
    page.wait_for_url(
        lambda url: url.startswith(served_site + "search.html") and "q=amitriptyline" in url
    )


# -- Search engines and link previews ------------------------------------------


def test_sitemap_lists_every_reader_page_at_its_published_address(
    served_site, new_page, reader_pages
):
    page = new_page()
    response = page.request.get(served_site + "sitemap.xml")
    assert response.status == 200
    listed = sitemap_addresses(response.body())
    expected = {f"{SITE_URL}{name}.html" for name in reader_pages}
    assert expected <= listed, f"missing from sitemap.xml: {sorted(expected - listed)}"
    assert not {url for url in listed if url.endswith(("search.html", "404.html"))}
    # RFC 3986: an address holds no space or other character that must be escaped.
    valid = re.compile(r"https://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+")
    invalid = {url for url in listed if not valid.fullmatch(url)}
    assert not invalid, f"addresses in sitemap.xml that are not valid: {sorted(invalid)}"


def test_robots_txt_allows_crawling_and_names_the_sitemap(served_site, new_page):
    response = new_page().request.get(served_site + "robots.txt")
    assert response.status == 200
    lines = response.text().splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_the_favicon_is_served_from_the_site(served_site, new_page):
    page = new_page()
    open_page(page, served_site, "index.html")
    href = page.locator('link[rel~="icon"]').get_attribute("href")
    response = page.request.get(urljoin(page.url, href))
    assert response.status == 200
    assert response.headers["content-type"].startswith("image/")


# -- Dark mode and phone layout ------------------------------------------------

# Relative luminance (WCAG) of a dark and of a light colour.
DARK_LUMINANCE, LIGHT_LUMINANCE = 0.1, 0.5
LUMINANCE_JS = """
selector => {
  const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const color = getComputedStyle(document.querySelector(selector));
  const lum = value => {
    const [r, g, b] = value.match(/[\\d.]+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  return {background: lum(color.backgroundColor), text: lum(color.color)};
}
"""


@pytest.mark.parametrize("scheme", BROWSER["color_schemes"])
def test_the_site_follows_the_readers_colour_scheme(served_site, new_page, scheme):
    page = new_page(color_scheme=scheme)
    open_page(page, served_site, "index.html")
    colours = page.evaluate(LUMINANCE_JS, "body")
    dark, light = (
        (colours["background"], colours["text"])
        if scheme == "dark"
        else (colours["text"], colours["background"])
    )
    assert dark < DARK_LUMINANCE and light > LIGHT_LUMINANCE, colours


def test_on_a_phone_pages_fit_the_screen_and_the_menu_opens(served_site, new_page, reader_pages):
    page = new_page(viewport=PHONE, has_touch=True, is_mobile=True)
    too_wide = []
    for name in reader_pages:
        open_page(page, served_site, f"{name}.html")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            too_wide.append(f"{name} ({overflow}px too wide)")
    assert not too_wide, f"pages wider than a phone screen: {too_wide}"

    open_page(page, served_site, "index.html")
    navigation = page.locator(".sidebar-drawer")
    assert not navigation.is_visible() or navigation.bounding_box()["x"] < 0
    assert page.locator(".mobile-header").is_visible()
    page.locator(".mobile-header .nav-overlay-icon").tap()
    page.wait_for_function(
        "() => document.querySelector('.sidebar-drawer').getBoundingClientRect().left >= 0"
    )
    assert page.locator(".sidebar-drawer .kb-sidebar-epub a").is_visible()


# -- Print -----------------------------------------------------------------------


PRINTED_FEATURES = {
    "tab sets": ".sd-tab-set",
    "links to other sites": 'a[href^="http"]:not(.kb-page-footer a)',
}


@pytest.mark.parametrize("feature", PRINTED_FEATURES)
def test_a_printed_page_is_a_clean_handout(served_site, new_page, site, reader_pages, feature):
    pages = pages_with(site, reader_pages, PRINTED_FEATURES[feature])
    assert pages, f"no reader page has {feature}: the print test would check nothing"
    name = pages[0]
    page = new_page()
    open_page(page, served_site, f"{name}.html")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = squash(" ".join(sheet.extract_text() for sheet in pdf.pages))

    article = site.html(name).select_one("article[role=main]")
    for hidden_in_print in article.select(".headerlink"):
        hidden_in_print.decompose()
    must_keep = {
        "the title": article.select_one("h1").get_text(" "),
        "the disclaimer": article.select_one(".kb-disclaimer").get_text(" "),
        "the review dates": article.select_one(".kb-review-dates").get_text(" "),
    }
    for link in article.select(PRINTED_FEATURES["links to other sites"]):
        # Only links whose text is not their address show what print adds.
        if squash(link["href"]) not in squash(link.get_text()):
            must_keep[f"the address of the link to {link['href']}"] = link["href"]
    if feature == "links to other sites":
        assert any(what.startswith("the address") for what in must_keep), (
            f"every outside link on {name} shows its address as its text: nothing to check"
        )
    for number, panel in enumerate(article.select(".sd-tab-content"), 1):
        must_keep[f"tab panel {number}"] = " ".join(panel.get_text(" ").split()[:8])
    missing = [what for what, text in must_keep.items() if squash(text) not in printed]
    assert not missing, f"the printed {name} lacks {missing}"
    chrome = [words for words in BROWSER["not_printed"] if squash(words) in printed]
    assert not chrome, f"the printed {name} shows navigation: {chrome}"

    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => [...document.querySelectorAll(
             '.sidebar-drawer, .toc-drawer, .mobile-header, .back-to-top, .related-pages,'
             + ' .theme-toggle-container')]
           .filter(element => element.getClientRects().length > 0)
           .map(element => element.className)"""
    )
    assert not shown, f"shown in print: {shown}"


# -- ePub download -------------------------------------------------------------


def _downloaded(page, link) -> bytes:
    with page.expect_download() as download_info:
        link.click()
    return open(download_info.value.path(), "rb").read()


def test_every_page_offers_the_epub_of_the_same_build(served_site, new_page, site, reader_pages):
    built = site.epub_file.read_bytes()
    page = new_page()
    missing = []
    for name in reader_pages:
        open_page(page, served_site, f"{name}.html")
        if not page.locator(".sidebar-drawer a[download]").count():
            missing.append(name)
    assert not missing, f"pages without the ePub link in the sidebar: {missing}"

    deep_page = max(reader_pages, key=lambda name: name.count("/"))
    open_page(page, served_site, f"{deep_page}.html")
    from_sidebar = _downloaded(page, page.locator(".sidebar-drawer a[download]"))
    open_page(page, served_site, "index.html")
    from_landing_page = _downloaded(page, page.locator("article a[download]"))

    for book in (from_sidebar, from_landing_page):
        assert hashlib.sha256(book).digest() == hashlib.sha256(built).digest(), (
            "the downloaded ePub is not the one of this build"
        )
        with zipfile.ZipFile(io.BytesIO(book)) as epub:
            assert epub.namelist()[0] == "mimetype"
            assert epub.read("mimetype") == b"application/epub+zip"
            assert epub.testzip() is None


# -- Screenshots -----------------------------------------------------------------


# Every kind of page a reader sees, and the parts that change most from one
# screen to another: what a change to the design must be looked at on.
SCREENSHOT_VIEWS = {
    "landing",
    "topic",
    "tabs",
    "safety",
    "search-results",
    "genindex",
    "not-found",
    "glossary-preview",
    # The Spanish edition.
    "es-landing",
    "es-tabs",
    "es-safety",
    "es-search-results",
}


def test_make_screenshots_saves_each_view_at_each_size_in_each_scheme(
    served_site, browser, site, tmp_path
):
    from amitriptyline_kb.tools.screenshots import take_screenshots

    saved = take_screenshots(browser, served_site, site.html_dir, tmp_path)
    expected = {
        f"{view}-{size}-{scheme}.png"
        for view in SCREENSHOT_VIEWS
        for size in BROWSER["viewports"]
        for scheme in BROWSER["color_schemes"]
    }
    assert len(saved) == len(expected) == 48
    assert {path.name for path in saved} == expected
    for path in saved:
        size = next(name for name in BROWSER["viewports"] if f"-{name}-" in path.name)
        width = int.from_bytes(path.read_bytes()[16:20], "big")  # PNG header: IHDR width
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert width == BROWSER["viewports"][size]["width"], path.name
