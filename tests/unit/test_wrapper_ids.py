"""A table's id names one element: furo's wrapper around it keeps no copy.

Furo wraps every table in a ``<div class="table-wrapper">`` and copies the
table's attributes onto it, its id among them (amitriptyline_kb/pages/wrapper_ids.py).
The tiny project has two tables with captions (each has an id) and one
without; it is built with the extension and, to show that furo does make the
copy, without it.
"""

from __future__ import annotations

from collections import Counter

import pytest
from bs4 import BeautifulSoup


def _ids(outdir) -> Counter:
    soup = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return Counter(element["id"] for element in soup.select("[id]"))


def _table_ids(outdir) -> list[str]:
    soup = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [table.get("id") for table in soup.select("div.table-wrapper > table")]


@pytest.mark.sphinx("html", testroot="wrapper-ids", freshenv=True)
def test_each_table_keeps_its_id_and_its_wrapper_has_none(app):
    app.build()
    assert app.statuscode == 0
    captioned, _, uncaptioned = _table_ids(app.outdir)
    assert captioned and uncaptioned is None
    assert [name for name, count in _ids(app.outdir).items() if count > 1] == []
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select("div.table-wrapper[id]") == []
    # The caption's "¶" link still leads to its table.
    link = soup.select_one("div.table-wrapper > table > caption a.headerlink")
    assert link["href"] == f"#{captioned}"


@pytest.mark.sphinx(
    "html", testroot="wrapper-ids", freshenv=True, confoverrides={"extensions": ["myst_parser"]}
)
def test_without_it_furo_gives_the_wrapper_its_tables_id(app):
    app.build()
    duplicated = [name for name, count in _ids(app.outdir).items() if count > 1]
    assert len(duplicated) == 2, duplicated
