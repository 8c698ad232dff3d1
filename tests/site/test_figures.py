"""The figures: each is on its page in the website and the ePub, says what it
shows in its alt text, cites its sources in its caption, and is a small SVG
file that carries its own title and description and runs, loads and moves
nothing.

Every ``<figure>`` of every reader page is checked, in both books; the
figures the pages must have, and what some must say, are in
``data/figures.yaml``.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from helpers import data, main_element, source_data

EXPECT = data("figures.yaml")
SVG = "{http://www.w3.org/2000/svg}"
BOOKS = {"html": ".html", "epub": ".xhtml"}
EXPECTED = [(page, name) for page, names in EXPECT["pages"].items() for name in names]
# Fonts a picture may name: the reader's own, never one it loads.
GENERIC_FONTS = {"serif", "sans-serif", "monospace", "system-ui", "cursive", "fantasy"}
# Anything in CSS that names another file or address, in an attribute or a <style>.
CSS_ADDRESS = re.compile(r"""url\(\s*['"]?([^'")\s]*)|@import|@font-face""")
PHONE_NUMBER = re.compile(r"\d{3}")


def _said(text: str) -> str:
    return " ".join(text.split()).lower()


def _figures(site, reader_pages, book: str) -> list[tuple[str, object]]:
    return [
        (docname, figure)
        for docname in reader_pages
        for figure in main_element(getattr(site, book)(docname)).select("figure")
    ]


def _picture_file(site, book: str, docname: str, figure) -> Path:
    folder = site.html_dir if book == "html" else site.epub_dir
    return (folder / docname).parent / figure.img["src"]


def _svg_text(path: Path) -> str:
    root = ElementTree.parse(path).getroot()
    return _said(" ".join("".join(text.itertext()) for text in root.iter(f"{SVG}text")))


@pytest.mark.parametrize("book", BOOKS)
@pytest.mark.parametrize(("docname", "name"), EXPECTED)
def test_each_figure_is_on_its_page(site, book, docname, name):
    figures = main_element(getattr(site, book)(docname)).select("figure")
    sources = [Path(figure.img["src"]).name for figure in figures if figure.img]
    assert name in sources, f"{docname}{BOOKS[book]} has no figure of {name}: {sources}"
    assert not main_element(getattr(site, book)(docname)).select("h1 + figure"), (
        f"a figure of {docname} is right under the title; put it in the section it illustrates"
    )


@pytest.mark.parametrize("book", BOOKS)
def test_every_figure_says_what_it_shows_and_cites_its_sources(site, reader_pages, book):
    figures = _figures(site, reader_pages, book)
    assert len(figures) >= len(EXPECTED)
    wrong = []
    for docname, figure in figures:
        image, caption = figure.img, figure.figcaption
        if image is None or len(image.get("alt", "").split()) < 5:
            wrong.append(f"{docname}: a figure whose alt text does not say what it shows")
        elif caption is None or not caption.select('a[href*="references"]'):
            wrong.append(f"{docname}: the caption of {image['src']} cites no source")
        elif not _picture_file(site, book, docname, figure).is_file():
            wrong.append(f"{docname}: {image['src']} is not in the {book}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("book", BOOKS)
def test_every_figure_is_a_small_svg_with_a_title_and_a_description(site, reader_pages, book):
    for docname, figure in _figures(site, reader_pages, book):
        path = _picture_file(site, book, docname, figure)
        assert path.suffix == ".svg", f"{docname}: {path.name} is not an SVG"
        assert path.stat().st_size <= EXPECT["max_kb"] * 1024, f"{path.name} is too large"
        root = ElementTree.parse(path).getroot()
        assert root.tag == f"{SVG}svg", path.name
        for part in ("title", "desc"):
            element = root.find(f"{SVG}{part}")
            assert element is not None and element.text and element.text.strip(), (
                f"{path.name} has no <{part}>"
            )


@pytest.mark.parametrize("book", BOOKS)
def test_no_figure_runs_loads_or_moves_anything(site, reader_pages, book):
    problems = []
    for docname, figure in _figures(site, reader_pages, book):
        path = _picture_file(site, book, docname, figure)
        for element in ElementTree.parse(path).getroot().iter():
            tag = element.tag.rpartition("}")[2]
            if tag in {"script", "foreignObject", "animate", "set", "animateMotion"}:
                problems.append(f"{path.name}: <{tag}>")
            texts = list(element.attrib.items())
            if tag == "style":
                texts.append(("style", element.text or ""))
            for attribute, value in texts:
                local = attribute.rpartition("}")[2]
                if local.startswith("on"):
                    problems.append(f"{path.name}: {local}=")
                if local in {"href", "src"} and not value.startswith("#"):
                    problems.append(f"{path.name}: {local}={value!r}")
                for found in CSS_ADDRESS.finditer(value):
                    if not (found[1] or "").startswith("#"):
                        problems.append(f"{path.name}: {found[0]!r}")
                if local == "font-family":
                    named = {font.strip().strip("'\"") for font in value.split(",")}
                    if not named <= GENERIC_FONTS:
                        problems.append(f"{path.name}: the font {value!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("docname", "name"), EXPECTED)
def test_a_picture_and_its_caption_keep_the_pages_hedges(site, docname, name):
    says = EXPECT["says"].get(name, {})
    figure = next(
        figure
        for figure in main_element(site.html(docname)).select("figure")
        if figure.img and Path(figure.img["src"]).name == name
    )
    said = {
        "picture": _svg_text(_picture_file(site, "html", docname, figure)),
        "caption": _said(figure.figcaption.get_text(" ")),
    }
    missing = [
        f"the {part} of {name} does not say {phrase!r}"
        for part, phrases in says.items()
        for phrase in phrases
        if phrase not in said[part]
    ]
    assert not missing, "\n".join(missing)


def test_the_picture_of_the_levels_of_help_names_each_tier_and_no_number(site):
    docname = next(page for page, names in EXPECT["pages"].items() if EXPECT["tiers"] in names)
    picture = _svg_text(site.html_dir / "_images" / EXPECT["tiers"])
    for tier, words in source_data("urgent-help.yaml").items():
        assert _said(words["title"]) in picture, f"{EXPECT['tiers']} lacks the {tier} title"
    assert not PHONE_NUMBER.search(picture), f"{EXPECT['tiers']} shows a phone number"
    # The numbers stay where a phone can call them: in the page's own text.
    assert main_element(site.html(docname)).select('a[href="tel:999"]')
