"""Check the files under source/ before Sphinx reads any of them.

Some files make Sphinx stop with a traceback that names no file, or lose
content without a word, before any page-level check can run:

- a page that is not UTF-8 text, or is binary ("Encoding error!");
- lists or quotes nested so deep that the parser gives up: past
  ``kb_max_nesting`` levels markdown stops reading the deeper ones, and far
  past it Python runs out of stack;
- a symbolic link, which publishes whatever it points to, inside or outside
  the checkout;
- a page whose name is one Sphinx writes itself (``genindex``, ``search``,
  ``404``): one of the two is lost;
- a file name that is not lower case with hyphens (a space writes an invalid
  address into sitemap.xml);
- a page too large to review or for a phone to load (``kb_max_page_kb``);
- an SVG picture that could do more than show a picture. Sphinx copies
  pictures as they are, and a reader who opens one on its own (a long press,
  "Open image in new tab") gets it as a document of the site: a ``<script>``
  or an ``onload=`` in it runs there, and anything it names (another file,
  an address, an ``@import``, an entity of a ``<!DOCTYPE>``) is fetched from
  there. So an SVG under source/, wherever it is, may refer only to its own
  parts (``#name``), may hold no script, event handler, ``<foreignObject>``
  (a web page inside the picture) or animation (the book promises readers
  none), and must be well-formed XML, or no e-reader shows it.

Each is a warning naming the file (and the line, where there is one) and how
to fix it. Files that would stop the build are also left out of it, so the
build goes on to report every other problem; Sphinx's own note that a
contents list names a left-out page is then not repeated. A refused picture
is left out of every page that shows it, in favour of its alt text, so even
a build without ``-W`` does not publish it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from xml.parsers import expat

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.matching import Matcher

from amitriptyline_kb.shared import node_line
from amitriptyline_kb.warnings import KbWarning, warn

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Pages that Sphinx, furo or sphinx-notfound-page write themselves.
GENERATED = {"genindex", "search", "404", "py-modindex", "modindex", "searchindex"}
LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)([-*+]|\d{1,9}[.)])([ \t]|$)")
QUOTES = re.compile(r"^[ \t]*(>[ \t]?)+")
# SVG elements that run code, embed a web page, or move.
SVG_CODE = {"script", "handler", "listener"}
SVG_MOTION = {"animate", "animateMotion", "animateTransform", "animateColor", "set", "discard"}
# Addresses in CSS, in a <style> element or in an attribute (fill="url(#a)").
CSS_ADDRESS = re.compile(
    r"""url\(\s*['"]?(?P<address>[^'")\s]*)|@import\s+['"]?(?P<imported>[^'";\s]*)"""
)


def nesting_depth(text: str) -> tuple[int, int]:
    """How deep lists and quotes nest at the deepest, and on which line.

    A list item's level is the number of items with less indentation above it
    that are still open; each '>' at the start of a line is one quote level.
    """
    deepest, deepest_line = 0, 0
    open_items: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        quotes = QUOTES.match(line)
        quote_depth = quotes[0].count(">") if quotes else 0
        rest = line[quotes.end() :] if quotes else line
        item = LIST_ITEM.match(rest)
        if item:
            width = len(item["indent"].expandtabs(4))
            while open_items and open_items[-1] >= width:
                open_items.pop()
            open_items.append(width)
        elif rest.strip() and not rest[:1].isspace():
            open_items = []
        depth = quote_depth + (len(open_items) if item else 0)
        if depth > deepest:
            deepest, deepest_line = depth, number
    return deepest, deepest_line


def _first_bad_line(data: bytes, error: UnicodeDecodeError) -> int:
    return data[: error.start].count(b"\n") + 1


def check_files(app: Sphinx) -> None:
    source_dir = Path(app.srcdir)
    excluded = Matcher(app.config.exclude_patterns)
    suffixes = tuple(app.config.source_suffix)
    left_out: list[str] = []
    for folder, dirnames, filenames in os.walk(source_dir, followlinks=False):
        here = Path(folder)
        # Folders that hold no pages (_static, _templates, excluded ones) are
        # still searched for links; hidden ones are not published at all.
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        no_pages = any(
            part.startswith("_") for part in here.relative_to(source_dir).parts
        ) or excluded(here.relative_to(source_dir).as_posix())
        for name in sorted(dirnames + filenames):
            path = here / name
            relative = path.relative_to(source_dir).as_posix()
            # Anywhere under source/, _static/ too: its files are copied as they are.
            if path.is_symlink():
                warn(
                    KbWarning.PATH,
                    "'%s' is a symbolic link; a link would publish whatever it points "
                    "to, so copy the file into source/ instead",
                    relative,
                    location=f"{path}:{1}",
                )
                left_out += [relative, f"{relative}/**"]
                if name in dirnames:
                    dirnames.remove(name)
                continue
            if (
                name in filenames
                and not no_pages
                and name.endswith(suffixes)
                and not (excluded(relative) or name.startswith((".", "_")))
            ):
                left_out += _check_page(app, path, relative)
            elif name in filenames and name.lower().endswith(".svg") and _svg_refused(path):
                _refused_pictures(app).add(path.resolve())
    if left_out:
        app.config.exclude_patterns.extend(left_out)
        _quiet_about(left_out)


class _LeftOutPages(logging.logging.Filter):
    """Drop Sphinx's "toctree contains reference to nonexisting document" for
    a page left out here: the warning above already says what is wrong."""

    def __init__(self, docnames: set[str]) -> None:
        super().__init__()
        self.messages = {f"nonexisting document '{name}'" for name in docnames}

    def filter(self, record) -> bool:
        message = record.getMessage()
        return not any(text in message for text in self.messages)


def _quiet_about(left_out: list[str]) -> None:
    docnames = {pattern.rsplit(".", 1)[0] for pattern in left_out if not pattern.endswith("**")}
    for handler in logging.logging.getLogger(logging.NAMESPACE).handlers:
        if isinstance(handler, logging.WarningStreamHandler):
            for old in [f for f in handler.filters if isinstance(f, _LeftOutPages)]:
                handler.removeFilter(old)
            handler.addFilter(_LeftOutPages(docnames))


def _check_page(app: Sphinx, path: Path, relative: str) -> list[str]:
    """Problems with one page; the patterns to leave it out of the build."""
    stem = relative.rsplit(".", 1)[0]
    parts = stem.split("/")
    if not all(KEBAB.match(part) for part in parts):
        suggestion = "/".join(
            re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") or "page" for part in parts
        )
        warn(
            KbWarning.FILE_NAME,
            "the file name '%s' is not lower case with hyphens; rename it, for "
            "example to '%s.%s', and use that name in the contents list",
            relative,
            suggestion,
            relative.rsplit(".", 1)[1],
            location=f"{path}:{1}",
        )
        return [relative]
    if stem in GENERATED:
        warn(
            KbWarning.FILE_NAME,
            "a page may not be called '%s': the site writes a page of that name "
            "itself, and one of the two would be lost; choose another name",
            stem,
            location=f"{path}:{1}",
        )
        return [relative]
    data = path.read_bytes()
    if b"\0" in data:
        warn(
            KbWarning.ENCODING,
            "'%s' is a binary file, not a page; pages are Markdown text, so keep "
            "pictures and other files out of the page's name ending in '.md'",
            relative,
            location=f"{path}:{1}",
        )
        return [relative]
    try:
        text = data.decode(app.config.source_encoding)
    except UnicodeDecodeError as error:
        warn(
            KbWarning.ENCODING,
            "this line is not UTF-8 text (byte 0x%02x); save the file as UTF-8 in your editor",
            data[error.start],
            location=f"{path}:{_first_bad_line(data, error)}",
        )
        return [relative]
    depth, line = nesting_depth(text)
    if depth > app.config.kb_max_nesting:
        warn(
            KbWarning.NESTING,
            "lists or quotes are nested %d levels deep here, more than the %d "
            "a page may nest (deeper levels would be lost); use fewer levels, or headings",
            depth,
            app.config.kb_max_nesting,
            location=f"{path}:{line}",
        )
        return [relative]
    if len(data) > app.config.kb_max_page_kb * 1024:
        warn(
            KbWarning.SIZE,
            "the page is %d kB, more than the %d kB a page may be; split it into "
            "pages of one topic each",
            len(data) // 1024,
            app.config.kb_max_page_kb,
            location=f"{path}:{1}",
        )
    return []


class _SvgReader:
    """What an SVG file does besides show a picture, with the line of each."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self._parser = expat.ParserCreate()
        self._in_style = False
        self._parser.StartElementHandler = self._element
        self._parser.EndElementHandler = self._end
        self._parser.CharacterDataHandler = self._text
        self._parser.StartDoctypeDeclHandler = self._doctype
        self._parser.ProcessingInstructionHandler = self._instruction

    def read(self, data: bytes) -> list[tuple[int, str]]:
        try:
            self._parser.Parse(data, True)
        except expat.ExpatError as error:
            self.problems.append(
                (
                    error.lineno,
                    f"is not well-formed XML ({expat.ErrorString(error.code)}), so browsers and "
                    "e-readers would not show it; compare the line with the lines around it",
                )
            )
        return self.problems

    def _problem(self, text: str, line: int | None = None) -> None:
        self.problems.append((line or self._parser.CurrentLineNumber, text))

    def _element(self, name: str, attributes: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag in SVG_CODE:
            self._problem(
                f"has a <{tag}> element, code that would run where the picture opens; remove it"
            )
        elif tag == "foreignObject":
            self._problem(
                "has a <foreignObject> element, a web page inside the picture; draw it with "
                "SVG shapes and <text> instead"
            )
        elif tag in SVG_MOTION:
            self._problem(
                f"has an animation element, <{tag}>, which moves the picture; the book promises "
                "readers no animation, so draw it still"
            )
        self._in_style = tag == "style"
        for attribute, value in attributes.items():
            local = attribute.rpartition(":")[2].lower()
            if attribute.startswith("xmlns"):
                continue  # a namespace's name, never fetched
            if local.startswith("on"):
                self._problem(
                    f"has the attribute '{attribute}', code that would run where the picture "
                    "opens; remove it"
                )
            elif local in ("href", "src") and not value.strip().startswith("#"):
                self._outside(value, f"<{tag} {attribute}>")
            else:
                self._css(value, f"<{tag} {attribute}>")

    def _end(self, name: str) -> None:
        self._in_style = False

    def _text(self, text: str) -> None:
        if self._in_style:
            self._css(text, "<style>")

    def _css(self, text: str, where: str) -> None:
        # A <style> element's text may span lines: each address gets its own.
        first = self._parser.CurrentLineNumber
        for found in CSS_ADDRESS.finditer(text):
            line = first + text.count("\n", 0, found.start())
            if found["imported"] is not None:
                self._outside(found["imported"], f"an @import in {where}", line)
            elif not found["address"].startswith("#"):
                self._outside(found["address"], f"url() in {where}", line)

    def _outside(self, address: str, where: str, line: int | None = None) -> None:
        self._problem(
            f"refers to '{address[:60]}' in {where}; a picture may refer only to its own parts "
            "('#name'), so put what it shows in the file itself",
            line,
        )

    def _doctype(self, *declaration: object) -> None:
        self._problem(
            "has a <!DOCTYPE> declaration, whose entities can pull other files into the "
            "picture; delete it: an SVG needs none"
        )

    def _instruction(self, target: str, data: str) -> None:
        if target == "xml-stylesheet":
            self._problem(
                "loads a stylesheet with <?xml-stylesheet?>; put the styles in the picture itself"
            )


def _svg_refused(path: Path) -> bool:
    """Warn about each thing an SVG does besides show a picture; is there any?"""
    problems = _SvgReader().read(path.read_bytes())
    for line, problem in problems:
        warn(KbWarning.SVG, "the picture %s", problem, location=f"{path}:{line}")
    return bool(problems)


def _refused_pictures(app: Sphinx) -> set[Path]:
    """The SVG files refused before reading; the processes of a parallel read
    are forked after it, and inherit the set."""
    refused: set[Path] = app.__dict__.setdefault("kb_refused_pictures", set())
    return refused


def leave_out_refused_pictures(app: Sphinx, doctree: nodes.document) -> None:
    """A refused picture gives way to its alt text; before Sphinx collects the
    pictures to copy."""
    refused = _refused_pictures(app)
    if not refused:
        return
    docname = app.env.current_document.docname
    for image in list(doctree.findall(nodes.image)):
        path = Path(app.env.relfn2path(image["uri"], docname)[1]).resolve()
        if path in refused:
            replacement = nodes.inline("", image.get("alt", ""))
            replacement.line = node_line(image)
            image.replace_self(replacement)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("kb_max_nesting", 6, "env", types=frozenset({int}))
    app.add_config_value("kb_max_page_kb", 64, "env", types=frozenset({int}))
    # Before any other check, and before Sphinx finds the pages to read.
    app.connect("builder-inited", check_files, priority=100)
    # Before Sphinx's image collector (priority 500) lists the files to copy.
    app.connect("doctree-read", leave_out_refused_pictures, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
