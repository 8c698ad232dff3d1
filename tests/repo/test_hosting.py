"""The hosting files are valid, and publish only what passed every check.

Pull requests and main run the same checks as `make test` (through .ci/run);
GitHub Pages and Read the Docs publish the site with the ePub inside, built
with the Makefile's options. Every file validates against its published
schema, offline.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from amitriptyline_kb.tools.site import ROOT, sphinx_flags
from helpers import EPUB_NAME, EPUB_NAME_ES, data

EXPECT = data("hosting.yaml")
FILES = [
    (path, schema)
    for pattern, schema in EXPECT["schemas"].items()
    for path in sorted(ROOT.glob(pattern))
]


def _yaml(relative: str) -> dict:
    return yaml.safe_load((ROOT / relative).read_text(encoding="utf-8"))


def _run_commands(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_every_hosting_file_is_found():
    assert {schema for _, schema in FILES} == set(EXPECT["schemas"].values())


@pytest.mark.parametrize(
    ("path", "schema"), FILES, ids=[str(path.relative_to(ROOT)) for path, _ in FILES]
)
def test_hosting_file_validates_against_its_published_schema(path, schema):
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_run_every_check_and_keep_a_preview():
    job = _yaml(".github/workflows/pr.yml")["jobs"]["test"]
    runs = _run_commands(job)
    assert runs[:2] == ["bash .ci/run", "make html"]
    upload = next(step for step in job["steps"] if "upload-artifact" in step.get("uses", ""))
    assert upload["with"]["path"].split() == ["_build/html", f"_build/epub/{EPUB_NAME}"]


def test_main_is_published_only_after_every_check_passed():
    workflow = _yaml(".github/workflows/deploy.yml")
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads "on" as True
    build, deploy = workflow["jobs"]["test"], workflow["jobs"]["deploy"]
    assert _run_commands(build) == ["bash .ci/run", "make html"]
    # Steps run in order and stop at the first failure: the upload is last.
    assert "upload-pages-artifact" in build["steps"][-1]["uses"]
    assert build["steps"][-1]["with"]["path"] == "_build/html"
    assert deploy["needs"] == "test"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_read_the_docs_builds_source_with_the_makefile_options():
    jobs = _yaml(".readthedocs.yaml")["build"]["jobs"]["build"]
    flags = " ".join(sphinx_flags())
    builds = [
        command
        for commands in jobs.values()
        for command in commands
        if command.startswith("python -m sphinx")
    ]
    assert builds, "no sphinx build in .readthedocs.yaml"
    for command in builds:
        # -c .: the configuration at the root, the pages in source/, as in the Makefile.
        assert re.match(
            rf"python -m sphinx {re.escape(flags)} -c \. (-D language=es )?-b ", command
        ), command
        assert re.search(r" source (\S+)$", command), f"does not build source/: {command}"
    assert f"cp _build/epub/{EPUB_NAME} $READTHEDOCS_OUTPUT/html/" in jobs["html"]
    assert f"cp _build/epub/{EPUB_NAME} $READTHEDOCS_OUTPUT/epub/" in jobs["epub"]


def test_read_the_docs_builds_the_spanish_edition_into_es_of_the_same_site():
    html = _yaml(".readthedocs.yaml")["build"]["jobs"]["build"]["html"]
    spanish = [command for command in html if "-D language=es" in command]
    assert any(command.endswith(" source $READTHEDOCS_OUTPUT/html/es") for command in spanish), html
    assert any(" -b epub " in command for command in spanish), html
    assert f"cp _build/epub-es/{EPUB_NAME_ES} $READTHEDOCS_OUTPUT/html/es/" in html
