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

from babel.messages.pofile import read_po
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.nodes import extract_messages

from amitriptyline_kb.pages.reader_text import reader_text, setup_reader_text
from amitriptyline_kb.shared import is_translation, is_website, keep_per_page, on_every_page, per_page

logger = logging.getLogger(__name__)

BEHIND = "kb_pages_behind"
# An element Sphinx marked untranslated (translation_progress_classes), in
# the written page: its text is English.
UNTRANSLATED = re.compile(r'<(\w+)([^<>]*?) class="([^"]*\buntranslated\b[^"]*)"')


def catalogue(app: Sphinx, docname: str) -> Path:
    return Path(app.confdir, app.config.locale_dirs[0], app.config.language, "LC_MESSAGES", f"{docname}.po")


def english_page(app: Sphinx, docname: str) -> str:
    """The address of ``docname``'s English page, from the same page of the edition."""
    if is_website(app):
        # The edition is a folder of the English site: relative, so it works from disk.
        return "../" * (docname.count("/") + 1) + f"{docname}.html"
    base = app.config.html_baseurl.rstrip("/")
    return f"{base.rsplit('/', 1)[0]}/{docname}.html"


def add_notice(app: Sphinx, doctree: nodes.document) -> None:
    if not is_translation(app.config):
        return
    # Counted here, not read from Sphinx's translation_progress, which counts
    # nothing on a page whose catalogue has no translation at all.
    messages = [node for node, _message in extract_messages(doctree)]
    total, done = len(messages), sum(1 for node in messages if node.get("translated"))
    if done >= total:
        return
    docname = app.env.current_document.docname
    per_page(app.env, BEHIND)[docname] = (done, total)
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
    logger.info("%d pages of the '%s' edition are behind their English pages:", len(behind), app.config.language)
    for docname, (done, total) in sorted(behind.items()):
        path = catalogue(app, docname)
        logger.info("  %s: %d of %d messages translated (%s)", docname, done, total, path)
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as file:
            for message in read_po(file):
                if message.id and message.fuzzy:
                    logger.info("    %s:%d: fuzzy: %s", path, message.lineno, str(message.id)[:60])


def setup(app: Sphinx) -> dict:
    setup_reader_text(app)
    keep_per_page(app, BEHIND)
    # Before "Get help now" (urgent_help, 500), which then stays first.
    app.connect("doctree-read", add_notice, priority=400)
    app.connect("html-page-context", mark_english)
    app.connect("build-finished", report)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
