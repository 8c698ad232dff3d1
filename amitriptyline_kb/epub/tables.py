"""Write tables with row headers as one short section per row in the ePub.

On an e-reader or a phone the page is about 360 px wide. The comparison
table has three columns of sentences; e-readers shrink it or split it one
row per page (calibre at a small page size spread it over 5 pages). A reader
cannot compare what they cannot see together. In the ePub, as the tabs
already are (amitriptyline_kb/epub/tabs.py), a table whose first column names its rows
is written out instead, row by row: the row's name as a heading-like line,
then each column's header with that row's cell. The website keeps the real
table, whose header cells a screen reader announces.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from amitriptyline_kb.shared import add_static_files

STATIC_DIR = Path(__file__).with_name("static")


def _cells(row: nodes.Node) -> list[nodes.entry]:
    return list(row.findall(nodes.entry))


class LinearTables(SphinxPostTransform):
    """Replace each table that has row headers with its rows, one after another."""

    builders = ("epub",)
    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            group = next(table.findall(nodes.tgroup), None)
            head = next(table.findall(nodes.thead), None)
            body = next(table.findall(nodes.tbody), None)
            has_row_headers = group is not None and any(
                col.get("stub") for col in group.findall(nodes.colspec)
            )
            if not has_row_headers or head is None or body is None:
                continue
            headers = [" ".join(cell.astext().split()) for cell in _cells(head.children[0])]
            linear = nodes.container(classes=["kb-table-linear"], ids=table["ids"])
            title = next(iter(table.findall(nodes.title)), None)
            if title is not None:
                linear += nodes.paragraph(
                    "", "", nodes.strong("", "", *title.children), classes=["kb-table-caption"]
                )
            for row in body.findall(nodes.row):
                first, *rest = _cells(row)
                linear += nodes.rubric("", "", *_inline(first), classes=["kb-table-row-heading"])
                pairs = nodes.definition_list(classes=["kb-table-row"])
                for header, cell in zip(headers[1:], rest):
                    pairs += nodes.definition_list_item(
                        "", nodes.term("", header), nodes.definition("", *cell.children)
                    )
                linear += pairs
            table.replace_self(linear)


def _inline(cell: nodes.entry) -> list[nodes.Node]:
    """The words of a row-header cell, without its paragraph."""
    paragraph = next(iter(cell.findall(nodes.paragraph)), None)
    return list(paragraph.children) if paragraph is not None else [nodes.Text(cell.astext())]


def setup(app: Sphinx) -> dict[str, Any]:
    add_static_files(app, STATIC_DIR, "kb-epub.css", builders=("epub",))
    app.add_post_transform(LinearTables)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
