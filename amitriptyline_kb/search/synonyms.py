"""Give the search page the readers' words: synonyms, filler and urgent words.

Readers search in their own words ("pins and needles", "Lyrica", "how long
does it take to work"), and Sphinx's search finds a page only when it holds
every word of the query. ``_static/search-answers.js`` ranks pages by the
words they share with the query instead; this extension hands it the words it
needs, from a data file that anyone can review and edit
(``kb_search_synonyms`` in conf.py, normally
``source/_data/search-synonyms.yaml``)::

    synonyms:
      pins and needles: tingling        # a reader's words: the pages' words
      tca: [tricyclic antidepressant]
    filler words: [can, will, please]   # words that only make a question
    urgent words: [overdose, too many]  # show the emergency guidance first

The file is checked when the search page is written: a mistake is a warning
that names the file and line. Only the search page loads the words (inline)
and the script, so other pages and the ePub are unchanged. Everything stays
static: the search runs in the reader's browser from the hosted files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from sphinx.application import Sphinx

from amitriptyline_kb.shared import add_static_files, data_file_for_language
from amitriptyline_kb.warnings import KbWarning, warn

STATIC_DIR = Path(__file__).with_name("static")


SEARCH_PAGE = "search"
SCRIPT = "search-answers.js"
SYNONYMS = "synonyms"
FILLER = "filler words"
URGENT = "urgent words"
PARTS = (SYNONYMS, FILLER, URGENT)
EXAMPLE = {
    SYNONYMS: "'pins and needles: tingling'",
    FILLER: "'  - please'",
    URGENT: "'  - too many'",
}


class _Problems:
    """Warnings about one data file, each at its line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0

    def warn(self, node: yaml.Node | yaml.Mark | None, message: str, *args: Any) -> None:
        mark = node.start_mark if isinstance(node, yaml.Node) else node
        line = mark.line + 1 if mark else 1
        self.count += 1
        warn(KbWarning.SEARCH, message, *args, location=f"{self.path}:{line}")


def _text(node: yaml.Node) -> str | None:
    """The words of a single value, as written, or None for a list or a pair.

    The text as written, not as YAML reads it: "yes" stays a word, not true.
    """
    if isinstance(node, yaml.ScalarNode):
        return " ".join(node.value.split()) or None
    return None


def _synonyms(node: yaml.Node, problems: _Problems) -> list[tuple[str, list[str]]]:
    if not isinstance(node, yaml.MappingNode):
        problems.warn(
            node,
            "'%s' must list a reader's words and the pages' words, one pair a line, for example %s",
            SYNONYMS,
            EXAMPLE[SYNONYMS],
        )
        return []
    pairs: dict[str, list[str]] = {}
    for key_node, value_node in node.value:
        said = _text(key_node)
        if said is None:
            problems.warn(
                key_node,
                "a synonym must start with a reader's word or words, for example %s",
                EXAMPLE[SYNONYMS],
            )
            continue
        if said.lower() in pairs:
            problems.warn(
                key_node,
                "'%s' is listed twice under '%s'; keep one line and put "
                "all its words in a list, for example '%s: [word, other word]'",
                said,
                SYNONYMS,
                said,
            )
            continue
        values = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        meant = [_text(value) for value in values]
        if not meant or None in meant:
            problems.warn(
                value_node,
                "'%s' must be followed by the words the pages use, "
                "as one word or phrase or a list in [brackets], for example %s",
                said,
                EXAMPLE[SYNONYMS],
            )
            continue
        pairs[said.lower()] = [words.lower() for words in meant if words is not None]
    return list(pairs.items())


def _list(node: yaml.Node, part: str, problems: _Problems) -> list[str]:
    """A list of words (filler words) or of words and phrases (urgent words)."""
    values = node.value if isinstance(node, yaml.SequenceNode) else None
    words = [_text(value) for value in values or []]
    single = part == FILLER
    if values is None or None in words or (single and any(" " in (w or "") for w in words)):
        problems.warn(
            node,
            "'%s' must be a list of %s, one a line, for example %s",
            part,
            "single words" if single else "words or phrases",
            EXAMPLE[part],
        )
        return []
    return [word.lower() for word in words if word is not None]


def read_search_words(path: Path) -> dict[str, list]:
    """The synonyms and filler words in ``path``; every problem is a warning."""
    problems = _Problems(path)
    words: dict[str, list] = {SYNONYMS: [], "filler": [], "urgent": []}
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except OSError as error:
        problems.warn(
            None,
            "cannot read the search synonyms: %s; check kb_search_synonyms in conf.py",
            error.strerror,
        )
        return words
    except yaml.MarkedYAMLError as error:
        # The context (the line the broken construct starts on) is nearer to
        # the mistake than the problem, which YAML finds where it gives up.
        problems.warn(
            error.context_mark or error.problem_mark,
            "this is not valid YAML (%s); compare the line with the lines around it",
            error.problem,
        )
        return words
    if not isinstance(root, yaml.MappingNode):
        problems.warn(root, "the file must have a '%s:' part and a '%s:' part", SYNONYMS, FILLER)
        return words
    for key_node, value_node in root.value:
        key = _text(key_node)
        if key == SYNONYMS:
            words[SYNONYMS] = _synonyms(value_node, problems)
        elif key == FILLER:
            words["filler"] = _list(value_node, FILLER, problems)
        elif key == URGENT:
            words["urgent"] = _list(value_node, URGENT, problems)
        else:
            problems.warn(
                key_node,
                "unknown part '%s'; the file has only %s",
                key_node.value,
                ", ".join(f"'{part}:'" for part in PARTS),
            )
    return words


def add_search_words(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    if pagename != SEARCH_PAGE or not app.config.kb_search_synonyms:
        return
    words = read_search_words(
        data_file_for_language(app.config, Path(app.confdir, app.config.kb_search_synonyms))
    )
    # Inline, so the search page needs no extra request before it can answer.
    # "<" escaped, so no word can end the script element early.
    data = json.dumps(words).replace("<", "\\u003c")
    app.add_js_file(None, body=f"window.KB_SEARCH_WORDS = {data};")
    # Deferred: it runs once the page has loaded searchtools.js, and before
    # Sphinx starts the search when the document is ready.
    app.add_js_file(SCRIPT, loading_method="defer")


def setup(app: Sphinx) -> dict:
    add_static_files(app, STATIC_DIR, builders=("html",))
    app.add_config_value("kb_search_synonyms", "", "html", types=frozenset({str}))
    app.connect("html-page-context", add_search_words)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
