"""Add "how to fix it" to the warnings that Sphinx and its extensions print.

Sphinx, MyST-Parser, sphinx-design and sphinxcontrib-bibtex already catch
most contributor mistakes, and name the file and line. But their messages
say what is wrong, not what to do ("term not in glossary: 'nerve-pain'"), and
most contributors are not Sphinx experts. This extension appends a short fix
to each of those messages and, where it can, the nearest correct name::

    source/index.md:3: WARNING: term not in glossary: 'nerve-pain'; did you
    mean 'nerve pain'? Use a term the glossary has ... [ref.term]

It is a logging filter on Sphinx's warning handler, placed before the filter
that appends the "[type.subtype]" tag, so the tag stays last. It rewords
warnings; it adds none and hides none, with one exception: when
``amitriptyline_kb.guards.glossary_checks`` is loaded, Sphinx's duplicate-term warning is dropped,
because that extension reports the same mistake at the right line (Sphinx
counts MyST glossary lines from the start of the glossary block).
"""

from __future__ import annotations

import difflib
import logging
import os
import posixpath
import re
from collections.abc import Callable, Iterable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.logging import NAMESPACE, WarningLogRecordTranslator, WarningStreamHandler

# A hint gets the app, the message and the warning's location (a node, a
# docname or "path:line", as the code that warned passed it) and returns the
# fix to append, or None to leave the message as it is.
Hint = Callable[[Sphinx, str, Any], "str | None"]

SLUGS = (
    "headings up to level 3 get an anchor in lower case with hyphens "
    "('## What is it?' becomes #what-is-it)"
)
LABELS = "a line '(name)=' above a heading gives it the anchor 'name'"


def _file(app: Sphinx, docname: str) -> str:
    """A page's file as a contributor finds it from the project root."""
    return os.path.relpath(app.env.doc2path(docname), app.confdir)


def _did_you_mean(wrong: str, candidates: Iterable[str], fix: str, quote: str = "'") -> str:
    """``fix``, after the nearest of ``candidates`` to ``wrong`` if one is close."""
    close = difflib.get_close_matches(wrong, list(candidates), n=1, cutoff=0.6)
    if not close:
        return fix
    return f"did you mean {quote}{close[0]}{quote}? {fix[0].upper()}{fix[1:]}"


def _target(location: Any, key: str = "reftarget") -> str:
    return location.get(key, "") if isinstance(location, nodes.Element) else ""


def _glossary_files(app: Sphinx) -> str:
    std = app.env.domains.standard_domain
    docs = sorted({doc for (kind, _), (doc, _) in std.objects.items() if kind == "term"})
    return " or ".join(_file(app, doc) for doc in docs) or "the glossary page"


def unknown_term(app: Sphinx, message: str, location: Any) -> str:
    std = app.env.domains.standard_domain
    terms = [name for kind, name in std.objects if kind == "term"]
    glossary = _glossary_files(app)
    return _did_you_mean(
        _target(location).lower(),
        terms,
        f"use a term that {glossary} defines (write {{term}}`other words <term>` to show "
        f"other words), or add the term to {glossary} first",
    )


def unknown_document(app: Sphinx, message: str, location: Any) -> str:
    here = posixpath.dirname(_target(location, "refdoc"))
    wanted = "/" + posixpath.normpath(posixpath.join(here, _target(location))).lstrip("/")
    return _did_you_mean(
        wanted,
        ("/" + doc for doc in app.env.found_docs),
        "write the path of an existing page without '.md', from this page's folder, "
        "or from the top folder of the pages with a leading '/'",
    )


def undefined_label(app: Sphinx, message: str, location: Any) -> str:
    std = app.env.domains.standard_domain
    labels = set(std.labels) | set(std.anonlabels)
    label = _target(location)
    return _did_you_mean(
        label,
        labels,
        f"put the line '({label})=' above the heading to link to, or link to the "
        f"heading's own anchor with [text](page.md#anchor): {SLUGS}",
    )


def missing_markdown_link(app: Sphinx, message: str, location: Any) -> str:
    if message.startswith("local id not found"):
        return f"that page has no such anchor: {SLUGS}, and {LABELS}"
    target = _target(location)
    if target.endswith(".md") or message.startswith("Unknown source document"):
        here = posixpath.dirname(_target(location, "refdoc")) or "."
        pages = (posixpath.relpath(f"{doc}.md", here) for doc in app.env.found_docs)
        return _did_you_mean(
            posixpath.normpath(target),
            pages,
            "write the path of an existing page, from this page's folder",
        )
    return (
        "link to a page with its file name ('other-page.md'), or to a heading with "
        f"'#' and its anchor: {SLUGS}, and {LABELS}"
    )


def not_in_toctree(app: Sphinx, message: str, location: Any) -> str:
    docname = location if isinstance(location, str) else ""
    folder, _, name = docname.rpartition("/")
    if name == "index":
        folder, _, name = folder.rpartition("/")
        name += "/index"
    index = f"{folder}/index" if folder else "index"
    where = _file(app, index) if index in app.env.found_docs else f"{index}.md"
    return f"add '{name}' to the toctree in {where}, or readers cannot reach the page"


def heading_level(app: Sphinx, message: str, location: Any) -> str | None:
    skipped = re.search(r"H(\d) to H(\d)", message)
    if skipped:
        level = int(skipped[1]) + 1
        return (
            f"make it a level-{level} heading ('{'#' * level} '): each heading goes one "
            "level below the heading it belongs under"
        )
    if "start at H" in message:
        return "start the page with one '# ' heading, its title"
    return None


def tab_problem(app: Sphinx, message: str, location: Any) -> str | None:
    if "parent of a 'tab-item'" in message or "children of a 'tab-set'" in message:
        return (
            "put each tab in ':::{tab-item} Label' ... ':::' inside '::::{tab-set}' ... "
            "'::::'; the tab-set needs more colons than its tabs, or the first ':::' ends it"
        )
    if "Multiple selected" in message:
        return "keep ':selected:' on one tab only"
    if "Malformed 'tab-item'" in message:
        return "give the tab a label after '{tab-item}' and its text below"
    return None


def unknown_citation(app: Sphinx, message: str, location: Any) -> str:
    key = re.search(r'"(.*)"', message)
    # sphinxcontrib-bibtex is untyped; its domain holds the parsed .bib files.
    cite: Any = app.env.get_domain("cite")
    keys = cite.bibdata.data.entries.keys()
    bibfiles = " or ".join(app.config.bibtex_bibfiles)
    fix = f"use a key from {bibfiles}, or add an entry for the source there first"
    return _did_you_mean(key[1], keys, fix, quote='"') if key else fix


def directive_error(app: Sphinx, message: str, location: Any) -> str | None:
    if re.match(r"Directive 'tab-item': 1 argument\(s\) required, 0 supplied", message):
        return "write the tab's label after the directive name: ':::{tab-item} Amitriptyline'"
    if message.startswith('Content block expected for the "tab-item" directive'):
        return "write the tab's text between ':::{tab-item} Label' and the closing ':::'"
    return None


HINTS: dict[tuple[str, str], Hint] = {
    ("ref", "term"): unknown_term,
    ("ref", "doc"): unknown_document,
    ("ref", "ref"): undefined_label,
    ("myst", "xref_missing"): missing_markdown_link,
    ("toc", "not_included"): not_in_toctree,
    ("myst", "header"): heading_level,
    ("design", "tab"): tab_problem,
    ("bibtex", "key_not_found"): unknown_citation,
    ("docutils", ""): directive_error,
}


class HintFilter(logging.Filter):
    """Append the fix for a known warning to its message."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app

    def filter(self, record: logging.LogRecord) -> bool:
        kind, subtype = getattr(record, "type", "") or "", getattr(record, "subtype", "") or ""
        if self._superseded(record):
            return False
        hint = HINTS.get((kind, subtype))
        if hint is None:
            return True
        # The base class's message: no location prefix yet.
        message = logging.LogRecord.getMessage(record)
        # sphinx-design writes its own "[design.tab]" tag into the message,
        # and Sphinx appends the tag again.
        message = message.removesuffix(f" [{kind}.{subtype}]")
        fix = hint(self.app, message, getattr(record, "location", None))
        if fix:
            message = f"{message.rstrip('.')}; {fix}"
        record.msg, record.args = message, ()
        return True

    def _superseded(self, record: logging.LogRecord) -> bool:
        return (
            "amitriptyline_kb.guards.glossary_checks" in self.app.extensions
            # A translatable message may be a lazy proxy, not yet a str.
            and str(record.msg).startswith("duplicate %s description of")
            and isinstance(record.args, tuple)
            and record.args[:1] == ("term",)
        )


def setup(app: Sphinx) -> dict:
    hints = HintFilter(app)
    for handler in logging.getLogger(NAMESPACE).handlers:
        if isinstance(handler, WarningStreamHandler):
            # Before the translator, which turns the location into "path:line"
            # and appends the "[type.subtype]" tag.
            at = next(
                (
                    i
                    for i, f in enumerate(handler.filters)
                    if isinstance(f, WarningLogRecordTranslator)
                ),
                len(handler.filters),
            )
            handler.filters.insert(at, hints)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
