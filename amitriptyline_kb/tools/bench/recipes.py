"""Run the Makefile's own build commands, timing each one.

The benchmark must measure whatever ``make html`` and ``make epub`` do on the
day it runs, not a copy of their options that drifts. So it asks make for the
commands (``make -n``), runs them the way make would (``/bin/sh -c``, in
order, stopping at the first failure) and times each one. A sphinx-build
command is recognised by its program name and filed under its builder
(``-b html``), so one ``make html epub`` gives the HTML time, the ePub time
and the total. The plain-Sphinx baseline runs the very same commands with
only the configuration folder swapped and ``-W`` dropped from the
Makefile's SPHINXFLAGS, which ``make sphinx-flags`` prints: the one place
that names the options every build passes to sphinx-build.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from amitriptyline_kb.tools.site import MakeFailed, make_output, sphinx_flags

MAKE = re.compile(r"^(\S*/)?g?make(\[\d+\])?:?$")


@dataclass(frozen=True)
class Step:
    """One command of a make recipe."""

    command: str

    @property
    def words(self) -> list[str]:
        return shlex.split(self.command)

    @property
    def builder(self) -> str | None:
        """The Sphinx builder this command runs, or None for any other command."""
        words = self.words
        if not any(PurePath(word).name == "sphinx-build" for word in words):
            return None
        for flag in ("-b", "-M"):
            if flag in words:
                return words[words.index(flag) + 1]
        return "html"


@dataclass
class Timing:
    """Wall time of a recipe: in total and per Sphinx builder."""

    total: float = 0.0
    by_builder: dict[str, float] = field(default_factory=dict)


# A make recipe, or the build it runs, that failed.
RecipeFailed = MakeFailed


def recipe(root: Path, targets: list[str], variables: dict[str, str]) -> list[Step]:
    """The commands ``make <targets>`` would run in ``root``, as make prints them."""
    output = make_output(root, "-n", *targets, *(f"{k}={v}" for k, v in variables.items()))
    lines: list[str] = []
    pending = ""
    for line in output.splitlines():
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        lines.append(pending + line)
        pending = ""
    # A recursive $(MAKE) line is printed together with the commands it runs;
    # keep only those commands, or they would run twice. Lines such as
    # "make: Nothing to be done for 'epub'." are make's own messages.
    return [Step(line) for line in lines if line.strip() and not MAKE.match(shlex.split(line)[0])]


def baseline_flags(root: Path) -> str:
    """SPHINXFLAGS for the plain-Sphinx baseline: the same, but without -W.

    Without -W, a page that uses a role of one of our own extensions still
    builds in the baseline (with a warning) instead of stopping it.
    """
    return shlex.join(flag for flag in sphinx_flags(root) if flag != "-W")


def with_builders(steps: list[Step], builders: set[str]) -> list[Step]:
    """Only the sphinx-build commands of the given builders."""
    return [step for step in steps if step.builder in builders]


def swap_configuration(steps: list[Step], confdir: Path) -> list[Step]:
    """The same commands, each sphinx-build reading the conf.py in ``confdir``."""
    swapped = []
    for step in steps:
        if step.builder is None:
            swapped.append(step)
            continue
        words = step.words
        words[words.index("-c") + 1] = str(confdir)
        swapped.append(Step(shlex.join(words)))
    return swapped


def environment(snapshot: Path) -> dict[str, str]:
    """The environment of a build in ``snapshot``: our package imported from there.

    ``make`` installs the package editable, so without this every build
    would import the extensions from the working tree, as contributors keep
    editing it, while reading the snapshot's pages and data files.
    """
    paths = [str(snapshot), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def run(steps: list[Step], cwd: Path) -> Timing:
    """Run the commands in order and time each; raise with its output if one fails."""
    timing = Timing()
    for step in steps:
        start = time.perf_counter()
        result = subprocess.run(
            ["/bin/sh", "-c", step.command],
            cwd=cwd,
            env=environment(cwd),
            check=False,
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            raise RecipeFailed(
                f"exit {result.returncode}: {step.command}\n{result.stdout[-3000:]}"
                f"\n{result.stderr[-5000:]}"
            )
        timing.total += elapsed
        if step.builder:
            timing.by_builder[step.builder] = timing.by_builder.get(step.builder, 0.0) + elapsed
    return timing
