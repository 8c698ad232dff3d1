"""Each common contributor mistake gives a message that names the file and line
and says how to fix it.

Each mistake is made by a tiny project in ``roots/test-<case>/``; the exact
messages are in ``data/guard_rails.yaml``. (Review dates have their own test,
test_review_dates.py.)
"""

from __future__ import annotations

import re

import pytest
import textstat
import yaml

from amitriptyline_kb.warnings import KbWarning
from helpers import DATA, ROOT, build_root, warnings_of

EXPECT = yaml.safe_load((DATA / "guard_rails.yaml").read_text(encoding="utf-8"))


def _grade(text: str) -> str:
    return f"{textstat.flesch_kincaid_grade(' '.join(text.split())):.1f}"


@pytest.mark.parametrize("case", sorted(set(EXPECT) - {"readability"}))
def test_mistake_gives_a_located_message_that_says_how_to_fix_it(case, make_app, rootdir, tmp_path):
    app = build_root(case, make_app, rootdir, tmp_path)
    assert sorted(warnings_of(app)) == sorted(EXPECT[case]["warnings"]), EXPECT[case]["mistake"]


def test_a_page_above_the_reading_grade_gives_its_grade_and_hardest_paragraph(
    make_app, rootdir, tmp_path
):
    app = build_root("readability", make_app, rootdir, tmp_path)
    # The page's words are its title and its paragraphs, one per block.
    title, *paragraphs = (rootdir / "test-readability" / "hard.md").read_text().split("\n\n")
    grades = {
        "page_grade": _grade(" ".join([title.removeprefix("# "), *paragraphs])),
        "paragraph_grade": max((_grade(p) for p in paragraphs), key=float),
    }
    expected = [message.format(**grades) for message in EXPECT["readability"]["warnings"]]
    assert warnings_of(app) == expected


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
