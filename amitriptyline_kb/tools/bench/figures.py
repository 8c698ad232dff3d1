"""Figures as the table shows them: the runs' samples, ours beside plain Sphinx's.

A figure is declared in settings.toml (a FigureSpec) and measured by a suite
once per run; ``collect`` puts the two together, named for the site they
were measured on ("today." or "scale.1000."), and refuses a suite that
measured a figure nobody declared or left a declared one out, so the table,
results.json and settings.toml cannot drift apart.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from .settings import FigureSpec


@dataclass
class Samples:
    """One figure's values, one per run."""

    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def summary(self) -> dict:
        if not self.values:
            return {}
        return {
            "median": self.median,
            "min": min(self.values),
            "max": max(self.values),
            "runs": self.values,
        }


@dataclass
class Figure:
    """A figure of our site, of plain Sphinx's if it has one, and its target."""

    key: str
    label: str
    unit: str  # "s" or "bytes"
    measures: str = ""
    ours: Samples = field(default_factory=Samples)
    plain: Samples | None = None
    target: float | None = None
    # A target on the ratio ours/plain instead of on our own figure.
    ratio_target: bool = False

    @property
    def ratio(self) -> float | None:
        if not (self.plain and self.plain.values and self.ours.values) or not self.plain.median:
            return None
        return self.ours.median / self.plain.median

    @property
    def holds(self) -> bool | None:
        if self.target is None or not self.ours.values:
            return None
        value = self.ratio if self.ratio_target else self.ours.median
        return None if value is None else value <= self.target

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "measures": self.measures,
            "ours": self.ours.summary(),
            "plain": self.plain.summary() if self.plain else None,
            "ratio": self.ratio,
            "target": self.target,
            "target_is_ratio": self.ratio_target,
            "holds": self.holds,
        }


def collect(
    specs: list[FigureSpec],
    samples: dict[str, dict[str, Samples]],
    site: tuple[str, str],
    label_fields: dict[str, object],
    pages: int | None = None,
) -> dict[str, Figure]:
    """The declared figures of one suite, holding the samples it measured.

    ``samples``: figure key -> samples, for "ours" and "plain". ``site``: the
    prefix of the figures' keys and of their labels, e.g. ("today.",
    "today: "). ``label_fields`` fill the labels' {placeholders}; ``pages``
    is the size measured, for targets that apply from a size on.
    """
    declared = {spec.key for spec in specs}
    measured = set(samples["ours"])
    if declared != measured:
        raise ValueError(
            f"{site[0]}: measured but not declared in settings.toml: "
            f"{sorted(measured - declared)}; declared but not measured: "
            f"{sorted(declared - measured)}"
        )
    key_prefix, label_prefix = site
    return {
        spec.key: Figure(
            key=key_prefix + spec.key,
            label=label_prefix + spec.label.format(**label_fields),
            unit=spec.unit,
            measures=spec.measures,
            ours=samples["ours"][spec.key],
            plain=samples["plain"][spec.key] if spec.plain else None,
            target=spec.target_at(pages),
            ratio_target=spec.target_is_ratio,
        )
        for spec in specs
    }
