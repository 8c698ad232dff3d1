"""Warn when a page reads above the plain-language grade limit.

Readers are people in pain and their carers, many of them tired, worried or
on medicines that blur concentration; health bodies advise writing for a
reading age of about 11 to 12 (US grade 6 to 8). Every page is measured with
textstat's Flesch-Kincaid grade, which grows with sentence length and
syllables per word. A page above ``kb_max_reading_grade`` is a warning with
the figure and the line of its hardest paragraph, the place to start.

The text measured is what a reader reads on the page: the page's own
content, without the disclaimer and review line added to every page (class
``kb-page-footer``), navigation (toctrees), bibliography entries (titles of
papers, not our prose) and code. Pages shorter than
``kb_reading_grade_min_words`` are not measured: on a few words the grade
says little. textstat 0.7.4 is pinned: later versions count syllables
differently and download data at run time.

A Spanish page is measured with Szigriszt-Pazos instead (0 to 100, higher is
easier), which textstat provides offline: a page below
``kb_min_reading_ease_es`` is a warning the same way. 65 is the lower end of
"bastante fácil" (fairly easy) on the INFLESZ scale, the plain-language band
for patients; the English grade 8 is about the same reader.

The pages are measured in the website build only. The ePub holds the same
text, so measuring it again would only repeat any warning and add a tenth of
a second to every ``make html`` (``make bench``), which builds both.
"""

from __future__ import annotations

import importlib.resources
import sys
from functools import cache
from types import ModuleType
from typing import IO

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from amitriptyline_kb.shared import ancestors, is_on_every_page, is_translation
from amitriptyline_kb.warnings import KbWarning, warn


def _resource_stream(package: str, name: str) -> IO[bytes]:
    """pkg_resources.resource_stream, the one function textstat calls."""
    return importlib.resources.files(package).joinpath(name).open("rb")


@cache
def _textstat() -> ModuleType:
    """Import textstat without importing setuptools' pkg_resources.

    textstat 0.7.4 imports pkg_resources, which takes 100 to 200 ms to import
    in each of the two builds ``make html`` runs (``make bench``), for one
    function, ``resource_stream``, that reads word lists the Flesch-Kincaid
    grade never uses. This stand-in reads the same files through
    importlib.resources, and is only in sys.modules while textstat loads, so
    no other module is given it.
    """
    stand_in_needed = "pkg_resources" not in sys.modules
    if stand_in_needed:
        stand_in = ModuleType("pkg_resources")
        stand_in.resource_stream = _resource_stream  # type: ignore[attr-defined]
        sys.modules["pkg_resources"] = stand_in
    try:
        import textstat
    finally:
        if stand_in_needed:
            del sys.modules["pkg_resources"]
    return textstat


NOT_READ = (
    addnodes.toctree,
    addnodes.index,
    nodes.citation,
    nodes.literal_block,
    nodes.raw,
    nodes.comment,
    nodes.system_message,
    nodes.target,
)
# Builders whose pages hold the website's text, measured there already.
SAME_TEXT_AS_THE_WEBSITE = {"epub"}
# A paragraph this short is not worth pointing at as the hardest.
MIN_PARAGRAPH_WORDS = 10


def _is_read(node: nodes.Node) -> bool:
    return not isinstance(node, NOT_READ) and not is_on_every_page(node)


def _words(node: nodes.Node, into: list[str]) -> None:
    if isinstance(node, nodes.Text):
        into.append(node.astext())
    elif _is_read(node):
        for child in node.children:
            _words(child, into)


def page_text(node: nodes.Node) -> str:
    """The words a reader reads, as one string with single spaces."""
    pieces: list[str] = []
    _words(node, pieces)
    return " ".join(" ".join(pieces).split())


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid grade of ``text``, as textstat 0.7.4 counts it."""
    _textstat().set_lang("en_US")
    return _textstat().flesch_kincaid_grade(text)


def reading_ease_es(text: str) -> float:
    """The Szigriszt-Pazos ease of Spanish ``text`` (0 to 100, higher is easier)."""
    _textstat().set_lang("es")
    return _textstat().szigriszt_pazos(text)


def word_count(text: str) -> int:
    return _textstat().lexicon_count(text)


def _hardest_paragraph(
    doctree: nodes.document, score=reading_grade, hardest=max
) -> tuple[float, int | None]:
    """The score and line of the paragraph that is hardest to read: the highest
    grade, or (``score=reading_ease_es, hardest=min``) the lowest ease."""
    graded = [
        (score(text), paragraph.line)
        for paragraph in doctree.findall(nodes.paragraph)
        if all(_is_read(ancestor) for ancestor in ancestors(paragraph))
        and word_count(text := page_text(paragraph)) >= MIN_PARAGRAPH_WORDS
    ]
    return hardest(graded, key=lambda graded_paragraph: graded_paragraph[0], default=(0.0, None))


def check_reading_grade(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name in SAME_TEXT_AS_THE_WEBSITE:
        return
    text = page_text(doctree)
    if word_count(text) < app.config.kb_reading_grade_min_words:
        return
    if is_translation(app.config):
        check_spanish_reading_ease(app, doctree, docname, text)
        return
    grade = reading_grade(text)
    limit = app.config.kb_max_reading_grade
    if grade <= limit:
        return
    hardest, line = _hardest_paragraph(doctree)
    where = f", starting with the paragraph on line {line} (grade {hardest:.1f})" if line else ""
    warn(
        KbWarning.READABILITY,
        "reading grade %.1f is above the limit of %s; use shorter sentences and everyday words%s",
        grade,
        limit,
        where,
        location=(docname, _title_line(doctree)),
    )


def check_spanish_reading_ease(
    app: Sphinx, doctree: nodes.document, docname: str, text: str
) -> None:
    """The Spanish edition's measure: the Flesch-Kincaid grade counts English
    syllables and sentences, so a Spanish page is measured with a Spanish
    formula, Szigriszt-Pazos, against ``kb_min_reading_ease_es``."""
    if app.config.language != "es":
        return  # No formula for another language; the site has no other edition.
    ease = reading_ease_es(text)
    limit = app.config.kb_min_reading_ease_es
    if ease >= limit:
        return
    hardest, line = _hardest_paragraph(doctree, reading_ease_es, min)
    where = f", starting with the paragraph on line {line} (ease {hardest:.1f})" if line else ""
    warn(
        KbWarning.READABILITY,
        "Spanish reading ease (Szigriszt-Pazos) %.1f is below the limit of %s "
        "('bastante fácil'); in its .po file, use shorter sentences and everyday words%s",
        ease,
        limit,
        where,
        location=(docname, _title_line(doctree)),
    )


def _title_line(doctree: nodes.document) -> int | None:
    title = next(iter(doctree.findall(nodes.title)), None)
    return title.line if title is not None else None


def setup(app: Sphinx) -> dict:
    app.add_config_value("kb_max_reading_grade", 8, "env", types=(int, float))
    app.add_config_value("kb_reading_grade_min_words", 50, "env", types=(int,))
    app.add_config_value("kb_min_reading_ease_es", 65, "env", types=(int, float))
    # Resolved, so citations read "[1]" as they do on the page.
    app.connect("doctree-resolved", check_reading_grade)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
