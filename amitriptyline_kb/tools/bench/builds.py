"""What the suites build with: the workbench, and one site in one variant.

``Workbench`` is what every suite needs and nothing else: the snapshot of
the working tree, the plain-Sphinx configuration, the open browser, the
settings and the options of this run. ``SiteBuild`` is a site (today's
pages or a synthetic set) as one variant builds it, with the Makefile's own
commands: ours as they are, plain Sphinx's with another conf.py and without
``-W`` (recipes.py says why).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import recipes
from .measure import log
from .settings import Settings


@dataclass(frozen=True)
class Workbench:
    settings: Settings
    runs: int
    sizes: list[int]
    time_make_test: bool
    profile_each_size: bool
    # The temporary folder everything is built in, and the copy of the
    # working tree inside it.
    work: Path
    snapshot: Path
    plain_conf: Path
    browser: Any


class SiteBuild:
    """One site in one variant: how to build it, where it lands, what to touch."""

    def __init__(
        self,
        snapshot: Path,
        source: Path,
        builddir: Path,
        plain_conf: Path | None = None,
        sphinxopts: str = "",
    ):
        self.snapshot = snapshot
        self.source = source
        self.builddir = builddir
        variables = {"BUILDDIR": str(builddir), "SOURCEDIR": str(source)}
        if sphinxopts:
            variables["SPHINXOPTS"] = sphinxopts
        if plain_conf is not None:
            variables["SPHINXFLAGS"] = recipes.baseline_flags(snapshot)
        clean = recipes.recipe(snapshot, ["html", "epub"], variables)
        incremental = recipes.recipe(snapshot, ["html"], variables)
        if plain_conf is not None:
            clean = recipes.swap_configuration(clean, plain_conf)
            incremental = recipes.swap_configuration(incremental, plain_conf)
        # make html epub; make html; and the HTML sphinx-build alone.
        self.clean_steps = clean
        self.incremental_steps = incremental
        self.html_steps = recipes.with_builders(clean, {"html"})

    @property
    def html_dir(self) -> Path:
        return self.builddir / "html"

    def build(self, steps: list[recipes.Step]) -> recipes.Timing:
        return recipes.run(steps, self.snapshot)

    def clean(self, steps: list[recipes.Step]) -> recipes.Timing:
        shutil.rmtree(self.builddir, ignore_errors=True)
        return self.build(steps)

    def clean_then_one_page(
        self,
        clean_steps: list[recipes.Step],
        rebuild_steps: list[recipes.Step],
        touched: str,
        step: str,
    ) -> tuple[recipes.Timing, recipes.Timing]:
        """A build from an empty folder, then a rebuild after one page changed."""
        log(f"{step}: clean build")
        clean = self.clean(clean_steps)
        self.touch(touched)
        log(f"{step}: one-page rebuild")
        return clean, self.build(rebuild_steps)

    def touch(self, docname: str) -> None:
        """Mark one page changed, as saving it in an editor does."""
        (self.source / f"{docname}.md").touch()
