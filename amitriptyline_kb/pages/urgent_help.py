"""Urgent-help callouts in three tiers, and a "Get help now" link on every page.

Public health services sort "when to get help" into tiers, each with its own
action: speak to a doctor or pharmacist soon; get help now from a doctor or a
non-emergency line; or call an ambulance. A reader who is frightened, in pain
or looking after someone at night must see at once which tier a list belongs
to and whom to call, so a contributor writes only the tier and the list::

    :::{urgent-help} emergency
    - you have taken more than your dose
    :::

and the directive adds the rest from ``kb_urgent_help`` (normally
``source/_data/urgent-help.yaml``, where clinical reviewers see it): the tier
said in words (never by colour alone), what to do, and the numbers, each a
``tel:`` link that a phone can call. The callout is a ``<section>`` named by
its title, so screen readers list it as a region; it prints as a bordered
box and appears in the ePub as one too.

Every page also gets a "Get help now" link, below its title, to the page that
gathers the emergency guidance (``kb_urgent_help_page``). It is added to the
doctree as the page is read, so the ePub has it as well.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from amitriptyline_kb.pages.reader_text import (
    data_file_option,
    load_data_file,
    read_once,
    reader_text,
    setup_reader_text,
)
from amitriptyline_kb.shared import add_static_files, on_every_page, page_link
from amitriptyline_kb.warnings import KbWarning, warn

STATIC_DIR = Path(__file__).with_name("static")


TIERS = ("pharmacist", "urgent", "emergency")
FIELDS = ("title", "action")
EXAMPLE = ":::{urgent-help} emergency"


# Lower case, as docutils names its nodes.
class urgent_help(nodes.General, nodes.Element):
    """A callout of one tier: its title, the contributor's list, and what to do."""


def read_tiers(path: Path) -> dict[str, dict[str, str]]:
    """Each tier's title and action text (MyST), from the data file at ``path``.

    A missing tier or field is a warning naming the file; the callout then
    shows what there is, so no list is ever dropped.
    """
    data, text = load_data_file(
        path, KbWarning.URGENT_HELP, "the urgent-help tiers", "kb_urgent_help"
    )
    if text is None:
        return {}
    lines = text.splitlines()
    tiers = {}
    for tier in TIERS:
        fields = data.get(tier) if isinstance(data, dict) else None
        fields = fields if isinstance(fields, dict) else {}
        tiers[tier] = {f: fields[f] for f in FIELDS if isinstance(fields.get(f), str)}
        missing = [f for f in FIELDS if f not in tiers[tier]]
        if missing:
            line = next((n for n, t in enumerate(lines, 1) if t.startswith(f"{tier}:")), 1)
            warn(
                KbWarning.URGENT_HELP,
                "tier '%s' needs %s; each tier has a 'title:' and an 'action:'",
                tier,
                " and ".join(f"'{f}:'" for f in missing),
                location=f"{path}:{line}",
            )
    return tiers


class UrgentHelp(SphinxDirective):
    """``:::{urgent-help} <tier>`` followed by a list of when to act."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        tier = self.arguments[0].strip().lower()
        callout = urgent_help(classes=["kb-urgent", f"kb-urgent-{tier}"])
        self.set_source_info(callout)
        callout_id = f"urgent-help-{self.env.new_serialno('urgent-help')}"
        callout["ids"].append(callout_id)
        if tier not in TIERS:
            warn(
                KbWarning.URGENT_HELP,
                "unknown urgent-help tier '%s'; write one of %s, for example '%s'",
                tier,
                ", ".join(f"'{t}'" for t in TIERS),
                EXAMPLE,
                location=self.get_location(),
            )
        if not self.content:
            warn(
                KbWarning.URGENT_HELP,
                "this urgent-help callout has no list; say when to act, one '- ' line "
                "each, between '%s' and ':::'",
                EXAMPLE,
                location=self.get_location(),
            )
        # A dependency of every page with a callout: a change rebuilds them.
        self.env.note_dependency(self.config.kb_urgent_help)
        text = read_once(Path(self.config.kb_urgent_help), read_tiers).get(tier, {})
        if text.get("title"):
            title = nodes.paragraph(
                "",
                "",
                nodes.strong("", text["title"]),
                classes=["kb-urgent-title"],
                ids=[f"{callout_id}-title"],
            )
            callout["labelledby"] = title["ids"][0]
            callout += title
        self.state.nested_parse(self.content, self.content_offset, callout)
        if text.get("action"):
            action = nodes.container(classes=["kb-urgent-action"])
            lines = StringList(text["action"].splitlines(), source=self.config.kb_urgent_help)
            self.state.nested_parse(lines, 0, action)
            # Translated in the edition's copy of the data file, not in each
            # page's catalogue: one translation for every callout of a tier.
            for node in action.findall(nodes.TextElement):
                node["translatable"] = False
            callout += action
        return [callout]


def visit_urgent_help(self: HTML5Translator, node: urgent_help) -> None:
    # A <section> named by its title is a region landmark for screen readers.
    # (Only a callout whose tier is unknown has no title, and it fails the build.)
    name: dict[str, Any] = (
        {"aria-labelledby": node["labelledby"]}
        if node.get("labelledby")
        else {"aria-label": "Get help"}
    )
    self.body.append(self.starttag(node, "section", **name))


def depart_urgent_help(self: HTML5Translator, node: urgent_help) -> None:
    self.body.append("</section>\n")


def add_get_help_link(app: Sphinx, doctree: nodes.document) -> None:
    """Put the "Get help now" link under the title of every page but its target."""
    target = app.config.kb_urgent_help_page
    docname = app.env.current_document.docname
    if not target or docname == target:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    link = page_link(docname, target, reader_text(app.config, "get help", "link"))
    note = nodes.paragraph(
        "",
        "",
        nodes.strong("", "", link),
        nodes.Text(reader_text(app.config, "get help", "after")),
        classes=on_every_page("kb-get-help"),
    )
    section.insert(1, note)


def setup(app: Sphinx) -> dict[str, Any]:
    add_static_files(app, STATIC_DIR, "kb-pages.css")
    data_file_option(app, "kb_urgent_help", "source/_data/urgent-help.yaml")
    app.add_config_value("kb_urgent_help_page", "", "env", types=frozenset({str}))
    setup_reader_text(app)
    app.add_node(urgent_help, html=(visit_urgent_help, depart_urgent_help))
    app.add_directive("urgent-help", UrgentHelp)
    app.connect("doctree-read", add_get_help_link)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
