"""Session fixtures, and a marker for each test from the folder it is in.

The tests are in folders by what they need (docs/testing.md):

- ``unit/``: tiny projects under ``roots/``, each testing one extension;
- ``site/``: the real site, built once for the session as the Makefile builds it;
- ``browser/``: that site, or a tiny one, in Chromium;
- ``repo/``: the repository's own files, with no build.

Sphinx's SphinxTestApp cannot read a configuration at the repository root, so
the site is built by running `make` in a subprocess into a temporary folder:
exactly the command a contributor runs, with the same options.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from amitriptyline_kb.tools.chromium import DESKTOP, launch, record_requests
from amitriptyline_kb.tools.site import reader_docnames, serve
from helpers import (
    EPUB_NAME,
    EPUB_NAME_ES,
    GLOSSARY,
    GLOSSARY_LINK,
    make,
    pages_with,
    require,
    require_chromium,
    soup_of,
)

# Tiny projects under tests/roots/test-<case>/ are built with Sphinx's own
# test application; their conf.py files load our extensions from the
# installed package, amitriptyline_kb.
pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).resolve().parent
KINDS = {"unit", "site", "browser", "repo"}


# Before pytest's own hook, which deselects by marker (-m).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = Path(item.path).resolve().relative_to(TESTS).parts[0]
        if folder in KINDS:
            item.add_marker(folder)
        # Asked for directly, or through a fixture such as EPUBCheck's.
        if "java" in item.fixturenames:
            item.add_marker("java")


@dataclass(frozen=True)
class SiteBuild:
    """One build of the HTML site and the ePub."""

    returncode: int
    stdout: str
    stderr: str
    html_dir: Path
    epub_file: Path
    epub_dir: Path

    def html(self, docname: str) -> BeautifulSoup:
        return soup_of(self.html_dir / f"{docname}.html")

    @property
    def es_html_dir(self) -> Path:
        """The Spanish edition, a folder of the English site."""
        return self.html_dir / "es"

    @property
    def es_epub_file(self) -> Path:
        return self.html_dir.parent / "epub-es" / EPUB_NAME_ES

    def html_es(self, docname: str) -> BeautifulSoup:
        return soup_of(self.es_html_dir / f"{docname}.html")

    def epub(self, docname: str) -> BeautifulSoup:
        return soup_of(self.epub_dir / f"{docname}.xhtml")


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SiteBuild:
    """Build HTML and ePub from a clean folder, so every warning is seen."""
    builddir = tmp_path_factory.mktemp("build")
    result = make("html", "epub", builddir=builddir)
    epub_file = builddir / "epub" / EPUB_NAME
    epub_dir = builddir / "epub-unzipped"
    if epub_file.exists():
        with zipfile.ZipFile(epub_file) as book:
            book.extractall(epub_dir)
    return SiteBuild(
        returncode=result.returncode,
        stdout=result.stdout,
        stderr=result.stderr,
        html_dir=builddir / "html",
        epub_file=epub_file,
        epub_dir=epub_dir,
    )


@pytest.fixture(scope="session")
def site(site_build: SiteBuild) -> SiteBuild:
    """The build, for tests that need it to have succeeded."""
    if site_build.returncode != 0:
        pytest.fail(f"the site did not build (exit {site_build.returncode}):\n{site_build.stderr}")
    return site_build


@pytest.fixture(scope="session")
def java() -> None:
    """Java, for the Java programs a test runs (EPUBCheck). A test that needs
    it, directly or through another fixture, gets the java marker."""
    require(shutil.which("java") is not None, "Java is missing (apt: default-jre-headless)")


@pytest.fixture(scope="session")
def reader_pages() -> list[str]:
    return reader_docnames()


@pytest.fixture(scope="session")
def term_page(site: SiteBuild, reader_pages: list[str]) -> str:
    """The first reader page (not the glossary) with a glossary link."""
    pages = [name for name in pages_with(site, reader_pages, GLOSSARY_LINK) if name != GLOSSARY]
    if not pages:
        pytest.fail("no reader page links to the glossary: the previews are untested")
    return pages[0]


@pytest.fixture(scope="module")
def module_make_app():
    """Sphinx's make_app, for a tiny project built once per module (its own is per test)."""
    from sphinx.testing.util import SphinxTestApp

    apps = []

    def make(*args, **kwargs):
        app = SphinxTestApp(*args, **kwargs)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.cleanup()


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where Sphinx's test fixtures find the projects named by ``testroot``."""
    return TESTS / "roots"


# -- Browser -----------------------------------------------------------------


@pytest.fixture(scope="session")
def served_site(site: SiteBuild) -> Iterator[str]:
    """The built site on 127.0.0.1, as a base URL ending in '/'."""
    with serve(site.html_dir) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (no browser download)."""
    require_chromium()
    with launch() as chromium:
        yield chromium


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts; fail if any reached another host.

    ``new_page(viewport=PHONE, color_scheme="dark", java_script_enabled=False)``
    takes Playwright's ``browser.new_context`` options and returns a page whose
    ``page.requests`` lists every URL it (and its context) requested.
    """
    opened = []

    def open_page(**context_options):
        context_options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**context_options)
        log = record_requests(context)
        page = context.new_page()
        page.requests = log
        opened.append((context, log))
        return page

    yield open_page
    offsite = [url for context, log in opened for url in log.offsite]
    for context, _ in opened:
        context.close()
    if offsite:
        pytest.fail(f"pages requested other hosts than the site's own: {sorted(set(offsite))}")
