"""Repository habits: who reviews what, what every pull request checks, and
the form that every page's "Suggest a change to this page" link opens."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml
from pathspec import GitIgnoreSpec

from amitriptyline_kb.tools.site import ROOT, configuration
from helpers import data

EXPECT = data("codeowners.yaml")
REPOSITORY_URL = configuration()["REPOSITORY_URL"]
ORGANISATION = urlsplit(REPOSITORY_URL).path.strip("/").split("/")[0]


def _codeowners() -> list[tuple[GitIgnoreSpec, list[str]]]:
    rules = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            rules.append((GitIgnoreSpec.from_lines([pattern]), owners))
    return rules


def owners_of(path: str) -> list[str]:
    """The owners of ``path``: those of the last matching line."""
    matching = [owners for spec, owners in _codeowners() if spec.match_file(path)]
    return matching[-1] if matching else []


@pytest.mark.parametrize(("path", "team"), sorted(EXPECT["owners"].items()))
def test_each_file_is_reviewed_by_its_team(path, team):
    assert (ROOT / path).exists(), f"{path} does not exist: update data/codeowners.yaml"
    assert owners_of(path) == [f"@{ORGANISATION}/{team}"]


def test_every_reader_page_is_owned_by_clinical_reviewers(reader_pages):
    wrong = [
        d
        for d in reader_pages
        if owners_of(f"source/{d}.md") != [f"@{ORGANISATION}/clinical-reviewers"]
    ]
    assert not wrong, f"reader pages a clinical reviewer is not asked to review: {wrong}"


def test_the_pull_request_template_asks_for_make_test_and_sources():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = template.split("\n- [ ] ")[1:]
    assert any("`make test` passes" in item for item in items)
    assert any("{cite:p}" in item for item in items)


def test_the_problem_form_exists_and_has_the_page_field_the_link_fills_in():
    form = yaml.safe_load(
        (ROOT / ".github" / "ISSUE_TEMPLATE" / "page-problem.yml").read_text(encoding="utf-8")
    )
    fields = {item.get("id"): item for item in form["body"]}
    assert fields["page"]["type"] == "input"
    assert fields["page"]["validations"]["required"] is True
