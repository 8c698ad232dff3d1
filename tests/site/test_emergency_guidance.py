"""The emergency guidance names every number readers may need as a phone
link, and every reader page links to it, in the HTML and the ePub."""

from __future__ import annotations

import pytest

from amitriptyline_kb.tools.site import configuration
from helpers import EMERGENCY_NUMBERS, main_element

# Besides: the crisis lines 988 (US), 116 123 (Samaritans) and NHS 111.
CRISIS_NUMBERS = {"tel:988", "tel:116123", "tel:111"}
HELP_PAGE = configuration()["kb_urgent_help_page"]


@pytest.mark.parametrize("book", ["html", "epub"])
def test_the_emergency_guidance_names_every_emergency_number_as_a_phone_link(site, book):
    page = main_element(getattr(site, book)(HELP_PAGE))
    emergency = page.select_one("section.kb-urgent-emergency")
    assert emergency is not None, f"{HELP_PAGE} has no emergency callout in the {book}"
    assert EMERGENCY_NUMBERS <= {a["href"] for a in emergency.select('a[href^="tel:"]')}
    crisis = {a["href"] for a in page.select('a[href^="tel:"]')}
    assert CRISIS_NUMBERS <= crisis


@pytest.mark.parametrize("book", ["html", "epub"])
def test_every_reader_page_links_to_get_help_now(site, reader_pages, book):
    missing = []
    for docname in reader_pages:
        if docname == HELP_PAGE:
            continue
        link = getattr(site, book)(docname).select_one(".kb-get-help a")
        if link is None or not link["href"].split("#")[0].endswith(
            "get-help-now." + ("html" if book == "html" else "xhtml")
        ):
            missing.append(docname)
    assert not missing, f"pages without a working 'Get help now' link in the {book}: {missing}"
