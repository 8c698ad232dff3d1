"""Catch two glossary mistakes: a term defined twice, and a term no page links to.

The glossary explains the hard words that reader pages link with ``{term}``.

* A term defined twice leaves readers with two meanings and links that land
  on either. Sphinx warns about it, but for a glossary written in MyST it
  counts the line from the start of the glossary block, so the line it names
  is wrong; this extension names the term's own line and the first
  definition's, and ``amitriptyline_kb.guards.contributor_hints`` drops Sphinx's message.
* A term that no page links to, from anywhere but its own glossary page, is
  an entry no reader is sent to: either a page forgot to link the word, or
  the entry is left over from text that was removed.

Entries and links are noted while each page is read; the two checks run once
every page has been read, since either mistake can span pages.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from amitriptyline_kb.shared import is_translation, keep_per_page, per_page
from amitriptyline_kb.warnings import KbWarning, warn

# docname -> [(names of one entry, the line of each name)]
Entries = dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]]


GLOSSARY_FENCE = re.compile(r"\s*(:{3,}|`{3,})\{glossary\}")


def _glossary_blocks(lines: list[str]) -> list[defaultdict[str, list[int]]]:
    """For each glossary block in a page's source: each term's line numbers.

    Terms are the lines inside the block that are not indented and are not
    options such as ``:sorted:``; definitions are indented under them. The
    source is read because Sphinx's line numbers for a MyST glossary count
    from the start of the block.
    """
    blocks: list[defaultdict[str, list[int]]] = []
    closing = None
    for number, line in enumerate(lines, 1):
        if closing is None:
            fence = GLOSSARY_FENCE.match(line)
            if fence:
                mark = fence[1]
                closing = re.compile(rf"\s*{re.escape(mark[0])}{{{len(mark)},}}\s*$")
                blocks.append(defaultdict(list))
        elif closing.match(line):
            closing = None
        elif line.strip() and not line[0].isspace() and not line.startswith(":"):
            blocks[-1][line.strip().lower()].append(number)
    return blocks


def _entries_of(glossary: addnodes.glossary, term_lines: dict[str, list[int]]):
    """Each entry of one glossary: its names, and the line of each name."""
    entries = []
    for item in glossary.findall(nodes.definition_list_item):
        names = tuple(term.astext() for term in item.findall(nodes.term))
        numbers = []
        for name in names:
            # Two entries with one name share its lines: each takes the next.
            remaining = term_lines[name.lower()]
            numbers.append(remaining.pop(0) if remaining else 0)
        entries.append((names, tuple(numbers)))
    return entries


def note_entries_and_links(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.current_document.docname
    lines = Path(env.doc2path(docname)).read_text(encoding="utf-8").splitlines()
    entries = [
        entry
        for glossary, term_lines in zip(doctree.findall(addnodes.glossary), _glossary_blocks(lines))
        for entry in _entries_of(glossary, term_lines)
    ]
    per_page(env, "kb_glossary_entries")[docname] = entries
    per_page(env, "kb_term_links")[docname] = {
        node["reftarget"].lower()
        for node in doctree.findall(addnodes.pending_xref)
        if node.get("refdomain") == "std" and node.get("reftype") == "term"
    }


def check(app: Sphinx, env: BuildEnvironment) -> None:
    first_seen: dict[str, tuple[str, int]] = {}
    for docname in sorted(per_page(env, "kb_glossary_entries")):
        linked_elsewhere = set().union(
            *(links for doc, links in per_page(env, "kb_term_links").items() if doc != docname)
        )
        entries = sorted(per_page(env, "kb_glossary_entries")[docname], key=lambda entry: entry[1])
        for names, numbers in entries:
            for name, line in zip(names, numbers, strict=True):
                earlier = first_seen.get(name.lower())
                if earlier is None:
                    first_seen[name.lower()] = (docname, line)
                else:
                    where = os.path.relpath(env.doc2path(earlier[0]), app.confdir)
                    warn(
                        KbWarning.GLOSSARY_DUPLICATE,
                        "glossary term '%s' is already defined at %s:%d; keep one entry: "
                        "delete this one, or merge the two definitions into one",
                        name,
                        where,
                        earlier[1],
                        location=(docname, line),
                    )
            # A translated build shows the terms in its language, while the
            # links keep their English targets (Sphinx warns when one does
            # not): the English build's check covers the edition too.
            if is_translation(app.config):
                continue
            if not linked_elsewhere & {name.lower() for name in names}:
                warn(
                    KbWarning.GLOSSARY_UNUSED,
                    "glossary term '%s' is defined but no page links to it; link its first "
                    "mention on a page with {term}`%s`, or delete the entry",
                    names[0],
                    names[0],
                    location=(docname, numbers[0]),
                )


def setup(app: Sphinx) -> dict:
    keep_per_page(app, "kb_glossary_entries", "kb_term_links")
    app.connect("doctree-read", note_entries_and_links)
    app.connect("env-check-consistency", check)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
