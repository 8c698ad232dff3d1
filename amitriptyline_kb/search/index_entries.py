"""Keep every page's index entries in the search index of a repeated build.

The search page ranks a page whose index entries (``{index}`` directives,
glossary terms, ``keywords:``) hold the query above one that merely mentions
it. Sphinx 9.0 loses the index entries of every page it does not rewrite when
it builds into a folder that already holds a build (sphinx-doc/sphinx#12599:
they are gathered while pages are written, after the environment was saved,
and never read back). A second ``make html``, or ``make serve`` after a save,
would then search differently from the fresh build that readers get, and a
contributor checking a query locally would be misled.

Before the search index is written, this extension sets each page's entries
again from Sphinx's index domain, which keeps them between builds and fills
the site's index page. Remove it once Sphinx fixes the issue:
tests/unit/test_search_words.py checks that a repeated build keeps the entries.

A build cut short while it wrote pages leaves pages but no search index.
The next build would rewrite only the pages it lacks, index only those, and
crash on the others' entries (or, without this extension, publish a search
that has lost them). So when the written pages have no readable search
index beside them, every page is read and written again.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.search import js_index
from sphinx.util.index_entries import split_index_msg


def _search_entries(entries: list[tuple]) -> list[tuple[str, str, str]]:
    """Index entries as the search index holds them; as IndexBuilder.feed does."""
    found: set[tuple[str, str, str]] = set()
    for entry_type, value, target_id, main, _category_key in entries:
        try:
            words = split_index_msg(entry_type, value)
        except ValueError:
            continue  # Sphinx has already warned about it.
        target_id = target_id or ""
        if entry_type in {"see", "seealso"}:
            found.add((words[0], target_id, main))
        found |= {(word, target_id, main) for word in words}
    return sorted(found)


def restore_index_entries(app: Sphinx) -> list:
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:
        return []
    domain_entries = app.env.domains.index_domain.entries
    # In the order of a fresh build, so a repeated build writes the same file.
    for docname in sorted(app.env.all_docs):
        if docname not in indexer._titles:
            continue  # not in this index: it has no place to hold entries
        fed = set(indexer._index_entries.pop(docname, ()))
        found = _search_entries(domain_entries.get(docname, []))
        indexer._index_entries[docname] = sorted(fed | set(found))
    # An html-collect-pages handler: it runs just before the search index is
    # written, and adds no page.
    return []


def _index_is_readable(path: Path) -> bool:
    try:
        js_index.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return True


def reread_after_an_interrupted_build(
    app: Sphinx, env: BuildEnvironment, added: set, changed: set, removed: set
) -> list[str]:
    if getattr(app.builder, "searchindex_filename", None) is None:
        return []
    outdir = Path(app.outdir)
    written = any(outdir.glob("*.html"))
    if not written or _index_is_readable(outdir / StandaloneHTMLBuilder.searchindex_filename):
        return []
    return sorted(env.found_docs - added - changed)


def setup(app: Sphinx) -> dict:
    app.connect("env-get-outdated", reread_after_an_interrupted_build)
    app.connect("html-collect-pages", restore_index_entries)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
