"""The real site's index A to Z: reachable from every page, and every link in
it named by the title of the page it leads to (no "[1]", no "Symbols")."""

from __future__ import annotations

import re

from helpers import reader_docnames


def page_titles(site) -> dict[str, str]:
    """Each reader page's title, as its own HTML shows it in <h1>."""
    titles = {}
    for name in reader_docnames():
        heading = site.html(name).select_one("article h1")
        titles[f"{name}.html"] = " ".join(heading.get_text(" ").replace("¶", "").split())
    return titles


def test_every_page_links_to_the_index(site, reader_pages):
    missing = [
        name
        for name in [*reader_pages, "search"]
        if not site.html(name).select_one("a.kb-index-link")
    ]
    assert not missing, f"no link to the index A to Z on {missing}"
    href = site.html("safety/side-effects").select_one("a.kb-index-link")["href"]
    assert href == "../genindex.html"


def test_every_link_of_the_index_says_which_page_it_leads_to(site):
    titles = page_titles(site)
    index = site.html("genindex")
    links = index.select("ul.kb-index a")
    assert len(links) > 100
    wrong = [
        (a.get_text(), a["href"])
        for a in links
        if titles.get(a["href"].split("#")[0]) != " ".join(a.get_text().split())
    ]
    assert not wrong, wrong[:5]


def test_the_index_has_no_symbols_and_no_numbered_links(site):
    for index in (site.html("genindex"), site.epub("genindex")):
        letters = [h2.get_text() for h2 in index.select("section.genindex-section h2")]
        assert letters and all(re.fullmatch(r"[A-Z]", letter) for letter in letters), letters
        assert not [a for a in index.select("a") if re.fullmatch(r"\[\d+\]", a.get_text().strip())]
        words = [w.get_text() for w in index.select(".kb-index-word")]
        assert all(re.search(r"[A-Za-z]", word) for word in words)
