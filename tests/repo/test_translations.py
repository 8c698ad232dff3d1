"""The Spanish edition's files are whole and say what the English says
(docs/translating.md): a catalogue for every page, a copy of every data file
and figure, and in every translated sentence the English one's numbers,
links, citations and glossary targets.

The build checks the rest: Sphinx warns about a reference a translation
changed, and a page behind its English page shows a notice
(unit/test_translation.py, site/test_spanish_edition.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from amitriptyline_kb.tools.site import ROOT, SOURCE
from helpers import data

CATALOGUES = ROOT / "locales" / "es" / "LC_MESSAGES"
DATA = SOURCE / "_data"
# Keys only a translated edition has: the notice of a page behind its English page.
ONLY_IN_TRANSLATIONS = {"translation notice"}
CITATION = re.compile(r"\{cite:p\}`([^`]*)`")
LINK_TARGET = re.compile(r"\]\(([^)]*)\)")
ROLE = re.compile(r"\{(term|doc|ref)\}`([^`]*)`")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def messages():
    for path in sorted(CATALOGUES.rglob("*.po")):
        with path.open(encoding="utf-8") as file:
            for message in read_po(file):
                if message.id and message.string:
                    yield (
                        f"{path.relative_to(ROOT)}:{message.lineno}",
                        str(message.id),
                        str(message.string),
                    )


MESSAGES = list(messages())


def role_targets(text: str) -> list[tuple[str, str]]:
    """Each {term}, {doc} and {ref}: its kind and target ("nerve pain" in
    {term}`dolor de los nervios <nerve pain>`)."""
    targets = []
    for kind, body in ROLE.findall(text):
        explicit = re.search(r"<([^>]*)>\s*$", body)
        target = (explicit.group(1) if explicit else body).strip()
        targets.append((kind, target.lower() if kind == "term" else target))
    return sorted(targets)


def numbers(text: str) -> list[str]:
    """The numbers a reader reads: doses, weeks, phone numbers, ages."""
    return sorted(NUMBER.findall(LINK_TARGET.sub("", CITATION.sub("", text))))


def test_the_catalogues_hold_the_translation():
    assert len(MESSAGES) > 500


def test_every_page_has_a_catalogue_and_every_catalogue_a_page(reader_pages):
    catalogues = {
        path.relative_to(CATALOGUES).with_suffix("").as_posix() for path in CATALOGUES.rglob("*.po")
    }
    # sphinx.po: the words of the templates.
    assert catalogues - {"sphinx"} == set(reader_pages)


@pytest.mark.parametrize("where, english, spanish", MESSAGES, ids=[m[0] for m in MESSAGES])
def test_a_translation_keeps_the_numbers_links_citations_and_glossary_targets(
    where, english, spanish
):
    assert numbers(spanish) == numbers(english), "a number differs"
    assert sorted(CITATION.findall(spanish)) == sorted(CITATION.findall(english)), (
        "a citation differs"
    )
    assert sorted(LINK_TARGET.findall(spanish)) == sorted(LINK_TARGET.findall(english)), (
        "a link differs"
    )
    assert role_targets(spanish) == role_targets(english), "a {term}, {doc} or {ref} target differs"


def keys(value, path=()) -> set[tuple[str, ...]]:
    """Every key path of a YAML mapping, and the keys of its mappings."""
    if not isinstance(value, dict):
        return set()
    found = set()
    for key, child in value.items():
        found.add((*path, key))
        found |= keys(child, (*path, key))
    return found


ENGLISH_DATA = sorted(path.name for path in DATA.glob("*.yaml"))


@pytest.mark.parametrize("name", ENGLISH_DATA)
def test_every_data_file_has_a_spanish_copy_with_the_same_keys(name):
    english = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    spanish_path = DATA / "es" / name
    assert spanish_path.exists(), f"source/_data/es/{name} is missing"
    spanish = yaml.safe_load(spanish_path.read_text(encoding="utf-8"))
    if name == "search-synonyms.yaml":
        # Reader words differ by language; the parts are the same.
        assert set(spanish) == set(english)
        return
    extra = {path for path in keys(spanish) - keys(english) if path[0] not in ONLY_IN_TRANSLATIONS}
    assert keys(english) - keys(spanish) == set(), "keys missing in Spanish"
    assert extra == set(), "keys the English file does not have"


def test_the_urgent_help_tiers_keep_their_numbers_and_sources():
    english = yaml.safe_load((DATA / "urgent-help.yaml").read_text(encoding="utf-8"))
    spanish = yaml.safe_load((DATA / "es" / "urgent-help.yaml").read_text(encoding="utf-8"))
    for tier, words in english.items():
        assert numbers(spanish[tier]["action"]) == numbers(words["action"]), tier
        assert LINK_TARGET.findall(spanish[tier]["action"]) == LINK_TARGET.findall(
            words["action"]
        ), tier
        assert CITATION.findall(spanish[tier]["action"]) == CITATION.findall(words["action"]), tier


FIGURES = sorted(
    path
    for path in SOURCE.rglob("*.svg")
    if not path.name.endswith(".es.svg") and "_static" not in path.parts
)


def svg_text(path: Path) -> str:
    return " ".join(re.findall(r">([^<>]+)<", path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("figure", FIGURES, ids=lambda path: path.name)
def test_every_figure_has_a_spanish_picture_with_its_numbers(figure):
    spanish = figure.with_suffix(".es.svg")
    assert spanish.exists(), f"{spanish.relative_to(ROOT)} is missing"
    assert numbers(svg_text(spanish)) == numbers(svg_text(figure))


def test_the_spanish_search_queries_name_real_pages(reader_pages):
    expect = data("search_queries.es.yaml")
    queries = expect["queries"]
    assert len(queries) >= expect["min_queries"]
    assert not [q["query"] for q in queries if q["page"] not in reader_pages]
    assert len({q["query"] for q in queries}) == len(queries), "a query is listed twice"


def _js_catalogue(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(
        text[text.index("addTranslations(") + len("addTranslations(") : text.rindex(")")]
    )


def test_the_search_pages_spanish_words_keep_every_entry_of_sphinxs_and_none_is_empty():
    """locales/es/LC_MESSAGES/sphinx.js replaces Sphinx's own Spanish catalogue
    of the search page's words; after a Sphinx upgrade it must hold every new one."""
    import sphinx

    ours = _js_catalogue(CATALOGUES / "sphinx.js")["messages"]
    sphinxs = _js_catalogue(
        Path(sphinx.__file__).parent / "locale" / "es" / "LC_MESSAGES" / "sphinx.js"
    )
    assert set(sphinxs["messages"]) <= set(ours)
    empty = [
        key
        for key, value in ours.items()
        if not value or (isinstance(value, list) and not all(value))
    ]
    assert not empty
