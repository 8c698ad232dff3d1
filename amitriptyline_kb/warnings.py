"""Every kind of warning our checks give, with a line saying what it means.

Each message ends with its tag, ``[kb.<subtype>]``, which is what a
contributor searches docs/testing.md for, and what ``suppress_warnings`` takes.
A check gives its warnings through ``warn`` with a member of this registry, never a bare string, so a new
kind of warning cannot appear without its meaning here, and a test checks
that docs/testing.md explains every one (tests/repo/test_warning_registry.py).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from sphinx.util import logging

TYPE = "kb"
logger = logging.getLogger(__name__)


class KbWarning(Enum):
    """The subtype of a warning, with what it means."""

    DESCRIPTION = "description", "a page without a description in its front matter"
    DIRECTIVE = "directive", "a directive, an option or an {eval-rst} block a page may not use"
    EDITION = "edition", "a language the site has no edition in, or an edition file it cannot use"
    ENCODING = "encoding", "a page that is not UTF-8 text, or a binary file named like a page"
    FILE_NAME = "file_name", "a page name not in lower case with hyphens, or one the site writes"
    FRONT_MATTER = "front_matter", "a front-matter key the site does not define"
    GLOSSARY_DUPLICATE = "glossary_duplicate", "a glossary term defined twice"
    GLOSSARY_UNUSED = "glossary_unused", "a glossary term no page links to"
    IMAGE_ALT = "image_alt", "a picture without alt text"
    KEY_FACTS = (
        "key_facts",
        "a key-facts box that is not one list of 3 to 5 cited facts, or a topic page with none or two",
    )
    KEYWORDS = "keywords", "keywords that cannot be read, or more or longer than a page may have"
    LINK = "link", "a link to an address scheme a page may not use, such as javascript:"
    NESTING = "nesting", "lists or quotes nested deeper than a page may nest"
    OUTPUT = "output", "a written page that runs, loads or redirects what the site does not"
    PATH = "path", "a picture or a file from outside source/, or a symbolic link under it"
    RAW_HTML = "raw_html", "raw HTML or an HTML comment in a page"
    READABILITY = "readability", "a page above the reading-grade limit"
    READER_TEXT = "reader_text", "reader text missing from source/_data/page-text.yaml"
    REVIEW = "review", "a review date missing, malformed, or before the last one"
    ROLE = "role", "a role a page may not use"
    SCRIPT = "script", "HTML that would run code in a reader's browser"
    SEARCH = "search", "a mistake in the search synonyms file"
    SIZE = "size", "a page, or the search index, larger than its limit"
    SOURCES = "sources", "a section of a page that cites no source"
    SVG = "svg", "an SVG picture that runs code, moves, or refers to a file or address outside it"
    URGENT_HELP = "urgent_help", "an urgent-help callout or tier that is incomplete or unknown"

    def __init__(self, subtype: str, meaning: str) -> None:
        self.subtype = subtype
        self.meaning = meaning

    @property
    def tag(self) -> str:
        """The tag at the end of the message, as docs/testing.md shows it."""
        return f"{TYPE}.{self.subtype}"


def warn(kind: KbWarning, message: str, *args: Any, location: Any = None) -> None:
    """Give a warning of ``kind``; Sphinx ends its message with the tag ``[kb.<subtype>]``.

    ``location`` is a ``(docname, line)`` pair, a ``"path:line"`` string, or a
    node, as Sphinx's logger takes it: every warning names a file and a line.
    """
    logger.warning(message, *args, location=location, type=TYPE, subtype=kind.subtype)
