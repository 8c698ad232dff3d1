"""A "Key facts" box at the top of every topic page.

Most readers arrive from a search engine with one question, often tired or in
pain, and read the top of one page. The best medicines pages open with a few
key points, so a reader who reads nothing else still leaves with the answer.
A contributor writes only the facts, right under the page's title::

    :::{key-facts}
    - Amitriptyline does not repair nerves {cite:p}`hse-about`.
    - ...
    :::

and the directive adds the title, "Key facts" (``key facts: title`` in
``source/_data/page-text.yaml``, where clinical reviewers see it). The box is
a ``<section>`` named by its title, so screen readers list it as a region; it
is a bordered box on screen, in print and in the ePub.

Each fact restates what the page already says, with the same source, so the
box is checked as strictly as the page: it holds one list of 3 to 5 facts
(fewer is not a summary, more is not quick to read), and every fact cites a
source. Each topic page has one box, and only one; pages that make no
medical statement of their own are named in ``kb_pages_without_key_facts``.
A broken box is a warning, but its facts are still shown, as written.

Wherever the box is written, the page shows it right under its title (after
"Get help now", which ``urgent_help`` puts there), as the page is read, so
the website and the ePub show it in the same place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from amitriptyline_kb.pages.reader_text import reader_text, setup_reader_text
from amitriptyline_kb.shared import add_static_files, node_line
from amitriptyline_kb.warnings import KbWarning, warn

STATIC_DIR = Path(__file__).with_name("static")

MIN_FACTS = 3
MAX_FACTS = 5
FENCE = ":::{key-facts}"
# Before "Get help now" is put under the title (priority 500, the default),
# so that the link goes in above the box and the box sits right under it.
BEFORE_GET_HELP = 400


# Lower case, as docutils names its nodes.
class key_facts(nodes.General, nodes.Element):
    """The box: its title and the contributor's list of facts."""


def _cites(node: nodes.Node) -> bool:
    return any(n.get("refdomain") == "cite" for n in node.findall(addnodes.pending_xref))


class KeyFacts(SphinxDirective):
    """``:::{key-facts}`` followed by a list of 3 to 5 facts, each with its source."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        box = key_facts(classes=["kb-key-facts"])
        self.set_source_info(box)
        # One box a page, so the first has a plain id; a second one (a
        # mistake, reported) still gets an id of its own.
        serial = self.env.new_serialno("key-facts")
        box_id = "key-facts" if serial == 0 else f"key-facts-{serial}"
        box["ids"].append(box_id)
        title = nodes.paragraph(
            "",
            "",
            nodes.strong("", reader_text(self.config, "key facts", "title")),
            classes=["kb-key-facts-title"],
            ids=[f"{box_id}-title"],
        )
        box["labelledby"] = title["ids"][0]
        box += title
        facts = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, facts)
        parts = [child for child in facts.children if not isinstance(child, nodes.comment)]
        box.extend(facts.children)
        if len(parts) != 1 or not isinstance(parts[0], nodes.bullet_list):
            warn(
                KbWarning.KEY_FACTS,
                "the key facts must be one list and nothing else; write each fact on a "
                "line of its own starting with '- ', between '%s' and ':::'",
                FENCE,
                location=self.get_location(),
            )
            return [box]
        items = [item for item in parts[0].children if isinstance(item, nodes.list_item)]
        if not MIN_FACTS <= len(items) <= MAX_FACTS:
            warn(
                KbWarning.KEY_FACTS,
                "this key-facts box has %s; give %d to %d, the page's most important "
                "points, one '- ' line each",
                f"{len(items)} fact" if len(items) == 1 else f"{len(items)} facts",
                MIN_FACTS,
                MAX_FACTS,
                location=self.get_location(),
            )
        for item in items:
            if not _cites(item):
                warn(
                    KbWarning.KEY_FACTS,
                    "the key fact '%s' cites no source; add {cite:p}`key` after it, with "
                    "the key the page cites for the same statement",
                    " ".join(item.astext().split()),
                    location=(self.env.docname, node_line(item)),
                )
        return [box]


def place_box(app: Sphinx, doctree: nodes.document) -> None:
    """Put the page's box right under its title; report a page with none or two."""
    docname = app.env.current_document.docname
    boxes = list(doctree.findall(key_facts))
    section = next(iter(doctree.findall(nodes.section)), None)
    if not boxes:
        if docname not in app.config.kb_pages_without_key_facts:
            title = section.next_node(nodes.title) if section is not None else None
            warn(
                KbWarning.KEY_FACTS,
                "this topic page has no key-facts box; right under the title, write '%s', "
                "then %d to %d of the page's main facts, one '- ' line each with its "
                "{cite:p} source, then ':::' (a page that makes no medical statement is "
                "listed in kb_pages_without_key_facts in conf.py instead)",
                FENCE,
                MIN_FACTS,
                MAX_FACTS,
                location=(docname, node_line(title) or 1),
            )
        return
    first, *others = boxes
    for other in others:
        warn(
            KbWarning.KEY_FACTS,
            "this page already has a key-facts box, on line %s, and a page has only one; "
            "move these facts into it, keeping 3 to 5",
            first.line,
            location=(docname, other.line),
        )
    if section is not None:
        first.parent.remove(first)
        section.insert(1, first)


def visit_key_facts(self: HTML5Translator, node: key_facts) -> None:
    # A <section> named by its title is a region landmark for screen readers.
    self.body.append(self.starttag(node, "section", **{"aria-labelledby": node["labelledby"]}))


def depart_key_facts(self: HTML5Translator, node: key_facts) -> None:
    self.body.append("</section>\n")


def setup(app: Sphinx) -> dict[str, Any]:
    add_static_files(app, STATIC_DIR, "kb-pages.css")
    app.add_config_value("kb_pages_without_key_facts", [], "env", types=frozenset({list}))
    setup_reader_text(app)
    app.add_node(key_facts, html=(visit_key_facts, depart_key_facts))
    app.add_directive("key-facts", KeyFacts)
    app.connect("doctree-read", place_box, priority=BEFORE_GET_HELP)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
