"""The reader queries of ``data/search_queries.yaml``, which the search is
tested with in Chromium (browser/test_search.py), are enough, each once, and
each names a page that exists."""

from __future__ import annotations

from helpers import data

EXPECT = data("search_queries.yaml")
QUERIES = EXPECT["queries"]


def test_the_query_file_has_enough_queries_for_real_pages(reader_pages):
    assert len(QUERIES) >= EXPECT["min_queries"], (
        f"{len(QUERIES)} queries; the search needs at least {EXPECT['min_queries']}"
    )
    unknown = [q["query"] for q in QUERIES if q["page"] not in reader_pages]
    assert not unknown, f"queries whose page does not exist (renamed?): {unknown}"
    repeated = {q["query"] for q in QUERIES if [p["query"] for p in QUERIES].count(q["query"]) > 1}
    assert not repeated, f"queries listed twice: {sorted(repeated)}"
