"""The words of the page for an address that does not exist (404.html).

sphinx-notfound-page writes the page from ``notfound_context``. Its words
are reader text, in ``source/_data/page-text.yaml`` ("not found"), so the
page is built from them once the configuration is read: in a translated
build, from that edition's copy of the file. Its links are absolute paths
under the site's own path (``notfound_urls_prefix``), because the host
serves the page for a missing address at any depth.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from amitriptyline_kb.pages.reader_text import reader_data, setup_reader_text
from amitriptyline_kb.warnings import KbWarning, warn


def build_context(app: Sphinx, config: Config) -> None:
    path = Path(config.kb_reader_text)
    words = (reader_data(config) or {}).get("not found")
    keys = ("title", "sorry", "search label", "search button", "start from", "pages")
    if not isinstance(words, dict) or any(key not in words for key in keys):
        warn(
            KbWarning.READER_TEXT,
            "the reader text 'not found' needs %s; add them to %s",
            ", ".join(f"'{key}'" for key in keys),
            path.name,
            location=f"{path}:1",
        )
        return
    prefix = config.notfound_urls_prefix
    start_pages = "\n".join(
        f'  <li><a href="{prefix}{page}.html">{escape(title)}</a></li>'
        for page, title in words["pages"].items()
    )
    config.notfound_context = {
        "title": words["title"],
        "body": f"""
<h1>{escape(words["title"])}</h1>
<p>{escape(" ".join(words["sorry"].split()))}</p>
<form class="kb-notfound-search" action="{prefix}search.html" method="get">
  <label for="kb-notfound-query">{escape(words["search label"])}</label>
  <input id="kb-notfound-query" type="search" name="q">
  <button type="submit">{escape(words["search button"])}</button>
</form>
<p>{escape(words["start from"])}</p>
<ul>
{start_pages}
</ul>
""",
    }


def setup(app: Sphinx) -> dict:
    setup_reader_text(app)
    # After the reader text's path is resolved (100) and the edition's
    # address is set (editions, 50).
    app.connect("config-inited", build_context, priority=150)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
