"""What CI runs and installs is what was reviewed: pinned, hashed and audited.

- requirements.lock pins every package with the hashes of its files, and make
  installs with --require-hashes;
- every action in .github/workflows is pinned to a commit, with its version in
  a comment; checkout keeps no credentials; the container image is pinned by
  digest; zizmor reports nothing (and does report an unpinned workflow);
- the large-file check looks at every tracked file, not only new ones.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from amitriptyline_kb.tools.site import ROOT
from helpers import require

LOCK = ROOT / "requirements.lock"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ZIZMOR = ROOT / ".venv" / "bin" / "zizmor"
PINNED_USES = re.compile(r"^(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40}) # v\d+(\.\d+)*$")
DIGEST = re.compile(r"^[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}$")


def _lock_entries() -> dict[str, str]:
    """Each pinned package of the lock, with the text of its entry."""
    entries, current = {}, None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[A-Za-z0-9][\w.-]*==", line):
            current = line.split("==")[0].lower()
            entries[current] = line
        elif current and line.startswith("    --hash="):
            entries[current] += "\n" + line
        elif not line.startswith(" "):
            current = None
    return entries


def test_every_locked_package_carries_its_hashes():
    entries = _lock_entries()
    assert len(entries) > 50, "requirements.lock pins fewer packages than the site needs"
    unhashed = sorted(name for name, text in entries.items() if "--hash=sha256:" not in text)
    assert not unhashed, f"pins without hashes (run `make lock`): {unhashed}"


def test_make_installs_with_hashes_required_and_locks_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = next(line for line in makefile.splitlines() if "-r requirements.lock" in line)
    assert "--require-hashes" in install
    assert "--generate-hashes" in makefile


def _steps():
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, job in workflow["jobs"].items():
            for step in job.get("steps", []):
                yield path.name, name, step


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    unpinned = []
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                uses = line.split("uses:", 1)[1].strip()
                if not PINNED_USES.match(uses):
                    unpinned.append(f"{path.name}: {uses}")
    assert not unpinned, f"actions not pinned as 'owner/name@<sha> # vX.Y.Z': {unpinned}"


def test_checkout_keeps_no_credentials():
    kept = [
        f"{workflow}: {job}"
        for workflow, job, step in _steps()
        if step.get("uses", "").startswith("actions/checkout@")
        and (step.get("with") or {}).get("persist-credentials") is not False
    ]
    assert not kept, f"checkout steps that keep git credentials: {kept}"


def test_container_images_are_pinned_by_digest():
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, job in workflow["jobs"].items():
            image = job.get("container")
            image = image.get("image") if isinstance(image, dict) else image
            if image is not None:
                assert DIGEST.match(image), f"{path.name}: {name}: {image} is not pinned by digest"


def _zizmor(*paths: Path) -> subprocess.CompletedProcess:
    require(ZIZMOR.exists(), "zizmor is missing from .venv (run make)")
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--persona=auditor", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_zizmor_finds_nothing_in_the_workflows():
    result = _zizmor(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_reports_an_unpinned_workflow_that_keeps_credentials(tmp_path):
    """The check can fail: the workflows as they were before they were pinned."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: [pull_request]\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-24.04\n"
        "    container: python:3.11-bookworm\n    steps:\n      - uses: actions/checkout@v4\n",
        encoding="utf-8",
    )
    result = _zizmor(bad)
    assert result.returncode != 0
    for audit in ("unpinned-uses", "artipacked", "unpinned-images"):
        assert audit in result.stdout, f"zizmor did not report {audit}:\n{result.stdout}"


def test_the_large_file_check_looks_at_files_already_tracked(tmp_path):
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = next(
        h for repo in hooks["repos"] for h in repo["hooks"] if h["id"] == "check-added-large-files"
    )
    entry = shlex.split(hook["entry"])
    entry[0] = str(ROOT / entry[0])
    require(Path(entry[0]).exists(), "pre-commit-hooks is missing from .venv (run make)")
    git = shutil.which("git")
    require(git is not None, "git is missing")
    subprocess.run([git, "init", "-q", str(tmp_path)], check=True)
    big = tmp_path / "photo.png"
    big.write_bytes(b"\0" * 600 * 1024)
    subprocess.run([git, "-C", str(tmp_path), "add", "photo.png"], check=True)
    subprocess.run(
        [
            git,
            "-C",
            str(tmp_path),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "commit",
            "-qm",
            "a big picture",
        ],
        check=True,
    )
    # Committed already, as every file is when CI runs `make lint`.
    result = subprocess.run(
        [*entry, "photo.png"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0, "a 600 kB tracked file passed the large-file check"
    assert "photo.png" in result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_make_lint_runs_zizmor_on_the_workflows(path):
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    zizmor = next(h for repo in hooks["repos"] for h in repo["hooks"] if h["id"] == "zizmor")
    assert "--offline" in zizmor["entry"]
    assert re.search(zizmor["files"], path.relative_to(ROOT).as_posix())
