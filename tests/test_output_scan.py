"""The output scan fails a build whose written pages run, load or redirect
anything the site does not, even when every input check is switched off.

``roots/test-output-scan/`` loads only the scan, not the checks on the pages
(amitriptyline_kb.guards.raw_html, amitriptyline_kb.guards.page_capabilities), and its page ``tricks.md`` tries, in
raw HTML, each thing the scan looks for.
"""

from __future__ import annotations

import pytest

from helpers import build_root, warnings_of

TRICKS = [
    "an inline <script> ('alert(document.cookie)'), not one the site writes",
    '<img src="https://tracker.example/pixel.png">, loaded from another host',
    '<a href="javascript:alert(1)">, an address that runs code or carries its own content',
    "<div onclick=...>, code that runs in the reader's browser",
    '<meta http-equiv="refresh">, which can send readers to another address',
    '<link href="https://cdn.example/style.css">, loaded from another host',
    '<video poster="//media.example/cover.jpg">, loaded from another host',
    '<object data="data:text/html,hello">, an address that runs code or carries its own content',
]


def _build(builder, make_app, rootdir, tmp_path, **overrides):
    return build_root("output-scan", make_app, rootdir, tmp_path, builder, **overrides)


@pytest.mark.parametrize(("builder", "suffix"), [("html", "html"), ("epub", "xhtml")])
def test_every_trick_in_a_written_page_is_a_warning_naming_the_file_and_its_page(
    builder, suffix, make_app, rootdir, tmp_path
):
    app = _build(builder, make_app, rootdir, tmp_path)
    found = [w for w in warnings_of(app) if "[kb.output]" in w]
    assert found == [
        f"tricks.md: WARNING: the built page tricks.{suffix} has {trick}; remove what causes "
        "it from tricks.md [kb.output]"
        for trick in TRICKS
    ]


def test_the_input_check_stops_the_same_page_first(make_app, rootdir, tmp_path):
    """With amitriptyline_kb.guards.raw_html on, the page is refused at its lines, before it is written."""
    app = _build(
        "html",
        make_app,
        rootdir,
        tmp_path,
        extensions=[
            "myst_parser",
            "amitriptyline_kb.guards.raw_html",
            "amitriptyline_kb.guards.output_scan",
        ],
    )
    located = [w for w in warnings_of(app) if w.startswith("tricks.md:") and "[kb.script]" in w]
    assert [w.split(":")[1] for w in located] == ["3", "9"]


def test_a_clean_site_passes_and_the_scan_can_be_switched_off(make_app, rootdir, tmp_path):
    app = _build("html", make_app, rootdir, tmp_path, kb_scan_output=False)
    assert not [w for w in warnings_of(app) if "[kb.output]" in w]
    clean = _build("html", make_app, rootdir, tmp_path / "again")
    assert not [w for w in warnings_of(clean) if w.startswith("clean.md")]
