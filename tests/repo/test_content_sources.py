"""The key facts of ``data/key_facts.yaml`` cover every section of the content
brief, and each safety fact's sources are in source/references.bib and cited
on its page, in the Markdown a clinical reviewer reads.

That the built pages say each fact: site/test_content.py.
"""

from __future__ import annotations

import re

import pytest

from amitriptyline_kb.tools.site import SOURCE
from helpers import data

FACTS = data("key_facts.yaml")


def test_every_brief_section_has_facts():
    numbers = {
        section["section"].split(".")[0] for section in FACTS if section["section"][0].isdigit()
    }
    assert numbers == {str(n) for n in range(1, 15)}, (
        f"key_facts.yaml should cover sections 1 to 14 of the brief; it covers {sorted(numbers)}"
    )


SOURCED = [section for section in FACTS if "sources" in section]
BIB_KEYS = set(
    re.findall(
        r"^@\w+\{([^,]+),",
        (SOURCE / "references.bib").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
)


def cited_keys(docname: str) -> set[str]:
    """The keys a page cites with {cite:p}, in its Markdown source."""
    text = (SOURCE / f"{docname}.md").read_text(encoding="utf-8")
    return {
        key.strip()
        for group in re.findall(r"\{cite:p\}`([^`]+)`", text)
        for key in group.split(",")
    }


@pytest.mark.parametrize("section", SOURCED, ids=[s["section"] for s in SOURCED])
def test_the_sources_of_the_safety_facts_are_listed_and_cited_on_their_page(section):
    assert set(section["sources"]) <= BIB_KEYS, (
        f"not in references.bib: {sorted(set(section['sources']) - BIB_KEYS)}"
    )
    missing = set(section["sources"]) - cited_keys(section["page"])
    assert not missing, f"{section['page']} does not cite {sorted(missing)}"


def test_there_are_safety_facts_with_their_sources():
    assert len(SOURCED) >= 10
