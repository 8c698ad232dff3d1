"""The figures as text and as results.json: what ``make bench`` prints and writes.

The table shows each figure's median of the runs with the fastest and
slowest run, our site's figure next to plain Sphinx's, their ratio, the
target and whether it holds. Below it come where a build's time goes
(profiling.py writes that table), the cost of each feature, and where
search time goes.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict
from pathlib import Path

from .figures import Figure, Samples


def _amount(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "bytes":
        return f"{value / 1000:.1f} KB"
    return f"{value:g}"


def _spread(samples: Samples | None, unit: str) -> str:
    if not samples or not samples.values:
        return "-"
    if len(samples.values) == 1:
        return _amount(samples.median, unit)
    low, high = min(samples.values), max(samples.values)
    return f"{_amount(samples.median, unit)} ({_amount(low, unit)}–{_amount(high, unit)})"


def table(figures: list[Figure]) -> str:
    """The figures as an aligned text table."""
    header = ["figure", "ours: median (min–max)", "plain Sphinx", "ours/plain", "target", ""]
    rows = [header]
    for figure in figures:
        if figure.target is None:
            target = ""
        elif figure.ratio_target:
            target = f"ratio ≤ {figure.target:.2f}"
        else:
            target = f"≤ {_amount(figure.target, figure.unit)}"
        status = {True: "ok", False: "MISSED", None: ""}[figure.holds]
        rows.append(
            [
                figure.label,
                _spread(figure.ours, figure.unit),
                _spread(figure.plain, figure.unit),
                f"{figure.ratio:.2f}" if figure.ratio is not None else "",
                target,
                status,
            ]
        )
    return _aligned(rows, rule=True)


def _aligned(rows: list[list[str]], rule: bool = False) -> str:
    """Rows of cells in left-aligned columns; ``rule`` underlines the first row."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows
    ]
    if rule:
        lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def write_json(path: Path, meta: dict, figures: list[Figure], details: dict) -> None:
    path.write_text(
        json.dumps(
            {"meta": meta, "figures": [f.as_dict() for f in figures], "details": details},
            indent=2,
            default=lambda o: asdict(o) if hasattr(o, "__dataclass_fields__") else str(o),
        ),
        encoding="utf-8",
    )


PHASES = ["navigation_started", "html_received", "dom_content_loaded", "index_received", "shown"]


def search_phase_table(rows: list[tuple[str, dict]]) -> str:
    """Median of each phase of the searches of each site."""
    header = ["site", *PHASES]
    lines = [header]
    for label, searches in rows:
        cells = [label]
        for phase in PHASES:
            values = [t.phases[phase] for t in searches.values() if t.phases.get(phase) is not None]
            cells.append(f"{statistics.median(values) * 1000:.0f} ms" if values else "-")
        lines.append(cells)
    return _aligned(lines)


def feature_table(samples: dict[str, Samples], failed: dict[str, str], baseline: str) -> str:
    """Each build's time, and what it costs over the ``baseline`` build."""
    base = samples[baseline].median if samples[baseline].values else None
    lines = [["build", "time", "cost over plain Sphinx"]]
    for label, build_samples in samples.items():
        if label in failed:
            lines.append([label, "failed", failed[label]])
            continue
        if base is None:
            lines.append([label, _spread(build_samples, "s"), "-"])
            continue
        extra = build_samples.median - base
        lines.append(
            [
                label,
                _spread(build_samples, "s"),
                f"{extra * 1000:+.0f} ms ({100 * extra / base:+.0f} %)",
            ]
        )
    return _aligned(lines)
