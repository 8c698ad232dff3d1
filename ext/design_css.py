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
lacks: tab sets (tests/test_design_css.py checks it). Others, such as
dropdowns, add classes as they are written, so a site that uses any of them
keeps the whole stylesheet. The copy
has the same name and sits in a folder listed after sphinx-design's own in
``html_static_path``, so Sphinx copies it over the full one, and the page
links' ``?v=`` checksum is the copy's: a browser fetches it again when it
changes. A page that starts using another component brings that
component's rules back in the next build; there is nothing to configure.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tinycss2
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

STYLESHEET = "sphinx-design.min.css"
DESIGN_CLASS = re.compile(r"\.(sd-[\w-]+)")
# Components whose classes are all in the doctree (see the docstring).
KNOWN_WHEN_READ = re.compile(r"sd-tab-[\w-]+")
# The folder, inside the build's doctree folder, that holds the copy.
FOLDER = "design-css"


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
    if app.builder.format != "html":
        return
    _folder(app).mkdir(parents=True, exist_ok=True)
    app.config.html_static_path.append(str(_folder(app)))


def note_classes(app: Sphinx, doctree: nodes.document) -> None:
    classes = {
        name
        for node in doctree.findall(nodes.Element)
        for name in node.get("classes", [])
        if name.startswith("sd-")
    }
    app.env.kb_design_classes[app.env.docname] = classes


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    env.kb_design_classes.pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment):
    for docname in docnames:
        env.kb_design_classes[docname] = other.kb_design_classes[docname]


def init_env(app: Sphinx) -> None:
    if not hasattr(app.env, "kb_design_classes"):
        app.env.kb_design_classes = {}


def write_subset(app: Sphinx, env: BuildEnvironment) -> None:
    if app.builder.format != "html":
        return
    full = _design_stylesheet(app)
    if full is None:
        return
    used = set().union(*env.kb_design_classes.values())
    text = full.read_text(encoding="utf-8")
    if all(KNOWN_WHEN_READ.fullmatch(name) for name in used):
        text = subset(text, used)
    target = _folder(app) / STYLESHEET
    # Rewritten only when it changes, so an unchanged build copies nothing new.
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def _design_stylesheet(app: Sphinx) -> Path | None:
    for entry in app.config.html_static_path:
        candidate = Path(app.confdir, entry) / STYLESHEET
        if candidate.is_file() and candidate.parent != _folder(app):
            return candidate
    return None


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", init_env)
    app.connect("builder-inited", add_folder, priority=600)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("doctree-read", note_classes)
    app.connect("env-updated", write_subset)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
