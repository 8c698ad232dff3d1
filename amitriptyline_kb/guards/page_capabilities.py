"""Limit what a page can do to what the site needs: an allow-list, not a block-list.

A pull request that changes only Markdown is reviewed by clinical reviewers,
who read the words, not Sphinx's features. Many of those features are safe in
a software manual and dangerous here: ``literalinclude`` publishes a file of
the build machine, ``raw`` and ``meta`` change what a reader's browser runs or
where it goes, ``csv-table :url:`` fetches text after review, an image from
another host tracks readers, and a ``myst:`` front-matter key switches syntax
off for one page. So a page may use only what is listed in ``conf.py``:

- ``kb_allowed_directives``: each directive with the options it may take;
- ``kb_allowed_roles``: the roles (``{term}``, ``{doc}``, ``{cite:p}`` ...);
- ``kb_allowed_front_matter``: the front-matter keys the site defines;
- ``kb_link_schemes``: where a link may go (``https:``, ``mailto:``, ``tel:``
  ... or a relative address); every link, in pages and in references.bib;
- pictures come from a file inside ``source/``, after symlinks are resolved.

Anything else is a warning at the file and line that says what to write
instead, and the build (``-W``) fails. A refused directive or picture is left
out of the page as well, so even a build without ``-W`` never runs it, copies
its file or fetches from its address. Directives and roles are checked where
Sphinx looks them up by name (its ``sphinx_domains`` dispatcher), so one
registered by any extension, or reached through ``{eval-rst}``, is covered.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from sphinx.application import Sphinx
from sphinx.util.docutils import sphinx_domains

from amitriptyline_kb.shared import node_line
from amitriptyline_kb.warnings import KbWarning, warn

# What to write instead of a refused directive or role, where there is a
# better answer than "use one of the allowed ones".
INSTEAD = {
    "include": "copy the text into the page",
    "literalinclude": "copy the text into the page",
    "raw": "write it in Markdown",
    "meta": "put the page's description in its front matter",
    "csv-table": "write the table as a {list-table}",
    "code-block": "write plain sentences: pages for readers hold no code",
    "code": "write plain sentences: pages for readers hold no code",
    "button-link": "write a Markdown link: [words](address)",
    "button-ref": "write a Markdown link: [words](page.md)",
    "card": "write a heading and a paragraph",
    "download": "link to the page that holds the information instead",
    "eval-rst": "write Markdown",
}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)---[ \t]*(\n|\Z)", re.DOTALL)
TOP_LEVEL_KEY = re.compile(r"^(?P<key>[^\s#:][^:]*?)\s*:")
EVAL_RST = re.compile(r"^[ \t]*(`{3,}|~{3,}|:{3,})[ \t]*\{eval-rst\}", re.MULTILINE)
BIB_URL = re.compile(
    r"^\s*(url|howpublished)\s*=\s*[{\"]\s*(\\url\{)?(?P<url>[^}\"\s]+)",
    re.MULTILINE | re.IGNORECASE,
)


def _allowed(env, name: str):
    return getattr(env.config, name, None) if env is not None else None


def _listing(names) -> str:
    return ", ".join(sorted(names))


# -- Directives and roles, at the lookup ------------------------------------------


class _AnyOption(dict):
    """An option spec that takes any option, so a refused directive reports
    itself rather than docutils reporting its options first."""

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str):
        return directives.unchanged


def _refused_directive(name: str, allowed: dict) -> type[Directive]:
    class Refused(Directive):
        has_content = True
        optional_arguments = 100
        final_argument_whitespace = True
        option_spec = _AnyOption()

        def run(self) -> list[nodes.Node]:
            env = self.state.document.settings.env
            instead = INSTEAD.get(name, "a page may use only " + _listing(allowed))
            warn(
                KbWarning.DIRECTIVE,
                "the directive '%s' is not allowed in a page; %s",
                name,
                instead,
                location=(env.docname, self.lineno),
            )
            return []

    return Refused


_checked: dict[tuple[type, frozenset], type] = {}


def _with_checked_options(cls: type, name: str, options: frozenset) -> type:
    if (cls, options) not in _checked:

        class Checked(cls):
            def run(self) -> list[nodes.Node]:
                extra = sorted(set(self.options) - options)
                if extra:
                    env = self.state.document.settings.env
                    warn(
                        KbWarning.DIRECTIVE,
                        "the option ':%s:' is not allowed on {%s}; %s",
                        extra[0],
                        name,
                        f"it may take only {_listing(f':{o}:' for o in options)}"
                        if options
                        else "it takes no options",
                        location=(env.docname, self.lineno),
                    )
                    return []
                return super().run()

        Checked.__name__ = cls.__name__
        _checked[(cls, options)] = Checked
    return _checked[(cls, options)]


def _refused_role(name: str, allowed) -> Any:
    def refused(role, rawtext, text, lineno, inliner, options=None, content=None):
        env = inliner.document.settings.env
        instead = INSTEAD.get(
            name, "a page may use only " + _listing("{" + r + "}" for r in allowed)
        )
        warn(
            KbWarning.ROLE,
            "the role '{%s}' is not allowed in a page; %s",
            name,
            instead,
            location=(env.docname, lineno),
        )
        # The words stay in the page, as plain text.
        return [nodes.Text(text)], []

    return refused


_lookup_directive = sphinx_domains.directive
_lookup_role = sphinx_domains.role


def _directive(self, directive_name, language_module, document):
    found, messages = _lookup_directive(self, directive_name, language_module, document)
    allowed = _allowed(self.domains.standard_domain.env, "kb_allowed_directives")
    name = directive_name.lower()
    if not allowed or found is None:
        # Not limited here, or unknown: MyST reports an unknown directive.
        return found, messages
    if name not in allowed:
        return _refused_directive(name, allowed), messages
    return _with_checked_options(found, name, frozenset(allowed[name])), messages


def _role(self, role_name, language_module, lineno, reporter):
    found, messages = _lookup_role(self, role_name, language_module, lineno, reporter)
    allowed = _allowed(self.domains.standard_domain.env, "kb_allowed_roles")
    name = role_name.lower()
    if not allowed or found is None or name in allowed:
        return found, messages
    return _refused_role(name, allowed), messages


# Deliberate: docutils asks sphinx_domains for every directive and role name.
sphinx_domains.directive = _directive  # type: ignore[method-assign]
sphinx_domains.role = _role  # type: ignore[method-assign]


# -- Front matter, and reStructuredText blocks, before the page is parsed -----------


def check_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """Refuse unknown front-matter keys and {eval-rst}; neutralise them too."""
    allowed = set(app.config.kb_allowed_front_matter)
    text = source[0]
    match = FRONT_MATTER.match(text)
    if match and allowed:
        lines = match["body"].split("\n")
        refusing = False
        for number, line in enumerate(lines):
            key = TOP_LEVEL_KEY.match(line)
            if key:
                refusing = key["key"].strip() not in allowed
                if refusing:
                    warn(
                        KbWarning.FRONT_MATTER,
                        "the front-matter key '%s' is not one a page may set; a page sets only %s",
                        key["key"].strip(),
                        _listing(allowed),
                        location=(docname, number + 2),
                    )
            elif line[:1] not in (" ", "\t", "-") or not line.strip():
                refusing = False
            if refusing:
                # A comment keeps the line numbers of the rest of the page.
                lines[number] = "#"
        text = "---\n" + "\n".join(lines) + text[match.end("body") :]
    for found in EVAL_RST.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        warn(
            KbWarning.DIRECTIVE,
            "a {eval-rst} block is not allowed in a page; %s",
            INSTEAD["eval-rst"],
            location=(docname, line),
        )
    source[0] = EVAL_RST.sub(lambda m: m[0].replace("{eval-rst}", "text"), text)


# -- Links and pictures, in the doctree ----------------------------------------------


def _scheme_refused(app: Sphinx, uri: str) -> bool:
    scheme = urlsplit(uri).scheme.lower()
    # A Windows-style "c:" is not a scheme a link may use either.
    return bool(scheme) and scheme not in app.config.kb_link_schemes


def check_pictures(app: Sphinx, doctree: nodes.document) -> None:
    """Keep only pictures that are files inside source/; before Sphinx collects them."""
    docname = app.env.current_document.docname
    source_dir = Path(app.srcdir).resolve()
    for image in list(doctree.findall(nodes.image)):
        uri = image["uri"]
        problem = None
        if uri.startswith("//") or urlsplit(uri).scheme in ("http", "https"):
            problem = (
                "a picture must be a file in source/, not loaded from '%s' (which "
                "tells that host who reads the page); save it in the page's folder"
            )
        elif urlsplit(uri).scheme:
            problem = (
                "a picture must be a file in source/, not '%.40s'; save it as a file "
                "in the page's folder"
            )
        else:
            path = Path(app.env.relfn2path(uri, docname)[1]).resolve()
            if not path.is_relative_to(source_dir):
                problem = (
                    "the picture '%s' is outside source/; only files inside source/ "
                    "are published: put the picture in the page's folder"
                )
        if problem:
            warn(KbWarning.PATH, problem, uri, location=(docname, node_line(image)))
            image.replace_self(nodes.inline("", image.get("alt", "")))


def check_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Every link goes to an allowed scheme or a relative address (last check)."""
    for node in doctree.findall(nodes.Element):
        if not isinstance(node, (nodes.reference, nodes.target)):
            continue
        uri = node.get("refuri", "")
        if uri and _scheme_refused(app, uri):
            warn(
                KbWarning.LINK,
                "the link '%s' uses '%s:', which a page may not link to; links go to %s "
                "addresses, or to a page of this site",
                uri[:60],
                urlsplit(uri).scheme,
                _listing(f"{s}:" for s in app.config.kb_link_schemes),
                location=(docname, node_line(node)),
            )
            node["refuri"] = "#"


def check_bibliography(app: Sphinx) -> None:
    """A source's address in references.bib is a web address (http: or https:)."""
    for name in getattr(app.config, "bibtex_bibfiles", []):
        # sphinxcontrib-bibtex reads the file from the source folder; conf.py
        # here names it from the configuration folder, as its other paths.
        path = next(
            (p for p in (Path(app.confdir, name), Path(app.srcdir, name)) if p.is_file()), None
        )
        if path is None:
            continue  # sphinxcontrib-bibtex reports a missing file itself
        text = path.read_text(encoding="utf-8")
        for found in BIB_URL.finditer(text):
            if urlsplit(found["url"]).scheme.lower() not in ("http", "https"):
                warn(
                    KbWarning.LINK,
                    "the address '%s' is not a web address; a source's url starts with https://",
                    found["url"][:60],
                    location=f"{path}:{text.count(chr(10), 0, found.start()) + 1}",
                )


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("kb_allowed_directives", {}, "env", types=frozenset({dict}))
    app.add_config_value("kb_allowed_roles", [], "env", types=frozenset({list}))
    app.add_config_value("kb_allowed_front_matter", [], "env", types=frozenset({list}))
    app.add_config_value(
        "kb_link_schemes", ["https", "http", "mailto", "tel"], "env", types=frozenset({list})
    )
    app.connect("source-read", check_source)
    # Before Sphinx's image collector (priority 500) lists the files to copy.
    app.connect("doctree-read", check_pictures, priority=400)
    app.connect("doctree-resolved", check_links)
    app.connect("builder-inited", check_bibliography)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
