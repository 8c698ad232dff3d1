"""What the benchmark measures, read from settings.toml into dataclasses.

settings.toml holds the data: the synthetic sizes, the gzip level, the
baseline's extensions, the queries, the targets and every figure the table
shows (its name, unit, what it measures, its target and its suite). The code
measures what the figures declare and never spells a label or a limit
itself. Reading checks the file as well: a figure with an unknown suite,
unit or target, or a name twice in one suite, stops the benchmark before it
builds anything.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

SETTINGS_FILE = Path(__file__).with_name("settings.toml")
SUITES = ("today", "features", "scale")
UNITS = ("s", "bytes")


@dataclass(frozen=True)
class FigureSpec:
    """One figure as settings.toml declares it, its target resolved to a number."""

    suite: str
    key: str
    label: str
    unit: str
    measures: str
    # Measured for plain Sphinx as well, for the "ours/plain" column.
    plain: bool = True
    target: float | None = None
    # The target is on ours/plain, not on our own median.
    target_is_ratio: bool = False
    target_from_pages: int | None = None

    def target_at(self, pages: int | None) -> float | None:
        """The target at a size of ``pages`` (None: today's site)."""
        if self.target_from_pages is not None and (pages or 0) < self.target_from_pages:
            return None
        return self.target


@dataclass(frozen=True)
class Settings:
    synthetic_pages: list[int]
    gzip_level: int
    content_parsers: list[str]
    synthetic_sphinxopts: str
    queries: list[str]
    figures: list[FigureSpec]

    def figures_of(self, suite: str) -> list[FigureSpec]:
        """The figures of one suite, in the order of the table."""
        return [spec for spec in self.figures if spec.suite == suite]


def _figure(entry: dict, targets: dict[str, float]) -> FigureSpec:
    known = {field.name for field in fields(FigureSpec)}
    if unknown := set(entry) - known:
        raise ValueError(f"figure {entry.get('key')!r}: unknown fields {sorted(unknown)}")
    name = entry.get("target")
    if name is not None and name not in targets:
        raise ValueError(f"figure {entry['key']!r}: no target {name!r} in [targets]")
    spec = FigureSpec(**{**entry, "target": None if name is None else targets[name]})
    if spec.suite not in SUITES:
        raise ValueError(f"figure {spec.key!r}: suite {spec.suite!r} is none of {SUITES}")
    if spec.unit not in UNITS:
        raise ValueError(f"figure {spec.key!r}: unit {spec.unit!r} is none of {UNITS}")
    return spec


@functools.cache
def load(path: Path = SETTINGS_FILE) -> Settings:
    """settings.toml, read and checked once."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    figures = [_figure(entry, data["targets"]) for entry in data["figures"]]
    names = [(spec.suite, spec.key) for spec in figures]
    if twice := {name for name in names if names.count(name) > 1}:
        raise ValueError(f"figures declared twice in {path.name}: {sorted(twice)}")
    return Settings(
        synthetic_pages=data["synthetic_pages"],
        gzip_level=data["gzip_level"],
        content_parsers=data["content_parsers"],
        synthetic_sphinxopts=data["synthetic_sphinxopts"],
        queries=data["queries"],
        figures=figures,
    )
