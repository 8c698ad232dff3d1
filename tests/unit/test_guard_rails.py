"""Each common contributor mistake gives a message that names the file and line
and says how to fix it.

Each mistake is made by a tiny project in ``roots/test-<case>/``; the exact
messages are in ``data/guard_rails.yaml``, which says for each case the
project it builds (``root:``, when it is not the case's own name), the
builder and the settings, if other than the project's own.
"""

from __future__ import annotations

import pytest
import textstat

from amitriptyline_kb.tools.site import configuration
from helpers import build_root, data, warnings_of

EXPECT = data("guard_rails.yaml")
# The limit the real site's pages are held to; the readability case builds
# with it, and its message names it.
MAX_GRADE = configuration()["kb_max_reading_grade"]


def _grade(text: str) -> str:
    return f"{textstat.flesch_kincaid_grade(' '.join(text.split())):.1f}"


def _figures(case: dict, srcdir) -> dict[str, object]:
    """The values of the placeholders in a case's messages and settings.

    ``graded:`` names a page whose Flesch-Kincaid grades (of its words, its
    title and paragraphs, and of its hardest paragraph) the message gives;
    they are worked out here from the page's source with textstat.
    """
    figures: dict[str, object] = {"max_grade": MAX_GRADE}
    if "graded" in case:
        title, *paragraphs = (srcdir / case["graded"]).read_text(encoding="utf-8").split("\n\n")
        figures["page_grade"] = _grade(" ".join([title.removeprefix("# "), *paragraphs]))
        figures["paragraph_grade"] = max((_grade(p) for p in paragraphs), key=float)
    return figures


def _filled(message: str, figures: dict[str, object]) -> str:
    # Not str.format: the messages hold braces of their own ({term}, {cite:p}).
    for name, value in figures.items():
        message = message.replace(f"{{{name}}}", str(value))
    return message


def _setting(value: object, figures: dict[str, object]) -> object:
    """A setting written as a placeholder, '{max_grade}', takes the figure itself."""
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return figures[value[1:-1]]
    return value


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_mistake_gives_a_located_message_that_says_how_to_fix_it(name, make_app, rootdir, tmp_path):
    case = EXPECT[name]
    root = case.get("root", name)
    figures = _figures(case, rootdir / f"test-{root}")
    settings = {key: _setting(value, figures) for key, value in case.get("settings", {}).items()}
    app = build_root(root, make_app, rootdir, tmp_path, case.get("builder", "html"), **settings)
    expected = [_filled(message, figures) for message in case["warnings"]]
    assert sorted(warnings_of(app)) == sorted(expected), case["mistake"]
