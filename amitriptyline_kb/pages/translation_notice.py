"""A translated page that is behind its English page says so, and links to it.

When an English sentence changes, ``make translations`` marks its Spanish
entry fuzzy (a new sentence has no entry yet). Sphinx never publishes a
fuzzy entry: the page shows that sentence in English, which is up to date.
Such a page is then published, not held back, with a notice under its title
(and under "Get help now") that part of it is not yet translated, and a link
to the English page. This is the site's choice for every page, the safety
pages first: an English safety correction reaches readers of both editions
at once, and a Spanish reader is told which text is newer, instead of
reading an old translation or losing the page. The English parts are marked
``lang="en"``, so a screen reader reads them as English.

The build log lists each page behind, with its catalogue, and each fuzzy
entry with its line, for the translator (docs/translating.md). Not a
warning: English changes must not wait for a translator.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.index_entries import split_index_msg
from sphinx.util.nodes import extract_messages, traverse_translatable_index

from amitriptyline_kb.pages.reader_text import reader_text, setup_reader_text
from amitriptyline_kb.shared import (
    ancestors,
    edition_root,
    is_translation,
    is_website,
    keep_per_page,
    on_every_page,
    per_page,
)

logger = logging.getLogger(__name__)

BEHIND = "kb_pages_behind"
# On the page being read: how many messages it has, and those untranslated.
MESSAGES = "kb_messages"
# The class of a node the catalogue does not translate, and the element
# with it in the written page: its text is English.
ENGLISH = "kb-english"
UNTRANSLATED = re.compile(r'<(\w+)([^<>]*?) class="([^"]*\bkb-english\b[^"]*)"')


def catalogue(app: Sphinx, docname: str) -> Path:
    return Path(
        app.confdir, app.config.locale_dirs[0], app.config.language, "LC_MESSAGES", f"{docname}.po"
    )


def english_page(app: Sphinx, docname: str) -> str:
    """The address of ``docname``'s English page, from the same page of the edition."""
    if is_website(app):
        # The edition is a folder of the English site: relative, so it works from disk.
        return "../" * (docname.count("/") + 1) + f"{docname}.html"
    return f"{edition_root(app.config.html_baseurl, app.config.language)}{docname}.html"


class EnglishMessages(SphinxTransform):
    """Before Sphinx translates the page: which of its English messages the
    edition's catalogue has no translation for (none, or only a fuzzy one,
    which Sphinx leaves out of the compiled catalogue).

    Counted here, from the English text and the catalogue, not from the
    marks Sphinx leaves on translated nodes: Sphinx counts nothing on a page
    whose catalogue is empty, marks a picture with a translated description
    as untranslated, and translates toctree captions elsewhere.
    """

    # Just before Sphinx's Locale transform (20).
    default_priority = 19

    def apply(self) -> None:
        if not is_translation(self.config):
            return
        docname = self.env.current_document.docname
        domain = docname_to_domain(docname, self.config.gettext_compact)
        dirs = [self.env.srcdir / directory for directory in self.config.locale_dirs]
        catalog, has_catalog = init_locale(dirs, self.config.language, domain)
        translations: dict[str, str] = {}
        current: Any = catalog if has_catalog else None
        while current is not None:
            # The page's catalogue and its fallbacks, as Sphinx merges them.
            translations = {**getattr(current, "_catalog", {}), **translations}
            current = getattr(current, "_fallback", None)
        # The front matter, still a field list at the top of the page here
        # (docutils makes it the docinfo later); Sphinx does not translate it.
        front_matter = next(
            (child for child in self.document.children if isinstance(child, nodes.field_list)),
            None,
        )
        messages = [
            (node, message)
            for node, message in extract_messages(self.document)
            if front_matter is None or front_matter not in ancestors(node)
        ]
        if "index" in self.config.gettext_additional_targets:
            messages += [
                (node, part)
                for node, entries in traverse_translatable_index(self.document)
                for entry_type, value, *_rest in entries
                for part in split_index_msg(entry_type, value)
            ]
        untranslated = [
            (node, message)
            for node, message in messages
            if not str(translations.get(message, "")).strip()
        ]
        self.document[MESSAGES] = (len(messages), [message for _node, message in untranslated])
        # The nodes Sphinx will leave in English are read as English: not the
        # index's (not shown), nor a picture (Sphinx's own "untranslated" class
        # marks every picture whose description it did translate).
        for node, _message in untranslated:
            if not isinstance(node, (nodes.image, addnodes.index)):
                node["classes"].append(ENGLISH)


def add_notice(app: Sphinx, doctree: nodes.document) -> None:
    if not is_translation(app.config):
        return
    # Sphinx marks translated meta nodes, and the HTML writer would write the
    # mark into the page's head as an attribute no HTML has.
    for meta in doctree.findall(nodes.meta):
        meta.attributes.pop("translated", None)
        meta["classes"] = []
    total, untranslated = doctree.attributes.pop(MESSAGES, (0, []))
    if not untranslated:
        return
    docname = app.env.current_document.docname
    per_page(app.env, BEHIND)[docname] = (total - len(untranslated), total, untranslated)
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    text = reader_text(app.config, "translation notice", "text")
    link = reader_text(app.config, "translation notice", "link")
    paragraph = nodes.paragraph("", text + " ")
    paragraph += nodes.reference("", link, refuri=english_page(app, docname))
    notice = nodes.container("", paragraph, classes=on_every_page("kb-translation-notice"))
    section.insert(1, notice)


def mark_english(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if is_translation(app.config) and "body" in context:
        context["body"] = UNTRANSLATED.sub(r'<\1\2 lang="en" class="\3"', context["body"])


def report(app: Sphinx, exception: Exception | None) -> None:
    behind = per_page(app.env, BEHIND)
    if exception is not None or not is_translation(app.config) or not behind:
        return
    logger.info(
        "%d pages of the '%s' edition are behind their English pages:",
        len(behind),
        app.config.language,
    )
    for docname, (done, total, untranslated) in sorted(behind.items()):
        path = catalogue(app, docname)
        logger.info("  %s: %d of %d messages translated (%s)", docname, done, total, path)
        fuzzy = {}
        if path.exists():
            with path.open(encoding="utf-8") as file:
                fuzzy = {str(m.id): m.lineno for m in read_po(file) if m.id and m.fuzzy}
        for message in untranslated:
            if message in fuzzy:
                logger.info("    %s:%d: fuzzy: %s", path, fuzzy[message], message[:60])
            else:
                logger.info("    not in %s: %s (run make translations)", path.name, message[:60])


def setup(app: Sphinx) -> dict:
    setup_reader_text(app)
    keep_per_page(app, BEHIND)
    app.add_transform(EnglishMessages)
    # Before "Get help now" (urgent_help, 500), which then stays first.
    app.connect("doctree-read", add_notice, priority=400)
    app.connect("html-page-context", mark_english)
    app.connect("build-finished", report)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
