"""The output scan fails a build whose written pages run, load or redirect
anything the site does not, even when every input check is switched off.

``roots/test-output-scan/`` loads only the scan, not the checks on the pages
(amitriptyline_kb.guards.raw_html, amitriptyline_kb.guards.page_capabilities),
and its page ``tricks.md`` tries, in raw HTML, each thing the scan looks for:
the message for each, in the HTML and the ePub, is a case of
``data/guard_rails.yaml``.
"""

from __future__ import annotations

from helpers import build_root, warnings_of


def _build(make_app, rootdir, tmp_path, **overrides):
    return build_root("output-scan", make_app, rootdir, tmp_path, **overrides)


def test_the_input_check_stops_the_same_page_first(make_app, rootdir, tmp_path):
    """With amitriptyline_kb.guards.raw_html on, the page is refused at its
    lines, before it is written."""
    app = _build(
        make_app,
        rootdir,
        tmp_path,
        extensions=[
            "myst_parser",
            "amitriptyline_kb.guards.raw_html",
            "amitriptyline_kb.guards.output_scan",
        ],
    )
    located = [w for w in warnings_of(app, "kb.script") if w.startswith("tricks.md:")]
    assert [w.split(":")[1] for w in located] == ["3", "9"]


def test_a_clean_site_passes_and_the_scan_can_be_switched_off(make_app, rootdir, tmp_path):
    app = _build(make_app, rootdir, tmp_path, kb_scan_output=False)
    assert not warnings_of(app, "kb.output")
    clean = _build(make_app, rootdir, tmp_path / "again")
    assert not [w for w in warnings_of(clean) if w.startswith("clean.md")]
