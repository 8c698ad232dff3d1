"""Where a build's time goes, by theme and extension.

The Makefile's own HTML build command runs twice more, from an empty
folder, with ``python -m sphinx`` in place of ``sphinx-build``:

1. Under ``-X importtime``, for what each package costs before the build
   starts. Every ``sphinx-build`` process pays this again, and ``make html``
   starts two of them (ePub and HTML), so it weighs most on a one-page
   rebuild. A package is charged for everything its import pulls in
   (``sphinxext.opengraph`` for matplotlib, say).
2. Under cProfile, for what each theme and extension costs while building:
   the time inside every call that Sphinx or docutils makes into it (an
   event handler, a transform, a directive, a template function), including
   whatever it calls in turn: furo is charged for the Sphinx toctree code it
   asks for. Profiling slows everything down, so the shares matter, not the
   seconds.
"""

from __future__ import annotations

import pstats
import re
import shlex
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path, PurePath

from .recipes import RecipeFailed, Step, environment

FRAMEWORK = {"sphinx", "docutils"}
NOT_A_FEATURE = FRAMEWORK | {"python", "built-in", "conf"}
IMPORT_LINE = re.compile(
    r"^import time:\s+\d+ \|\s+(?P<cumulative>\d+) \|(?P<indent> *)(?P<name>\S+)$"
)


def owner(filename: str, root: Path) -> str:
    """The package a profiled function belongs to, e.g. 'furo' or 'amitriptyline_kb.guards.readability'."""
    if filename.startswith(("~", "<")):
        return "built-in"
    path = PurePath(filename)
    if "site-packages" in path.parts:
        return package_of(
            ".".join(
                PurePath(*path.parts[path.parts.index("site-packages") + 1 :]).with_suffix("").parts
            )
        )
    try:
        return package_of(".".join(path.relative_to(root).with_suffix("").parts))
    except ValueError:
        return "python"


def package_of(module: str) -> str:
    """'furo.navigation' -> 'furo'; namespace packages and ours keep one more part."""
    parts = module.split(".")
    if parts[0] in ("sphinxcontrib", "sphinxext", "amitriptyline_kb", "source") and len(parts) > 1:
        return ".".join(parts[:2])
    return parts[0]


def _command(step: Step, *python_options: str) -> list[str]:
    words = step.words
    program = next(i for i, word in enumerate(words) if PurePath(word).name == "sphinx-build")
    return [sys.executable, *python_options, "-m", "sphinx", *words[program + 1 :]]


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        command, cwd=cwd, env=environment(cwd), check=False, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RecipeFailed(f"profiled build failed: {shlex.join(command)}\n{result.stderr[-5000:]}")
    return result


def import_times(step: Step, cwd: Path) -> dict[str, float]:
    """Seconds each package's imports take in one build, outermost importer charged."""
    result = _run(_command(step, "-X", "importtime"), cwd)
    seconds: dict[str, float] = defaultdict(float)
    for line in result.stderr.splitlines():
        match = IMPORT_LINE.match(line)
        # One space of indent: imported by no other module (by a function, or by
        # Sphinx loading an extension), so charged to its own package.
        if match and len(match["indent"]) == 1:
            seconds[package_of(match["name"])] += int(match["cumulative"]) / 1e6
    return dict(seconds)


def run_times(step: Step, cwd: Path, output: Path, root: Path) -> tuple[float, dict[str, float]]:
    """Total seconds of one profiled build, and each package's inclusive seconds."""
    _run(_command(step, "-m", "cProfile", "-o", str(output)), cwd)
    # The raw table, with each function's callers: public, but not in the
    # type stubs (get_stats_profile() has no callers).
    stats = pstats.Stats(str(output)).stats  # type: ignore[attr-defined]
    seconds: dict[str, float] = defaultdict(float)
    for (filename, _, function), (_, _, _, _, callers) in stats.items():
        package = owner(filename, root)
        if package in NOT_A_FEATURE or function == "<module>":
            continue
        for (caller_file, _, _), (_, _, _, cumulative) in callers.items():
            if owner(caller_file, root) in FRAMEWORK:
                seconds[package] += cumulative
    total = max(cumulative for (_, _, _, cumulative, _) in stats.values())
    return total, dict(seconds)


def profile_build(step: Step, cwd: Path, output: Path, root: Path, builddir: Path) -> dict:
    """Both profiles of one HTML build, each from an empty ``builddir``."""
    shutil.rmtree(builddir, ignore_errors=True)
    imports = import_times(step, cwd)
    shutil.rmtree(builddir, ignore_errors=True)
    total, running = run_times(step, cwd, output, root)
    return {
        "imports": dict(sorted(imports.items(), key=lambda item: -item[1])),
        "profiled_total": total,
        "running": dict(sorted(running.items(), key=lambda item: -item[1])),
    }


def profile_table(profile: dict, limit: int = 12) -> str:
    imports = [(p, s) for p, s in profile["imports"].items() if p not in FRAMEWORK]
    running = list(profile["running"].items())
    total = profile["profiled_total"]
    lines = [f"{'imports, per process':<32}{'':>9}    {'while building (cProfile)':<32}share"]
    for row in range(min(limit, max(len(imports), len(running)))):
        left = (
            f"{imports[row][0]:<32}{imports[row][1] * 1000:>6.0f} ms"
            if row < len(imports)
            else " " * 41
        )
        right = (
            f"{running[row][0]:<32}{100 * running[row][1] / total:4.1f} %"
            if row < len(running)
            else ""
        )
        lines.append(f"{left}    {right}".rstrip())
    sphinx_imports = sum(s for p, s in profile["imports"].items() if p in FRAMEWORK)
    lines.append(f"(Sphinx and docutils themselves: {sphinx_imports * 1000:.0f} ms of imports)")
    return "\n".join(lines)
