"""Every kind of warning is named from the registry and explained in docs/testing.md.

The registry is ``amitriptyline_kb/warnings.py``; the messages the guard
rails print are in ``data/guard_rails.yaml``.
"""

from __future__ import annotations

import re

from amitriptyline_kb.tools.site import ROOT
from amitriptyline_kb.warnings import KbWarning
from helpers import data

EXPECT = data("guard_rails.yaml")


def test_docs_testing_explains_every_guard_rail():
    """Each tag a guard rail prints, and every kind in the registry, has a row
    in docs/testing.md."""
    guide = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    tags = {
        tag
        for case in EXPECT.values()
        for message in case["warnings"]
        for tag in re.findall(r"\[([\w.]+)\]$", message)
    } | {kind.tag for kind in KbWarning}
    missing = sorted(tag for tag in tags if f"`[{tag}]`" not in guide)
    assert not missing, f"docs/testing.md does not explain: {missing}"


def test_the_example_message_in_docs_testing_is_the_real_one():
    """The example, as printed in the real site (source/...), is a guard rail's message."""
    guide = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    shown = [line for line in guide.splitlines() if ": WARNING: " in line]
    messages = {m for case in EXPECT.values() for m in case["warnings"]}
    assert shown
    for line in shown:
        assert line.replace("source/", "") in messages, line


def test_every_check_names_its_warning_from_the_registry():
    """No check gives a kind of warning that the registry does not explain."""
    bare = [
        f"{path.name}:{number}"
        for path in sorted((ROOT / "amitriptyline_kb").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r'subtype="\w+"', line)
    ]
    assert not bare, (
        f"subtypes written as bare strings, not from amitriptyline_kb/warnings.py: {bare}"
    )
    assert len({kind.subtype for kind in KbWarning}) == len(KbWarning)
