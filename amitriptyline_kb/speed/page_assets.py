"""Load a stylesheet or script only on the pages that use it.

Sphinx and sphinx-design link their files from every page: ``pygments.css``
(colours for highlighted code), ``sphinx-design.min.css`` and
``design-tabs.js`` (tab sets and other components). On a page with no code
and no tab set they are dead weight, about 13 KB of the 40 KB gzipped that a
reader page may cost (``make bench`` measures it; docs/maintaining.md). A
reader on a slow phone connection waits for every one of them before the
page shows.

So, for the website only, each page's list of files is checked against its
own body while the page is written: a file stays if the body has what the
file is for. The files themselves are still written to ``_static/``, so a
page that needs them links them as before. The ePub is left as it is: it is
read offline, and its pages are its chapters.
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx

from amitriptyline_kb.shared import is_website

# Linked file -> what a page's body holds when it needs that file.
NEEDED_FOR = {
    "pygments.css": re.compile(r'class="highlight'),
    "sphinx-design.min.css": re.compile(r'class="[^"]*\bsd-'),
    "design-tabs.js": re.compile(r'class="[^"]*\bsd-tab-set'),
}


def _unused(filename: str, body: str) -> bool:
    pattern = NEEDED_FOR.get(filename.rsplit("/", 1)[-1])
    return pattern is not None and not pattern.search(body)


def drop_unused_files(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree
) -> None:
    if not is_website(app):
        return
    body = context.get("body", "")
    # Sphinx resets both lists for every page, so this changes this page only.
    for key in ("css_files", "script_files"):
        files = context.get(key)
        if isinstance(files, list):
            files[:] = [f for f in files if not _unused(getattr(f, "filename", str(f)), body)]


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", drop_unused_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
