"""The Spanish edition: every page, in Spanish, linked to its English page.

Built by ``make html`` into ``es/`` of the English site, from the catalogues
in ``locales/es/LC_MESSAGES/`` (amitriptyline_kb/pages/editions.py and
translation_notice.py; docs/translating.md).
"""

from __future__ import annotations

import re
import zipfile
from urllib.parse import urljoin, urlsplit

import pytest
from babel.messages.pofile import read_po

from amitriptyline_kb.tools.site import ROOT, configuration
from helpers import EMERGENCY_NUMBERS, EPUB_NAME_ES, main_text, sitemap_addresses, source_data

SITE_URL = configuration()["SITE_URL"]
CATALOGUES = ROOT / "locales" / "es" / "LC_MESSAGES"
PAGE_TEXT = source_data("es/page-text.yaml")
EDITION = source_data("es/edition.yaml")
# Words that are English and not Spanish; a Spanish page's own text has none
# of them (names of sources, such as "Health Service Executive", are in the
# bibliography, which is not the page's own text).
ENGLISH_WORDS = re.compile(r"\b(the|and|with|your|you|what|which|should)\b", re.IGNORECASE)


def test_both_editions_built_without_a_warning(site):
    assert "WARNING" not in site.stderr, site.stderr[-3000:]


def test_every_english_page_has_a_spanish_page_in_spanish(site, reader_pages):
    for docname in reader_pages:
        page = site.html_es(docname)
        assert page.html["lang"] == "es", docname


def test_every_catalogue_is_translated_in_full_with_nothing_fuzzy():
    """The closing state of the edition; a page behind would show the notice."""
    problems = []
    for path in sorted(CATALOGUES.rglob("*.po")):
        with path.open(encoding="utf-8") as file:
            for message in read_po(file):
                if message.id and (not message.string or message.fuzzy):
                    problems.append(
                        f"{path.relative_to(ROOT)}:{message.lineno}: {str(message.id)[:50]}"
                    )
    assert not problems, "\n".join(problems)


def test_a_page_shows_the_notice_exactly_when_part_of_it_is_still_english(site, reader_pages):
    for docname in reader_pages:
        page = site.html_es(docname)
        english = page.select("article [lang=en]")
        notice = page.select("article .kb-translation-notice")
        assert bool(english) == bool(notice), (
            f"{docname}: {len(english)} English parts, notice {bool(notice)}"
        )


def test_the_pages_own_text_is_spanish(site, reader_pages):
    for docname in reader_pages:
        page = site.html_es(docname)
        for citation in page.select("article .citation, article [role=doc-bibliography]"):
            citation.decompose()
        text = main_text(page)
        english = ENGLISH_WORDS.findall(text)
        # A few: names of services ("Suicide & Crisis Lifeline") keep their words.
        assert len(english) <= 3, f"{docname}: English words {english[:10]}"


def test_each_page_links_to_the_same_page_in_the_other_language(site, reader_pages):
    for docname in reader_pages:
        english, spanish = site.html(docname), site.html_es(docname)
        to_spanish = english.select_one("nav.kb-language a[hreflang=es]")
        to_english = spanish.select_one("nav.kb-language a[hreflang=en]")
        assert to_spanish is not None and to_english is not None, docname
        assert to_spanish.get_text(strip=True) == "Español"
        assert to_english.get_text(strip=True) == "English"
        here = site.html_dir / f"{docname}.html"
        assert (here.parent / to_spanish["href"]).resolve() == (
            site.es_html_dir / f"{docname}.html"
        ).resolve()
        there = site.es_html_dir / f"{docname}.html"
        assert (there.parent / to_english["href"]).resolve() == here.resolve()


def test_each_page_lists_both_languages_with_hreflang(site, reader_pages):
    for docname in reader_pages:
        for page in (site.html(docname), site.html_es(docname)):
            links = {
                link["hreflang"]: link["href"]
                for link in page.select("link[rel=alternate][hreflang]")
            }
            assert links == {
                "en": urljoin(SITE_URL, f"{docname}.html"),
                "es": urljoin(SITE_URL, f"es/{docname}.html"),
                "x-default": urljoin(SITE_URL, f"{docname}.html"),
            }, docname


def test_the_404_pages_link_to_each_languages_home(site):
    prefix = urlsplit(SITE_URL).path
    english = site.html("404").select_one("nav.kb-language a")
    spanish = site.html_es("404").select_one("nav.kb-language a")
    assert english["href"] == f"{prefix}es/index.html"
    assert spanish["href"] == f"{prefix}index.html"
    assert PAGE_TEXT["not found"]["title"] in site.html_es("404").get_text()
    # Its links lead into the Spanish edition.
    starts = [a["href"] for a in site.html_es("404").select("article ul a")]
    assert starts and all(href.startswith(f"{prefix}es/") for href in starts)


def test_the_sitemaps_list_each_edition_and_robots_txt_names_both(site, reader_pages):
    english = sitemap_addresses((site.html_dir / "sitemap.xml").read_bytes())
    spanish = sitemap_addresses((site.es_html_dir / "sitemap.xml").read_bytes())
    for docname in reader_pages:
        assert urljoin(SITE_URL, f"{docname}.html") in english
        assert urljoin(SITE_URL, f"es/{docname}.html") in spanish
    robots = (site.html_dir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {urljoin(SITE_URL, 'sitemap.xml')}" in robots
    assert f"Sitemap: {urljoin(SITE_URL, 'es/sitemap.xml')}" in robots


def test_the_reader_text_around_the_pages_is_spanish(site):
    page = site.html_es("safety/side-effects")
    text = " ".join(page.get_text().split())
    assert " ".join(PAGE_TEXT["disclaimer"]["text"].split()) in text
    assert PAGE_TEXT["get help"]["link"] in text
    assert PAGE_TEXT["key facts"]["title"] in text
    # The review line, with Spanish month names.
    assert re.search(
        r"\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de 20\d\d",
        text,
    )
    assert page.title.get_text().endswith(EDITION["html_title"])


def test_the_urgent_help_callouts_keep_every_emergency_number(site):
    page = site.html_es("safety/get-help-now")
    numbers = {a["href"] for a in page.select("article a[href^='tel:']")}
    assert EMERGENCY_NUMBERS <= numbers
    tiers = source_data("es/urgent-help.yaml")
    titles = {" ".join(t.get_text().split()) for t in page.select(".kb-urgent-title")}
    assert {tier["title"] for tier in tiers.values()} <= titles


def test_the_glossary_terms_are_spanish_and_its_links_reach_them(site):
    glossary = site.html_es("glossary")
    terms = {
        dt.get("id"): " ".join(dt.get_text().split()) for dt in glossary.select("dl.glossary dt")
    }
    assert terms.get("term-nerve-pain", "").startswith("dolor de los nervios")
    page = site.html_es("amitriptyline/index")
    links = page.select("article a[href*='glossary.html#term-']")
    assert links
    for link in links:
        assert link["href"].split("#")[1] in terms


def test_the_figures_are_the_spanish_pictures(site):
    page = site.html_es("amitriptyline/what-to-expect")
    sources = [img["src"] for img in page.select("article img")]
    assert sources and all(src.endswith(".es.svg") for src in sources)
    for src in sources:
        svg = (site.es_html_dir / "amitriptyline" / src).read_text(encoding="utf-8")
        assert "semana" in svg.lower()


def test_the_spanish_search_index_uses_spanish_stemming(site):
    index = (site.es_html_dir / "searchindex.js").read_text(encoding="utf-8")
    # The Spanish stemmer's stem of "efectos secundarios".
    assert '"secundari"' in index
    script = (site.es_html_dir / "_static" / "documentation_options.js").read_text(encoding="utf-8")
    assert "LANGUAGE: 'es'" in script


def test_the_spanish_book_is_its_own(site):
    assert site.es_epub_file.exists()
    with zipfile.ZipFile(site.es_epub_file) as book:
        opf = book.read("content.opf").decode("utf-8")
    assert "<dc:language>es</dc:language>" in opf
    assert f"<dc:title>{EDITION['project']}</dc:title>" in opf
    assert " ".join(EDITION["kb_epub_accessibility"]["summary"].split())[:60] in " ".join(
        opf.split()
    )
    assert (site.es_html_dir / EPUB_NAME_ES).exists()


@pytest.mark.parametrize("docname", ["safety/taking-too-much", "safety/get-help-now"])
def test_the_safety_pages_keep_their_emergency_numbers(site, docname):
    english = {a["href"] for a in site.html(docname).select("article a[href^='tel:']")}
    spanish = {a["href"] for a in site.html_es(docname).select("article a[href^='tel:']")}
    assert english == spanish


def test_the_tab_sets_keep_their_tabs_and_sync_with_spanish_labels(site, reader_pages):
    """Each page's tab sets have the English tabs, in order, with the same sync
    keys (so choosing a medicine on one page chooses it on the next), and
    labels in Spanish."""
    checked = 0
    for docname in reader_pages:
        english = site.html(docname).select("article label.sd-tab-label")
        spanish = site.html_es(docname).select("article label.sd-tab-label")
        keys = [(label.get("data-sync-group"), label.get("data-sync-id")) for label in english]
        assert [
            (label.get("data-sync-group"), label.get("data-sync-id")) for label in spanish
        ] == keys
        for en, es in zip(english, spanish, strict=True):
            # A name (TENS, Amitriptyline) may be the same in both languages.
            if len(en.get_text(strip=True).split()) > 1:
                assert en.get_text(strip=True) != es.get_text(strip=True), (
                    f"{docname}: {en.get_text()}"
                )
        checked += len(spanish)
    assert checked >= 6
