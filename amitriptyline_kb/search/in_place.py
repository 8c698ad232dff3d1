"""Run a search submitted on the search page in place, without a page load.

Readers often search again from the results of their first search. The
search form is a plain GET form, so each new query loaded search.html again:
its stylesheets, its scripts and the whole search index, before the search
could even start (most of the wait, measured by ``make bench``). On the
search page, ``_static/search-in-place.js`` catches the submit, puts the
query in the address with ``history.pushState`` (shareable; Back returns to
the last query), and runs the search again with the index the page already
has. It is progressive: without JavaScript, and from every other page, the
form loads the search page as before. Only the search page loads the script.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from amitriptyline_kb.shared import add_static_files

STATIC_DIR = Path(__file__).with_name("static")

SEARCH_PAGE = "search"
SCRIPT = "search-in-place.js"


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if pagename == SEARCH_PAGE:
        # Deferred: it runs once the page has loaded searchtools.js, and before
        # Sphinx starts the search of the address's query.
        app.add_js_file(SCRIPT, loading_method="defer")


def setup(app: Sphinx) -> dict:
    add_static_files(app, STATIC_DIR, builders=("html",))
    app.connect("html-page-context", add_script)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
