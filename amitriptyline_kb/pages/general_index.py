"""Make the index A to Z (genindex) one a reader can use.

Sphinx's index is made for programmers. A word on more than one page shows
its first page as the word and the others as bare "[1]", "[2]"; a word that
starts with a digit ("999") goes under "Symbols"; and nothing says which page
a link leads to. So, as the index page is written (website and ePub), its
entries are rewritten for ``source/_templates/genindex.html``:

- every link carries the title of the page it leads to, so each entry says
  what it points to ("drowsiness: What should I expect…; Side effects");
- an entry or sub-entry with no letter in it (a bare phone number, which
  search still finds) is left out, and an entry that starts with a digit
  goes under the letter of its first word, so there is no "Symbols" section;
- sub-entries keep their place under their entry, each with its pages.

The entries themselves still come from the pages' ``{index}`` directives,
their ``keywords:`` and the glossary; nothing is added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sphinx.application import Sphinx

INDEX_PAGE = "genindex"
LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Link:
    """One page an entry is on: its title, its address, and whether it is the main one."""

    title: str
    uri: str
    main: bool


@dataclass
class Entry:
    name: str
    links: list[Link]
    subentries: list[Entry] = field(default_factory=list)


def _docname(uri: str, suffix: str) -> str:
    return urlsplit(uri).path.removesuffix(suffix)


def _links(app: Sphinx, links: list[tuple[str, str]]) -> list[Link]:
    suffix = app.builder.out_suffix  # type: ignore[attr-defined]
    titles = app.env.titles
    found = []
    for main, uri in links:
        title = titles.get(_docname(uri, suffix))
        found.append(Link(title.astext() if title else uri, uri, bool(main)))
    return found


def _letter(name: str) -> str | None:
    """The letter an entry is filed under, or None for an entry with no word."""
    first = LETTER.search(name)
    return first[0].upper() if first else None


def reader_index(
    app: Sphinx, entries: list[tuple[str, list[Any]]]
) -> list[tuple[str, list[Entry]]]:
    """Sphinx's index entries, by letter, with every link titled."""
    letters: dict[str, list[Entry]] = {}
    for _, group in entries:
        for name, (links, subitems, _) in group:
            letter = _letter(name)
            if letter is None:
                continue
            subentries = [
                Entry(sub, _links(app, sublinks))
                for sub, sublinks in subitems
                if _letter(sub) is not None
            ]
            letters.setdefault(letter, []).append(Entry(name, _links(app, links), subentries))
    return [
        (letter, sorted(found, key=lambda entry: entry.name.lower()))
        for letter, found in sorted(letters.items())
    ]


def rewrite_index(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename == INDEX_PAGE and "genindexentries" in context:
        context["kb_index"] = reader_index(app, context["genindexentries"])


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", rewrite_index)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
