"""Urgent-help callouts say their tier in words, name their numbers as phone
links, and are labelled regions; every page links to the emergency guidance
(amitriptyline_kb/pages/urgent_help.py).

The tiny project ``roots/test-urgent-help/`` has callouts of two tiers and a
"Get help now" target page; its mistakes are in ``data/guard_rails.yaml``.
The real site's callouts are checked in site/test_emergency_guidance.py.
"""

from __future__ import annotations

import pytest

from helpers import build_root, soup_of


@pytest.fixture
def built(make_app, rootdir, tmp_path):
    return build_root("urgent-help", make_app, rootdir, tmp_path)


def test_a_callout_is_a_region_named_by_its_tier_in_words(built):
    page = soup_of(built.outdir / "index.html")
    callouts = page.select("section.kb-urgent")
    assert [c["class"][-1] for c in callouts] == ["kb-urgent-emergency", "kb-urgent-pharmacist"]
    for callout in callouts:
        title = page.find(id=callout["aria-labelledby"])
        assert title is not None and title in callout.descendants
    titles = [page.find(id=c["aria-labelledby"]).get_text() for c in callouts]
    assert titles == ["Emergency: call an ambulance", "Not urgent: speak to a pharmacist"]


def test_a_callout_keeps_the_list_and_adds_the_tier_action_with_phone_links(built):
    emergency = soup_of(built.outdir / "index.html").select_one("section.kb-urgent-emergency")
    assert [li.get_text(" ", strip=True) for li in emergency.select("li")] == ["you took too much"]
    assert {a["href"] for a in emergency.select('a[href^="tel:"]')} == {"tel:999", "tel:911"}
    # The action's citation resolves to the bibliography.
    assert emergency.select_one(".kb-urgent-action a[href*='#id']") is not None


def test_every_page_but_its_target_links_to_get_help_now(built):
    for name in ("index", "mistakes"):
        link = soup_of(built.outdir / f"{name}.html").select_one(".kb-get-help a")
        assert link is not None and link["href"] == "help.html", name
    assert soup_of(built.outdir / "help.html").select_one(".kb-get-help") is None


def test_a_broken_callout_still_shows_its_list(built):
    """An unknown tier is a warning, but the reader's list is never dropped."""
    page = soup_of(built.outdir / "mistakes.html")
    assert "you feel faint" in page.get_text()
