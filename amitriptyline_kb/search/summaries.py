"""Give each search result the text of the section it links to, from the build.

Under each result, Sphinx's search shows a few lines of the page: it fetches
the whole page and cuts the text around the last query word it finds. That
showed the wrong section (the text about how long the medicine takes to work
under "side effects"), one request per result, and nothing at all when the
site is opened from disk, where a page may not fetch another file.

So this extension writes, once per build, the first words of every place a
result can link to: each section (its own text, not its sub-sections'), each
index entry's target (the text that follows it) and each glossary term (its
meaning). ``_static/search-answers.js`` shows that text under the result, for
the anchor the result links to, and fetches nothing. Only the search page
loads the file (``_static/search-summaries.js``), as a script, so it works
from disk too::

    window.KB_SEARCH_SUMMARIES = {"safety/side-effects": [
      ["Like all medicines, amitriptyline can ...", "Keep taking the medicine, ..."],
      {"": 0, "what-side-effects-can-amitriptyline-cause": 0, "index-1": 1, ...}]};

each page's texts once, and for each anchor the number of its text; "" is
the top of the page. Text added to every page (disclaimer, review
line, "Get help now"), the "Key facts" box (a summary of the sections, not a
section's own words), titles and citation numbers are left out. The file has
a limit, ``kb_max_search_summaries_kb``, as the search index has one: the
search page loads both before it can answer.

Pages are summed up as they are written, after their references are resolved
(so a link reads as the reader sees it). A build writes only the pages that
changed; the others keep their summaries from the file the last build wrote.
When written pages have no readable file beside them (a build cut short, or
the first build with this extension), every page is read and written again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from amitriptyline_kb.shared import ON_EVERY_PAGE, ancestors, is_website
from amitriptyline_kb.warnings import KbWarning, warn

SEARCH_PAGE = "search"
FILE = "search-summaries.js"
PREFIX = "window.KB_SEARCH_SUMMARIES = "
SUFFIX = ";\n"
# The summaries of the pages written in this build, by page, on the app.
WRITTEN = "kb_search_summaries"

# Not a section's own words: added to every page, the part of an urgent-help
# callout that comes from its data file, and the key-facts box.
NOT_OWN_CLASSES = {ON_EVERY_PAGE, "kb-urgent-action", "kb-key-facts", "bibtex-citation"}
NOT_OWN_NODES = (
    nodes.section,
    nodes.title,
    addnodes.toctree,
    addnodes.index,
    nodes.comment,
    nodes.system_message,
    nodes.raw,
    nodes.image,
)
# Elements that start a new block of text: a space goes between them.
BLOCKS = (nodes.Body, nodes.Part)
# A space before closing punctuation is left where a citation was taken out.
SPACE_BEFORE_PUNCTUATION = re.compile(r" ([.,;:!?)])")


def _is_own(node: nodes.Node) -> bool:
    if isinstance(node, NOT_OWN_NODES):
        return False
    if isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cite":
        return False
    return not (isinstance(node, nodes.Element) and NOT_OWN_CLASSES & set(node.get("classes", [])))


def _pieces(node: nodes.Node, start: nodes.Node | None = None) -> Iterator[str]:
    """The words under ``node`` that are its own, in reading order; with
    ``start``, only those from ``start`` on."""
    started = start is None
    stack: list[nodes.Node] = list(reversed(node.children))
    while stack:
        child = stack.pop()
        if child is start:
            started = True
        if not _is_own(child):
            continue
        if isinstance(child, nodes.Text):
            if started:
                yield child.astext()
            continue
        if isinstance(child, BLOCKS):
            yield " "
        stack.extend(reversed(child.children))


def _words(pieces: Iterator[str], limit: int) -> str:
    """The first ``limit`` words, with "…" when there are more."""
    text = ""
    for piece in pieces:
        text += piece
        # One word more than the limit: the last may still be growing.
        if len(text.split()) > limit + 1:
            break
    words = text.split()
    text = " ".join(words[:limit]) + (" …" if len(words) > limit else "")
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)


def _contains(ancestor: nodes.Node, node: nodes.Node) -> bool:
    return any(parent is ancestor for parent in ancestors(node))


def _section_of(node: nodes.Node) -> nodes.section | None:
    while node is not None and not isinstance(node, nodes.section):
        node = node.parent
    return node


def page_summaries(doctree: nodes.document, limit: int) -> dict[str, str]:
    """Each anchor a search result can link to, and the first ``limit`` words
    of what it links to; "" is the top of the page."""
    summaries: dict[str, str] = {}
    sections = list(doctree.findall(nodes.section))
    for number, section in enumerate(sections):
        text = _words(_pieces(section), limit)
        # A heading with only sub-sections under it: the first one's words.
        for below in section.findall(nodes.section, include_self=False):
            if text:
                break
            text = _words(_pieces(below), limit)
        for anchor in section["ids"]:
            summaries.setdefault(anchor, text)
        if number == 0:
            summaries[""] = text
    # Before the index entries, which point at the terms too.
    for term in doctree.findall(nodes.term):
        definition = term.parent.next_node(nodes.definition) if term.parent else None
        if definition is None:
            continue
        meaning = _words(_pieces(definition), limit)
        name = _words(_pieces(term), limit)
        for anchor in term["ids"]:
            summaries.setdefault(anchor, f"{name}: {meaning}")
    for index in doctree.findall(addnodes.index):
        for entry in index["entries"]:
            anchor = entry[2]
            target = doctree.ids.get(anchor)
            if not anchor or anchor in summaries or target is None:
                continue
            around = _section_of(target)
            if around is None:
                continue
            # The entry's target sits in a paragraph or before it: the words
            # from there on, or the section's when it is the last thing in it.
            start = next((child for child in around.children if _contains(child, target)), target)
            summaries[anchor] = _words(_pieces(around, start), limit) or summaries.get(
                around["ids"][0], ""
            )
    return {anchor: text for anchor, text in summaries.items() if text}


def collect(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_website(app):
        return
    written = app.__dict__.setdefault(WRITTEN, {})
    written[docname] = page_summaries(doctree, app.config.kb_search_summary_words)


def _output(app: Sphinx) -> Path:
    return Path(app.outdir, "_static", FILE)


def _shared(summaries: dict[str, str]) -> list:
    """A page's summaries as the file holds them: each text once (the index
    entries at the top of a section have the section's), and each anchor
    with the number of its text."""
    texts: dict[str, int] = {}
    anchors = {anchor: texts.setdefault(text, len(texts)) for anchor, text in summaries.items()}
    return [list(texts), anchors]


def read_summaries(path: Path) -> dict[str, list] | None:
    """The summaries a build wrote to ``path``; None when there is none to read."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    if not (text.startswith(PREFIX) and text.endswith(SUFFIX)):
        return None
    try:
        data = json.loads(text[len(PREFIX) : -len(SUFFIX)])
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def write_summaries(app: Sphinx) -> list:
    """Write the summaries of every page: this build's, and the last build's
    for the pages it did not write. An html-collect-pages handler: it runs
    after every page is written and before the search page is."""
    if not is_website(app):
        return []
    path = _output(app)
    summaries = read_summaries(path) or {}
    written = app.__dict__.pop(WRITTEN, {})
    summaries.update({docname: _shared(page) for docname, page in written.items()})
    # In page order, so that the same pages give the same file.
    summaries = {doc: summaries[doc] for doc in sorted(summaries) if doc in app.env.all_docs}
    # Not ASCII-escaped, as it is smaller; the two line separators JSON allows
    # in a string and older browsers' JavaScript does not are.
    data = json.dumps(summaries, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PREFIX + data + SUFFIX, encoding="utf-8")
    size = path.stat().st_size
    if size > app.config.kb_max_search_summaries_kb * 1024:
        warn(
            KbWarning.SIZE,
            "the search summaries are %d kB, more than the %d kB a reader's phone should "
            "download before it can show results; lower kb_search_summary_words in conf.py, "
            "or look for a page with too many sections or index entries",
            -(-size // 1024),
            app.config.kb_max_search_summaries_kb,
            location=f"{path}:1",
        )
    return []


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if pagename == SEARCH_PAGE and is_website(app):
        # Deferred, as search-answers.js is, and before it: both have run
        # when Sphinx starts the search of the address's query.
        app.add_js_file(FILE, loading_method="defer", priority=400)


def reread_without_summaries(
    app: Sphinx, env: BuildEnvironment, added: set, changed: set, removed: set
) -> list[str]:
    if not is_website(app):
        return []
    written = any(Path(app.outdir).glob("*.html"))
    if not written or read_summaries(_output(app)) is not None:
        return []
    return sorted(env.found_docs - added - changed)


def setup(app: Sphinx) -> dict:
    app.add_config_value("kb_search_summary_words", 25, "html", types=frozenset({int}))
    app.add_config_value("kb_max_search_summaries_kb", 256, "html", types=frozenset({int}))
    app.connect("doctree-resolved", collect)
    app.connect("html-collect-pages", write_summaries)
    app.connect("html-page-context", add_script)
    app.connect("env-get-outdated", reread_without_summaries)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
