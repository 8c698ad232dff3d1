"""The sidebar of every page of the site marks that page as the current one.

The sidebar is rendered once per folder (amitriptyline_kb/speed/navigation_cache.py,
tested against furo's own in unit/test_navigation_cache.py) and each page's
place is marked in it afterwards: on the real site, every page must be marked.
"""

from __future__ import annotations


def test_each_page_of_the_site_is_marked_as_the_current_one(site, reader_pages):
    wrong = {}
    for docname in reader_pages:
        page = site.html(docname)
        own = page.select(".sidebar-tree li.current-page > a")
        links = [(a.get("href"), a.get_text()) for a in own]
        heading = page.select_one("article[role=main] h1")
        for permalink in heading.select("a.headerlink"):
            permalink.decompose()
        title = heading.get_text()
        if docname == "index":
            # The landing page is the root of the tree, not an entry in it.
            expected = []
        else:
            expected = [("#", title)]
        if links != expected:
            wrong[docname] = links
    assert wrong == {}
