"""Refuse raw HTML in pages, and above all HTML that would run code.

Pages are Markdown, and MyST passes any HTML written in them straight into
the website and the ePub. Raw HTML bypasses the theme, the ePub's XHTML rules
and the accessibility checks; a ``<script>`` element or an inline event
handler (``onclick=...``) would run code in every reader's browser, on a site
that promises readers nothing is run or sent behind their back. A pull
request could slip either in unnoticed, so each is a warning naming the file
and line, and code gets a sharper message than plain markup. HTML comments
count too, since they are published in the page: notes for contributors go
on a line starting with ``%``, which MyST leaves out of the output.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx

from amitriptyline_kb.shared import node_line
from amitriptyline_kb.warnings import KbWarning, warn

SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.IGNORECASE)
COMMENT_ONLY = re.compile(r"\s*(<!--.*?-->\s*)+", re.DOTALL)
SHOWN = 40


def _problem(html: str) -> tuple[str, KbWarning]:
    """The message and kind of warning for one piece of raw HTML, worst problem first."""
    if SCRIPT.search(html):
        return (
            "a <script> element would run code in every reader's browser and is not "
            "allowed in a page; remove it",
            KbWarning.SCRIPT,
        )
    handler = EVENT_HANDLER.search(html)
    if handler:
        return (
            f"the HTML attribute '{handler[1]}' would run code in every reader's browser "
            "and is not allowed in a page; remove it",
            KbWarning.SCRIPT,
        )
    if COMMENT_ONLY.fullmatch(html):
        return (
            "an HTML comment is published in the page; write a note for contributors "
            "on a line starting with '%' instead",
            KbWarning.RAW_HTML,
        )
    shown = " ".join(html.split())
    shown = shown if len(shown) <= SHOWN else shown[: SHOWN - 1] + "…"
    return (
        f"raw HTML is not allowed in a page ('{shown}'); write it in Markdown, or use a "
        "directive such as :::{note} or ::::{tab-set}",
        KbWarning.RAW_HTML,
    )


def check_raw_html(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname
    # MyST splits inline HTML into one node per tag; one message per line.
    by_line: dict[int | None, str] = {}
    for raw in doctree.findall(nodes.raw):
        if "html" in raw.get("format", "").split():
            line = node_line(raw)
            by_line[line] = by_line.get(line, "") + raw.astext()
    for line, html in by_line.items():
        message, kind = _problem(html)
        warn(kind, message, location=(docname, line))


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", check_raw_html)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
