"""What more than one test module needs: the test data, the built pages read
as BeautifulSoup trees, tiny projects built, and the browser steps the
browser tests share.

Where the repository already has a reader (the configuration, the reader
pages, their front matter, the local server), it is
``amitriptyline_kb.tools.site``'s, not one of the tests' own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.util.console import strip_escape_sequences

from amitriptyline_kb.tools.chromium import CHROMIUM, open_page
from amitriptyline_kb.tools.site import ROOT, SOURCE, configuration, reader_docnames

__all__ = ["ROOT", "SOURCE", "reader_docnames"]

DATA = Path(__file__).resolve().parent / "data"
# Injected on every page (disclaimer, review dates) or Sphinx chrome: not the
# page's own text.
NOT_MAIN_TEXT = [".kb-page-footer", "a.headerlink", ".sd-tab-set > input"]
EPUB_NAME = f"{configuration()['epub_basename']}.epub"
# The discovery metadata EPUB Accessibility 1.1 asks every book for; Ace by
# DAISY reports any that is missing.
EPUB_ACCESSIBILITY_METADATA = [
    "schema:accessMode",
    "schema:accessModeSufficient",
    "schema:accessibilityFeature",
    "schema:accessibilityHazard",
    "schema:accessibilitySummary",
    "dcterms:conformsTo",
]
SEARCH_RESULT_LINKS = "#search-results ul.search > li > a"
# Tab presses before a test gives up looking for an element on a page.
MAX_TAB_PRESSES = 400


def data(name: str) -> Any:
    """A file of expectations in ``tests/data/``."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def source_data(name: str) -> Any:
    """A data file of the site's own, in ``source/_data/``."""
    return yaml.safe_load((SOURCE / "_data" / name).read_text(encoding="utf-8"))


# The Spanish edition's book (source/_data/es/edition.yaml).
EPUB_NAME_ES = f"{source_data('es/edition.yaml')['epub_basename']}.epub"


# What the browser tests visit besides every reader page, and in which modes.
BROWSER = data("browser.yaml")
# The docname of the glossary page, and a link to one of its terms that
# shows the term's meaning in place.
GLOSSARY = data("glossary.yaml")["page"]
GLOSSARY_LINK = "a.kb-term"
# The emergency numbers of readers in the UK, Ireland and the EU, and the US:
# wherever the site tells readers to call for help, it must give each of them.
EMERGENCY_NUMBERS = {"tel:999", "tel:112", "tel:911"}


def require(available: bool, reason: str) -> None:
    """Skip a test whose tool is missing, except in CI, where it must run."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: this check may not be skipped)")
    pytest.skip(reason)


def require_chromium() -> None:
    require(CHROMIUM.exists(), f"{CHROMIUM} is missing (apt: chromium chromium-driver)")


def squash(text: str) -> str:
    """Text without whitespace, for comparing text laid out differently."""
    return "".join(text.split())


# -- The real site, built as the Makefile builds it --------------------------


def make(*targets: str, builddir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", *targets, f"BUILDDIR={builddir}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        # The callers report a failed build with its output, not as an exception.
        check=False,
    )


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def main_element(soup: BeautifulSoup):
    """The page's own content: furo's <article role="main"> or the ePub <body>."""
    return soup.select_one("article[role=main]") or soup.body


def main_text(soup: BeautifulSoup) -> str:
    """The words of the page's own content, without the injected footer."""
    main = BeautifulSoup(str(main_element(soup)), "html.parser")
    for selector in NOT_MAIN_TEXT:
        for element in main.select(selector):
            element.decompose()
    return " ".join(main.get_text(" ").split())


def pages_with(site, docnames: list[str], selector: str) -> list[str]:
    """The pages whose own content has an element matching ``selector``."""
    return [name for name in docnames if main_element(site.html(name)).select(selector)]


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary entry: its names (primary first), their anchor ids, and
    its definition as the glossary shows it, without its citations."""

    names: tuple[str, ...]
    ids: tuple[str, ...]
    definition: str

    @property
    def primary(self) -> str:
        return self.names[0]


def glossary_entries(soup: BeautifulSoup) -> list[GlossaryEntry]:
    """The entries of a glossary page, in page order.

    Sphinx writes each entry as one or more <dt> (the term and its aliases)
    followed by one <dd> (the shared definition).
    """
    entries: list[GlossaryEntry] = []
    for glossary in soup.select("dl.glossary"):
        names: list[str] = []
        ids: list[str] = []
        for child in glossary.find_all(["dt", "dd"], recursive=False):
            if child.name == "dt":
                for anchor in child.select("a.headerlink"):
                    anchor.decompose()
                names.append(" ".join(child.get_text(" ").split()))
                ids.append(child["id"])
            else:
                for citation in child.select(".bibtex-citation"):
                    citation.decompose()
                definition = " ".join(child.get_text(" ").split())
                entries.append(GlossaryEntry(tuple(names), tuple(ids), definition))
                names, ids = [], []
    return entries


def glossary_definitions(soup: BeautifulSoup) -> dict[str, str]:
    """Each glossary term's anchor id, and its entry's definition."""
    return {anchor: entry.definition for entry in glossary_entries(soup) for anchor in entry.ids}


def read_search_index(html_dir: Path) -> dict:
    text = (html_dir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))


def sitemap_addresses(xml: str | bytes) -> set[str]:
    """Every address a sitemap.xml lists."""
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {loc.text for loc in ElementTree.fromstring(xml).findall("sm:url/sm:loc", namespace)}


# -- Tiny projects under roots/ ------------------------------------------------


def warnings_of(app, tag: str | None = None) -> list[str]:
    """A test project's build warnings, with paths relative to its folder;
    with ``tag`` (``"kb.output"``), only those of that check."""
    text = strip_escape_sequences(app.warning.getvalue())
    lines = text.replace(f"{app.srcdir}/", "").splitlines()
    return [line for line in lines if tag is None or line.endswith(f"[{tag}]")]


def copy_root(rootdir: Path, case: str, into: Path) -> Path:
    """A copy of the tiny project ``roots/test-<case>/`` to build or to change."""
    srcdir = into / case
    shutil.copytree(rootdir / f"test-{case}", srcdir)
    return srcdir


def build_root(case: str, make_app, rootdir: Path, into: Path, builder: str = "html", **overrides):
    """Build a copy of ``roots/test-<case>/``; the app holds its warnings."""
    app = make_app(builder, srcdir=copy_root(rootdir, case, into), confoverrides=overrides)
    app.build()
    return app


# -- In the browser ------------------------------------------------------------


def search(page, base_url: str, query: str) -> list[str]:
    """Search the site for ``query`` as its address does; the pages listed."""
    open_page(page, base_url, "search.html?" + urlencode({"q": query}))
    return search_results(page)


def search_results(page) -> list[str]:
    """The docnames the search page lists now, best first."""
    hrefs = page.locator(SEARCH_RESULT_LINKS).evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return [href.split("#")[0].removesuffix(".html") for href in hrefs]


def press_tab_until(
    page, reached: Callable[[], bool], each: Callable[[], Any] | None = None
) -> list[Any]:
    """Press Tab until ``reached()``; what ``each()`` says at every stop."""
    stops = []
    for _ in range(MAX_TAB_PRESSES):
        page.keyboard.press("Tab")
        if each is not None:
            stops.append(each())
        if reached():
            return stops
    pytest.fail(f"{MAX_TAB_PRESSES} presses of Tab never reached the element on {page.url}")


def axe_violations(page) -> list[str]:
    """What axe-core finds on the page as it is now, one line a rule."""
    # Loaded here, so that tests without a browser do not load Playwright.
    from axe_playwright_python.sync_playwright import Axe

    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in Axe().run(page).response["violations"]
    ]
