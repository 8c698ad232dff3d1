"""The site builds cleanly, every page is reachable, and the HTML is sound."""

from __future__ import annotations

from posixpath import normpath
from urllib.parse import urlsplit

import pytest

from amitriptyline_kb.tools.site import SOURCE
from helpers import soup_of


def test_build_exits_zero_with_no_warnings(site_build):
    problems = [
        line for line in site_build.stderr.splitlines() if "WARNING" in line or "ERROR" in line
    ]
    assert site_build.returncode == 0 and not problems, (
        f"make html epub exited {site_build.returncode}; stderr:\n{site_build.stderr}"
    )


def _toctree_links(site, docname: str) -> set[str]:
    """Pages linked from the toctrees written on ``docname``."""
    page = site.html(docname)
    found = set()
    for link in page.select(".toctree-wrapper a.reference.internal"):
        path = urlsplit(link["href"]).path
        if path:
            target = normpath(f"{docname.rpartition('/')[0]}/{path}".lstrip("/"))
            found.add(target.removesuffix(".html"))
    return found


def test_every_page_is_reachable_from_the_landing_page_toctree(site, reader_pages):
    reached, queue = {"index"}, ["index"]
    while queue:
        for target in _toctree_links(site, queue.pop()) - reached:
            reached.add(target)
            queue.append(target)
    unreachable = sorted(set(reader_pages) - reached)
    assert not unreachable, (
        "pages in source/ that no toctree leads to from index.md "
        f"(add each to the toctree of its folder's index.md): {unreachable}"
    )


def test_every_aria_heading_has_a_level(site, reader_pages):
    missing = {
        docname: [
            str(tag)[:80]
            for tag in site.html(docname).select('[role="heading"]')
            if not tag.has_attr("aria-level")
        ]
        for docname in reader_pages
    }
    missing = {page: tags for page, tags in missing.items() if tags}
    assert not missing, f'role="heading" without aria-level: {missing}'


def test_the_landing_page_sidebar_caption_is_a_level_two_heading(site):
    captions = site.html("index").select("p.caption[role=heading]")
    assert captions, "expected the toctree caption in the sidebar of the landing page"
    assert {tag.get("aria-level") for tag in captions} == {"2"}


def test_tab_sets_are_real_tabs_in_html(site, reader_pages):
    pages_with_tabs = 0
    for docname in reader_pages:
        for tab_set in site.html(docname).select(".sd-tab-set"):
            pages_with_tabs += 1
            radios = tab_set.select(":scope > input[type=radio]")
            labels = tab_set.select(":scope > label.sd-tab-label")
            panels = tab_set.select(":scope > .sd-tab-content")
            assert len(radios) == len(labels) == len(panels) >= 2, (
                f"{docname}: a tab set with {len(radios)} radios, {len(labels)} labels, "
                f"{len(panels)} panels"
            )
            assert sum(radio.has_attr("checked") for radio in radios) == 1, docname
    assert pages_with_tabs, "no tab set found in the HTML: the tab checks checked nothing"


def test_build_output_is_not_in_the_source_folder(site_build):
    # After the build, which is what could write there. source/_templates/
    # holds the theme's HTML templates, which are not output.
    strays = [
        p
        for p in SOURCE.rglob("*")
        if p.suffix in {".html", ".xhtml", ".pickle"}
        and p.relative_to(SOURCE).parts[0] != "_templates"
    ]
    assert not strays, f"build output inside source/: {strays}"


@pytest.mark.parametrize(("output", "suffix"), [("html", ".html"), ("epub", ".xhtml")])
def test_glossary_terms_link_into_the_glossary(site, reader_pages, output, suffix):
    page_of = getattr(site, output)
    glossary_ids = {tag["id"] for tag in page_of("glossary").select("dt[id]")}
    checked = 0
    for docname in reader_pages:
        for term in page_of(docname).select("a:has(> .std-term)"):
            path, _, anchor = term["href"].partition("#")
            on_glossary = path.endswith(f"glossary{suffix}") or (docname == "glossary" and not path)
            assert on_glossary and anchor in glossary_ids, (
                f"{output} {docname}: term link {term.get_text()!r} points to {term['href']}"
            )
            checked += 1
    assert checked, f"no {{term}} link found in any {output} page"


def test_soup_reads_a_page_of_the_build(site):
    # Guards the helpers the other tests rely on: a real page, a real title.
    page = soup_of(site.html_dir / "index.html")
    assert page.title and page.title.get_text(strip=True)
