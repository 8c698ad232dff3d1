"""Each tier of urgent help in source/_data/urgent-help.yaml says its tier in
words, so a reader who cannot tell colours apart knows how urgent it is."""

from __future__ import annotations

from helpers import source_data

TIERS = source_data("urgent-help.yaml")


def test_each_tier_in_the_data_file_says_its_tier_in_words():
    assert set(TIERS) == {"pharmacist", "urgent", "emergency"}
    assert TIERS["pharmacist"]["title"].startswith("Not urgent")
    assert TIERS["urgent"]["title"].startswith("Urgent")
    assert TIERS["emergency"]["title"].startswith("Emergency")
