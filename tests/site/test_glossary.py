"""The glossary is complete and sorted, and the reader pages link its terms.

On every reader page except the glossary, the first mention of each glossary
term in body text, by any of its names (case-insensitive, whole words, plural
allowed), is a ``{term}`` link to that term's entry. (That every entry is
linked from some page is the build's own check, kb.glossary_unused:
amitriptyline_kb/guards/glossary_checks.py.)

Expectations (required terms, aliases, what is not body text) are in
``data/glossary.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Comment

from helpers import (
    GLOSSARY,
    NOT_MAIN_TEXT,
    GlossaryEntry,
    data,
    glossary_entries,
    main_element,
)

EXPECT = data("glossary.yaml")


@pytest.fixture(scope="module")
def entries(site) -> list[GlossaryEntry]:
    found = glossary_entries(site.html(GLOSSARY))
    assert found, f"no glossary entries found on {GLOSSARY}.html"
    return found


@pytest.fixture(scope="module")
def entry_by_id(entries) -> dict[str, GlossaryEntry]:
    return {anchor: entry for entry in entries for anchor in entry.ids}


def glossary_target(href: str, entry_by_id: dict[str, GlossaryEntry]) -> GlossaryEntry | None:
    """The entry a link points to, if it is a link into the glossary."""
    parts = urlsplit(href)
    if parts.path.rsplit("/", 1)[-1] != f"{GLOSSARY}.html":
        return None
    return entry_by_id.get(parts.fragment)


def body_segments(soup, entry_by_id) -> list[tuple[str, GlossaryEntry | None]]:
    """The page's body text as (text, glossary entry it links to, or None)."""
    main = BeautifulSoup(str(main_element(soup)), "html.parser")
    for selector in [*NOT_MAIN_TEXT, *EXPECT["not_body_text"]]:
        for element in main.select(selector):
            element.decompose()
    segments = []
    for text in main.find_all(string=True):
        if isinstance(text, Comment) or not text.strip():
            continue
        link = text.find_parent("a", href=True)
        target = glossary_target(link["href"], entry_by_id) if link else None
        segments.append((str(text), target))
    return segments


def name_pattern(entries: list[GlossaryEntry]) -> re.Pattern:
    """Any name of any term, longest first, as a whole word, plural allowed.

    Longest first, so "diabetic neuropathy" is one mention of that term and
    not also a mention of "neuropathy". The group ``name`` holds the name
    without its plural ending.
    """
    names = sorted({name for entry in entries for name in entry.names}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
    return re.compile(rf"(?<![\w-])(?P<name>{alternatives})(?:e?s)?(?![\w-])", re.IGNORECASE)


def mentions(segments, entries) -> list[tuple[GlossaryEntry, bool, str]]:
    """Every mention of a glossary term in page order: (entry, linked?, words).

    A link into the glossary is a linked mention of its entry, whatever its
    text. A name outside any glossary link is an unlinked mention of the entry
    it names. A name inside a link to another entry is part of that link only.
    """
    entry_of_name = {name.lower(): entry for entry in entries for name in entry.names}
    text, starts, found = "", [], []
    for segment, target in segments:
        if target is not None:
            found.append((len(text), target, True, segment.strip()))
        starts.append((len(text), target))
        text += segment + " "
    for match in name_pattern(entries).finditer(text):
        target = next(target for start, target in reversed(starts) if start <= match.start())
        if target is None:
            name = " ".join(match.group("name").split()).lower()
            found.append((match.start(), entry_of_name[name], False, match.group(0)))
    return [(entry, linked, words) for _, entry, linked, words in sorted(found, key=lambda f: f[0])]


def test_glossary_has_enough_terms(entries):
    assert len(entries) >= EXPECT["min_terms"], (
        f"the glossary explains {len(entries)} terms; at least {EXPECT['min_terms']} expected"
    )


def test_glossary_is_sorted(entries):
    primaries = [entry.primary for entry in entries]

    def key(name: str) -> str:
        return unicodedata.normalize("NFD", name.lower())

    assert primaries == sorted(primaries, key=key), (
        f"glossary entries out of A to Z order: {primaries}"
    )


def test_glossary_has_the_required_terms(entries):
    primaries = {entry.primary.lower() for entry in entries}
    missing = [term for term in EXPECT["required_terms"] if term.lower() not in primaries]
    assert not missing, f"terms the brief requires but the glossary lacks: {missing}"


def test_every_entry_has_a_definition(entries):
    empty = [entry.primary for entry in entries if len(entry.definition.split()) < 5]
    assert not empty, f"glossary entries without a real definition: {empty}"


@pytest.mark.parametrize(("alias", "primary"), sorted(EXPECT["aliases"].items()))
def test_alias_is_a_term_sharing_its_entry(entries, alias, primary):
    holders = [entry for entry in entries if alias.lower() in map(str.lower, entry.names)]
    assert holders, f"{alias!r} is not a glossary term"
    assert len(holders) == 1 and holders[0].primary.lower() == primary.lower(), (
        f"{alias!r} should share the definition of {primary!r}; "
        f"it belongs to {[entry.primary for entry in holders]}"
    )


def test_glossary_links_resolve_to_an_entry(site, reader_pages, entry_by_id):
    """Every {term} link, by any name, lands on a definition in the glossary."""
    wrong = []
    for docname in reader_pages:
        for link in main_element(site.html(docname)).select("a[href]"):
            parts = urlsplit(link["href"])
            if (
                parts.path.rsplit("/", 1)[-1] == f"{GLOSSARY}.html"
                and parts.fragment.startswith("term-")
                and parts.fragment not in entry_by_id
            ):
                wrong.append(f"{docname}: {link['href']}")
    assert not wrong, "links to glossary terms that do not exist:\n" + "\n".join(wrong)


def test_first_mention_of_each_term_is_a_link(site, reader_pages, entries, entry_by_id):
    offences = []
    for docname in reader_pages:
        if docname == GLOSSARY:
            continue
        segments = body_segments(site.html(docname), entry_by_id)
        seen = set()
        for entry, linked, words in mentions(segments, entries):
            if entry.primary in seen:
                continue
            seen.add(entry.primary)
            if not linked:
                offences.append(f"{docname}: first mention of {entry.primary!r} ({words!r})")
    assert not offences, (
        "the first mention of a glossary term on a page must be a {term} link:\n"
        + "\n".join(offences)
    )


def test_the_first_mention_check_sees_an_unlinked_first_mention(entries, entry_by_id):
    """The check of first mentions finds a plain mention before a link, and an alias."""
    soup = BeautifulSoup(
        '<article role="main"><h1>Nerve pain</h1>'
        "<p>Some nerve pains burn. Then "
        '<a href="glossary.html#term-neuropathic-pain">neuropathic pain</a>.</p>'
        "<p>Diabetic neuropathy.</p></article>",
        "html.parser",
    )
    found = mentions(body_segments(soup, entry_by_id), entries)
    assert [(entry.primary, linked) for entry, linked, _ in found] == [
        ("neuropathic pain", False),
        ("neuropathic pain", True),
        ("diabetic neuropathy", False),
    ]
