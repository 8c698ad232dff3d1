"""Scan every page the build wrote, as the last line of defence.

The checks on the pages (amitriptyline_kb/guards/page_capabilities.py, amitriptyline_kb/guards/raw_html.py) stop a
contributor's page from running code, loading from other hosts or sending
readers away. A gap in them, a new extension or a theme update could still
let something through, and the output is what readers get. So after each
HTML or ePub build, every written page is read back and any of these fails
the build, naming the written file and the page it came from:

- a ``<script>`` that is not the site's own: a file under the output folder,
  or one of the few inline scripts the theme and the search page write;
- an event-handler attribute (``onclick=`` ...);
- a ``javascript:``, ``vbscript:`` or ``data:`` address in any attribute;
- ``<meta http-equiv>`` (a refresh sends readers elsewhere), other than the
  content type;
- anything loaded from another host: ``src``, ``srcset``, ``poster``,
  ``data``, or the ``href`` of a ``<link>`` that loads (a stylesheet, an
  icon, a preload).

It reads the written files, not the doctree, on purpose: it must see what
every extension and template added.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sphinx.application import Sphinx

from amitriptyline_kb.warnings import KbWarning, warn

PAGES = {"html": ".html", "epub": ".xhtml"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "srcset",
    "poster",
    "data",
    "action",
    "formaction",
    "xlink:href",
    "cite",
    "background",
    "ping",
}
LOADED = {"src", "srcset", "poster", "data", "background"}
# <link rel=...> values that make the browser fetch the address.
LOADING_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "shortcut",
    "dns-prefetch",
    "preconnect",
}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
# The inline scripts the site itself writes: furo's theme switch, and the
# search page's words (amitriptyline_kb/search/synonyms.py, JSON with "<" escaped).
OWN_INLINE = (
    re.compile(
        r'\s*document\.body\.dataset\.theme = localStorage\.getItem\("theme"\) \|\| "auto";\s*'
    ),
    re.compile(r"\s*window\.KB_SEARCH_WORDS = \{[^<]*\};\s*"),
)


class _Page(HTMLParser):
    """Collects what a written page loads and runs."""

    def __init__(self, path: Path, outdir: Path, site_path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path, self.outdir, self.site_path = path, outdir, site_path
        self.problems: list[str] = []
        self._inline: list[str] | None = None

    def _offsite(self, value: str) -> bool:
        for address in value.split(","):
            address = address.strip().split(" ")[0]
            parts = urlsplit(address)
            if parts.netloc or address.startswith("//"):
                return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>, code that runs in the reader's browser")
            squeezed = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
            if name in URL_ATTRIBUTES and squeezed.startswith(BAD_SCHEMES):
                self.problems.append(
                    f'<{tag} {name}="{value[:40]}">, an address that runs '
                    "code or carries its own content"
                )
            if name in LOADED and self._offsite(value):
                self.problems.append(f'<{tag} {name}="{value[:60]}">, loaded from another host')
        loads = LOADING_RELS & set(values.get("rel", "").lower().split())
        if tag == "link" and loads and self._offsite(values.get("href", "")):
            self.problems.append(f'<link href="{values["href"][:60]}">, loaded from another host')
        equiv = values.get("http-equiv")
        if tag == "meta" and equiv is not None and equiv.lower() != "content-type":
            self.problems.append(
                f'<meta http-equiv="{equiv}">, which can send readers to another address'
            )
        if tag == "script":
            source = values.get("src")
            if source is None:
                self._inline = []
            elif not self._own_file(source):
                self.problems.append(
                    f'<script src="{source[:60]}">, not one of the site\'s own scripts'
                )

    def handle_data(self, data: str) -> None:
        if self._inline is not None:
            self._inline.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inline is not None:
            body = "".join(self._inline)
            self._inline = None
            if body.strip() and not any(p.fullmatch(body) for p in OWN_INLINE):
                self.problems.append(
                    f"an inline <script> ('{' '.join(body.split())[:40]}'), not one the site writes"
                )

    def _own_file(self, source: str) -> bool:
        """Is ``source`` a file of the written site? The 404 page names files by
        their path on the host (``site_path``), the other pages relatively."""
        parts = urlsplit(source)
        if parts.scheme or parts.netloc:
            return False
        path = unquote(parts.path)
        if path.startswith("/"):
            if not path.startswith(self.site_path):
                return False
            target = self.outdir / path[len(self.site_path) :]
        else:
            target = self.path.parent / path
        target = target.resolve()
        return target.is_relative_to(self.outdir.resolve()) and target.is_file()


def scan_page(path: Path, outdir: Path, site_path: str = "/") -> list[str]:
    """What is wrong with one written page; empty when nothing is."""
    page = _Page(path, outdir, site_path)
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page.problems


def scan_output(app: Sphinx, exception: Exception | None) -> None:
    suffix = PAGES.get(app.builder.name)
    if exception is not None or suffix is None or not app.config.kb_scan_output:
        return
    outdir = Path(app.outdir)
    site_path = urlsplit(getattr(app.config, "html_baseurl", "") or "/").path or "/"
    site_path = site_path if site_path.endswith("/") else site_path + "/"
    for path in sorted(outdir.rglob(f"*{suffix}")):
        relative = path.relative_to(outdir).as_posix()
        docname = relative.removesuffix(suffix)
        for problem in scan_page(path, outdir, site_path):
            source = app.env.doc2path(docname) if docname in app.env.all_docs else None
            warn(
                KbWarning.OUTPUT,
                "the built page %s has %s; %s",
                relative,
                problem,
                f"remove what causes it from {Path(source).relative_to(app.confdir)}"
                if source
                else "it is not written from a page: check the templates and conf.py",
                location=(docname, None) if source else None,
            )


def setup(app: Sphinx) -> dict[str, Any]:
    # On unless a test switches it off to show what the page checks catch.
    app.add_config_value("kb_scan_output", True, "env", types=frozenset({bool}))
    app.connect("build-finished", scan_output)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
