"""Reading the built site: pages as BeautifulSoup trees and their reader text."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.util.console import strip_escape_sequences

from amitriptyline_kb.tools.site import ROOT, SOURCE, reader_docnames

__all__ = ["ROOT", "SOURCE", "reader_docnames"]

DATA = Path(__file__).resolve().parent / "data"
# What the browser tests visit besides every reader page, and in which modes.
BROWSER = yaml.safe_load((DATA / "browser.yaml").read_text(encoding="utf-8"))
# Injected on every page (disclaimer, review dates) or Sphinx chrome: not the
# page's own text.
NOT_MAIN_TEXT = [".kb-page-footer", "a.headerlink", ".sd-tab-set > input"]


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


def require(available: bool, reason: str) -> None:
    """Skip a test whose tool is missing, except in CI, where it must run."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: this check may not be skipped)")
    pytest.skip(reason)


def warnings_of(app) -> list[str]:
    """A test project's build warnings, with paths relative to its folder."""
    text = strip_escape_sequences(app.warning.getvalue())
    return text.replace(f"{app.srcdir}/", "").splitlines()


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
