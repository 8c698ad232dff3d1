"""A translated page behind its English page says so (amitriptyline_kb/pages/translation_notice.py).

The tiny Spanish edition ``roots/test-translation/`` has a page translated in
full and a page with one entry translated, one fuzzy and one missing. The
expected words are the site's own Spanish reader text,
``source/_data/es/page-text.yaml``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from amitriptyline_kb.guards.readability import reading_ease_es
from helpers import build_root, copy_root, source_data, squash, warnings_of

NOTICE = source_data("es/page-text.yaml")["translation notice"]


@pytest.fixture(scope="module")
def edition(module_make_app, rootdir, tmp_path_factory):
    return build_root("translation", module_make_app, rootdir, tmp_path_factory.mktemp("es"))


def page(app, docname: str) -> BeautifulSoup:
    return BeautifulSoup(
        (app.outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser"
    )


def test_the_edition_builds_without_warnings(edition):
    assert warnings_of(edition) == []


def test_the_edition_takes_its_options_from_its_edition_file(edition):
    assert "Edición de prueba" in page(edition, "index").title.get_text()


def test_a_page_translated_in_full_is_in_spanish_with_no_notice(edition):
    html = page(edition, "index")
    assert html.html["lang"] == "es"
    assert "La amitriptilina puede aliviar el dolor de los nervios" in html.get_text()
    assert html.select(".kb-translation-notice") == []
    assert html.select("[lang=en]") == []


def test_a_page_with_a_fuzzy_and_a_missing_entry_shows_the_notice_under_its_title(edition):
    html = page(edition, "behind")
    notice = html.select_one(".kb-translation-notice")
    assert notice is not None
    assert squash(notice.get_text()) == squash(f"{NOTICE['text']} {NOTICE['link']}")
    # Right under the title, before the page's own words.
    assert notice.find_previous_sibling("h1") is not None
    assert (
        notice.find_previous("p") is None
        or "Esta frase" not in notice.find_previous("p").get_text()
    )
    # The English page: the edition is a folder of the English site.
    assert notice.a["href"] == "../behind.html"


def test_a_fuzzy_entry_shows_the_english_sentence_not_the_old_translation(edition):
    html = page(edition, "behind")
    text = html.get_text()
    assert "Esta frase tiene traducción." in text
    assert "This sentence changed after it was translated." in text
    assert "Esta frase es la traducción antigua." not in text


def test_the_english_sentences_are_marked_as_english_for_screen_readers(edition):
    english = {
        " ".join(node.get_text().split()) for node in page(edition, "behind").select("p[lang=en]")
    }
    assert english == {
        "This sentence changed after it was translated.",
        "This sentence is new.",
    }


def test_the_build_log_names_each_page_behind_and_the_line_of_each_fuzzy_entry(edition):
    log = edition.status.getvalue()
    # The title and three sentences; the title and one sentence are translated.
    assert "behind: 2 of 4 messages translated" in log
    # The fuzzy entry's msgid is on line 16 of behind.po.
    assert "behind.po:16: fuzzy: This sentence changed after it was translated." in log
    assert "index:" not in log.split("behind their English pages:")[-1]


def test_sphinx_intl_marks_a_changed_english_sentence_fuzzy_and_the_page_gets_the_notice(
    module_make_app, rootdir, tmp_path
):
    srcdir = copy_root(rootdir, "translation", tmp_path)
    index = srcdir / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace(
            "It does not repair damaged nerves.", "It does not repair nerves that are damaged."
        ),
        encoding="utf-8",
    )
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [bin_dir / "sphinx-build", "-q", "-b", "gettext", srcdir, srcdir / "_build" / "gettext"],
        check=True,
    )
    subprocess.run(
        [
            bin_dir / "sphinx-intl",
            "update",
            "-p",
            srcdir / "_build" / "gettext",
            "-d",
            srcdir / "locales",
            "-l",
            "es",
        ],
        check=True,
        capture_output=True,
    )
    with (srcdir / "locales" / "es" / "LC_MESSAGES" / "index.po").open(encoding="utf-8") as file:
        messages = {message.id: message for message in read_po(file) if message.id}
    changed = messages["It does not repair nerves that are damaged."]
    assert changed.fuzzy
    # The old translation stays, for the translator to update.
    assert changed.string == "No repara los nervios dañados."
    app = module_make_app("html", srcdir=srcdir)
    app.build()
    html = page(app, "index")
    assert html.select_one(".kb-translation-notice") is not None
    assert "It does not repair nerves that are damaged." in html.get_text()


def test_spanish_pages_are_measured_with_a_spanish_formula():
    plain = (
        "La amitriptilina es un medicamento con receta. Puede aliviar el dolor de los nervios. "
        "No repara los nervios dañados. Tómela una vez al día, por la noche."
    )
    dense = (
        "La administración concomitante de antidepresivos tricíclicos con inhibidores de la "
        "monoaminooxidasa está contraindicada debido a la posibilidad de interacciones "
        "farmacodinámicas potencialmente mortales, especialmente en pacientes polimedicados."
    )
    # 65 is the start of "bastante fácil" on the INFLESZ scale (conf.py).
    assert reading_ease_es(plain) >= 65 > reading_ease_es(dense)
