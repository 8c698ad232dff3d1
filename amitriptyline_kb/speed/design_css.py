"""Serve only the part of sphinx-design's stylesheet that the pages use.

sphinx-design links one stylesheet, ``sphinx-design.min.css``, from every
page with one of its components: 55 KB (8 KB gzipped) of rules for cards,
grids, buttons, badges, icons, dropdowns and tabs in every colour. The
knowledge base uses its tab sets, so most of it is dead weight on every
tabbed page, a fifth of the 40 KB a reader page may cost (``make bench``).

So, after the pages are read and before any is written, this collects the
sphinx-design classes (``sd-*``) in the pages' doctrees and writes a copy of
the stylesheet keeping only the rules whose selectors can match them, plus
every rule that names no such class (custom properties, keyframes). That is
only safe for components whose HTML has no ``sd-*`` class their doctree
lacks: tab sets (tests/unit/test_design_css.py checks it). Others, such as
dropdowns and icons, add classes as they are written, so a site that uses
any of them keeps the whole stylesheet, and a page that starts using one
brings it back in the next build; there is nothing to configure.

The copy has the same name and sits in a folder listed after
sphinx-design's own in ``html_static_path``, so Sphinx copies it over the
full one, and the page links' ``?v=`` checksum is the copy's: a browser
fetches it again when it changes. The ePub keeps the whole stylesheet: it
is downloaded once and read offline.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import tinycss2
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from amitriptyline_kb.shared import keep_per_page, per_page

STYLESHEET = "sphinx-design.min.css"
DESIGN_CLASS = re.compile(r"\.(sd-[\w-]+)")
# Components whose classes are all in the doctree (see the docstring): the
# tab set's own classes, and its kinds of component node.
KNOWN_WHEN_READ = re.compile(r"(sd-|component:)tab-[\w-]+")
COMPONENT = "component:"
RAW_CLASS = re.compile(r"\bsd-[\w-]+")
# The website only: a reader downloads the ePub once and reads it offline,
# and making the copy costs each build a tenth of a second (``make bench``).
BUILDERS = {"html", "dirhtml"}
# The folder, inside the build's doctree folder, that holds the copy.
FOLDER = "design-css"
# Beside the copy: what it was made from (see write_subset). Sphinx does not
# copy it, as html_static_path skips names that start with a dot.
KEY_FILE = ".made-from"


def _selectors(prelude: list) -> list[list]:
    """A rule's selector list, split at its top-level commas."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _can_match(selector: str, used: set[str]) -> bool:
    return set(DESIGN_CLASS.findall(selector)) <= used


def subset(css: str, used: set[str]) -> str:
    """``css`` with only the rules that can match an element of the pages."""
    return "".join(_kept(tinycss2.parse_stylesheet(css, True, True), used))


def _kept(rules: list, used: set[str]) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [
                text
                for text in (tinycss2.serialize(s).strip() for s in _selectors(rule.prelude))
                if _can_match(text, used)
            ]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            inner = _kept(tinycss2.parse_blocks_contents(rule.content, True, True), used)
            if inner:
                prelude = tinycss2.serialize(rule.prelude).strip()
                kept.append(f"@{rule.at_keyword} {prelude}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(rule.serialize())
    return kept


def _folder(app: Sphinx) -> Path:
    return Path(app.doctreedir) / FOLDER


def add_folder(app: Sphinx) -> None:
    # After sphinx-design's builder-inited handler (priority 500) has added
    # its own static folder, so this one comes later and wins.
    if app.builder.name not in BUILDERS:
        return
    _folder(app).mkdir(parents=True, exist_ok=True)
    app.config.html_static_path.append(str(_folder(app)))


def note_classes(app: Sphinx, doctree: nodes.document) -> None:
    """Note what of sphinx-design a page uses: its classes and its components.

    A component's own classes may sit in attributes other than ``classes``
    (a dropdown's ``container_classes``), in raw HTML, or only in the HTML
    that a node type of sphinx-design's own writes (an icon); so those count
    too, and so does the kind each component node names in
    ``design_component``.
    """
    used: set[str] = set()
    for node in doctree.findall(nodes.Element):
        for name, value in node.attributes.items():
            if name.endswith("classes") and isinstance(value, list):
                used.update(item for item in value if item.startswith("sd-"))
        if component := node.get("design_component"):
            used.add(f"{COMPONENT}{component}")
        if isinstance(node, nodes.raw):
            used.update(RAW_CLASS.findall(node.astext()))
        if type(node).__module__.startswith("sphinx_design"):
            # A node of its own, such as an icon, whose HTML it writes itself.
            used.add(f"{COMPONENT}{type(node).__name__}")
    per_page(app.env, "kb_design_classes")[app.env.docname] = used


def write_subset(app: Sphinx, env: BuildEnvironment) -> None:
    if app.builder.name not in BUILDERS:
        return
    full = _design_stylesheet(app)
    if full is None:
        return
    used = set().union(*per_page(env, "kb_design_classes").values())
    text = full.read_text(encoding="utf-8")
    # Parsing the stylesheet takes longer than a one-page rebuild should
    # spend on it, so the copy is made again only when the stylesheet or the
    # classes the pages use have changed.
    key = hashlib.sha256("\n".join([text, *sorted(used)]).encode("utf-8")).hexdigest()
    target, key_file = _folder(app) / STYLESHEET, _folder(app) / KEY_FILE
    if target.exists() and key_file.exists() and key_file.read_text(encoding="utf-8") == key:
        return
    if all(KNOWN_WHEN_READ.fullmatch(name) for name in used):
        text = subset(text, {name for name in used if not name.startswith(COMPONENT)})
    target.write_text(text, encoding="utf-8")
    key_file.write_text(key, encoding="utf-8")


def _design_stylesheet(app: Sphinx) -> Path | None:
    for entry in app.config.html_static_path:
        candidate = Path(app.confdir, entry) / STYLESHEET
        if candidate.is_file() and candidate.parent != _folder(app):
            return candidate
    return None


def setup(app: Sphinx) -> dict[str, Any]:
    keep_per_page(app, "kb_design_classes")
    app.connect("builder-inited", add_folder, priority=600)
    app.connect("doctree-read", note_classes)
    app.connect("env-updated", write_subset)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
