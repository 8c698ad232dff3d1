"""The words every page shows come from source/_data/page-text.yaml, where
clinical reviewers see them; a missing entry is a located warning."""

from __future__ import annotations

import yaml

from helpers import SOURCE, copy_root, warnings_of

PAGE_TEXT = yaml.safe_load((SOURCE / "_data" / "page-text.yaml").read_text(encoding="utf-8"))


def test_every_page_shows_the_words_of_the_data_file(site, reader_pages):
    label = PAGE_TEXT["disclaimer"]["label"].strip()
    get_help = PAGE_TEXT["get help"]["link"]
    for docname in reader_pages:
        page = site.html(docname)
        disclaimer = page.select_one(".kb-disclaimer")
        assert disclaimer is not None and disclaimer.get_text().startswith(label), docname
        if docname != "safety/get-help-now":
            assert page.select_one(".kb-get-help a").get_text(strip=True) == get_help, docname
    assert site.html("404").find("h1").get_text(strip=True) == PAGE_TEXT["not found"]["title"]


def test_a_missing_entry_is_a_located_warning(make_app, rootdir, tmp_path):
    srcdir = copy_root(rootdir, "review-dates", tmp_path)
    text = dict(PAGE_TEXT)
    del text["review line"]
    (srcdir / "page-text.yaml").write_text(yaml.safe_dump(text), encoding="utf-8")
    app = make_app("html", srcdir=srcdir, confoverrides={"kb_reader_text": "page-text.yaml"})
    app.build()
    assert (
        "page-text.yaml:1: WARNING: the reader text 'review line' is missing; add it to "
        "page-text.yaml [kb.reader_text]"
    ) in warnings_of(app)
