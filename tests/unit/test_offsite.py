"""The browser tests tell the site's own requests from those to other hosts
(amitriptyline_kb/tools/chromium.py): the site is served on 127.0.0.1 only."""

from __future__ import annotations

from amitriptyline_kb.tools.chromium import is_offsite


def test_is_offsite_tells_the_site_from_other_hosts():
    assert not is_offsite("http://127.0.0.1:8000/_static/kb.css")
    assert not is_offsite("data:image/svg+xml;base64,AAAA")
    assert is_offsite("https://cdn.jsdelivr.net/npm/tippy.js")
    assert is_offsite("http://localhost:8000/")
