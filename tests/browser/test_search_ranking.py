"""No page's keywords can push the page that answers a question out of the
results: keywords weigh less than a title, and are bounded in number.

``roots/test-search-ranking/`` has a page that answers "side effects" and a
page that lists every word of it as a keyword (16, the most a page may have).
"""

from __future__ import annotations

import pytest

from amitriptyline_kb.tools.site import serve
from helpers import build_root, search

QUERIES = ["side effects", "serious side effects", "what side effects can it cause", "side affects"]


@pytest.fixture(scope="module")
def ranking_site(module_make_app, tmp_path_factory, rootdir):
    return build_root(
        "search-ranking", module_make_app, rootdir, tmp_path_factory.mktemp("ranking")
    ).outdir


@pytest.mark.parametrize("query", QUERIES)
def test_the_page_that_answers_ranks_above_one_that_only_claims_the_words(
    ranking_site, new_page, query
):
    with serve(ranking_site) as base:
        ranked = search(new_page(), base, query)
    assert ranked and ranked[0] == "side-effects", f"{query!r}: {ranked}"
