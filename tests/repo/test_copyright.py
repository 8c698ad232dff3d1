"""The copyright line, in the footer of every page and the book's rights,
names one year while the site is in its first year, and a range after.

conf.py works it out from today's date when it is read; here it is read as
if in each year, with ``datetime.date.today`` standing in for the calendar.
"""

from __future__ import annotations

import datetime
import runpy

import pytest

from amitriptyline_kb.tools.site import CONF

AUTHOR = "The nerve pain knowledge base contributors"
YEARS = {2026: "2026", 2027: "2026–2027", 2031: "2026–2031"}


@pytest.mark.parametrize("year", YEARS)
def test_the_copyright_names_one_year_until_a_second_year_starts(monkeypatch, year):
    class InThatYear(datetime.date):
        @classmethod
        def today(cls):
            return cls(year, 6, 1)

    monkeypatch.setattr(datetime, "date", InThatYear)
    names = runpy.run_path(str(CONF))
    assert names["copyright"] == f"{YEARS[year]}, {AUTHOR}"
    assert names["epub_copyright"] == names["copyright"]
