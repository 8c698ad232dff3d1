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
tests/test_search.py checks that a repeated build keeps the entries.
"""

from __future__ import annotations

from sphinx.application import Sphinx
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
        fed = set(indexer._index_entries.pop(docname, ()))
        found = _search_entries(domain_entries.get(docname, []))
        indexer._index_entries[docname] = sorted(fed | set(found))
    # An html-collect-pages handler: it runs just before the search index is
    # written, and adds no page.
    return []


def setup(app: Sphinx) -> dict:
    app.connect("html-collect-pages", restore_index_entries)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
