"""The words every page shows come from a data file
(amitriptyline_kb/pages/reader_text.py); a missing entry is a located warning.

The entry is taken out of a copy of the real file, source/_data/page-text.yaml,
so the test follows the file as clinical reviewers change it.
"""

from __future__ import annotations

import yaml

from helpers import copy_root, source_data, warnings_of

PAGE_TEXT = source_data("page-text.yaml")


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
