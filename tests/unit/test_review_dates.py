"""A page with good review dates shows them (amitriptyline_kb/pages/review_dates.py).

The messages for bad dates are a case of ``data/guard_rails.yaml``; the real
site's pages are checked in site/test_page_footer.py.
"""

from __future__ import annotations

import pytest


@pytest.mark.sphinx("html", testroot="review-dates")
def test_a_page_with_good_dates_shows_them(app):
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Page last reviewed: 24 November 2026 · Next review due: 24 November 2027" in html
