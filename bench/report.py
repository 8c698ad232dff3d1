"""Figures: their statistics, the printed table, results.json and the plot.

Every figure is measured once per run; the table shows the median of the
runs with their minimum and maximum, our site's figure next to plain
Sphinx's, their ratio, the target and whether it holds.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path


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
            "ours": self.ours.summary(),
            "plain": self.plain.summary() if self.plain else None,
            "ratio": self.ratio,
            "target": self.target,
            "target_is_ratio": self.ratio_target,
            "holds": self.holds,
        }


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


PLOTTED = [
    ("clean_html", "Clean HTML build", "s"),
    ("incremental_html", "One-page rebuild (HTML)", "s"),
    ("searchindex_raw", "searchindex.js", "bytes"),
    ("search_slowest", "Search, slowest of the queries", "s"),
]


def plot(path: Path, scale: dict[int, dict[str, Figure]], targets: dict[str, float]) -> None:
    """Four panels against page count: ours and plain Sphinx, min–max as bars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    pages = sorted(scale)
    fig, axes = plt.subplots(2, 2, figsize=(11, 8), constrained_layout=True)
    for axis, (key, title, unit) in zip(axes.flat, PLOTTED):
        for variant, colour, marker in (("ours", "tab:blue", "o"), ("plain", "tab:grey", "s")):
            points = [
                (n, getattr(scale[n][key], variant))
                for n in pages
                if key in scale[n]
                and getattr(scale[n][key], variant)
                and getattr(scale[n][key], variant).values
            ]
            if not points:
                continue
            divisor = 1000 if unit == "bytes" else 1
            xs = [n for n, _ in points]
            medians = [s.median / divisor for _, s in points]
            lows = [m - min(s.values) / divisor for m, (_, s) in zip(medians, points)]
            highs = [max(s.values) / divisor - m for m, (_, s) in zip(medians, points)]
            axis.errorbar(
                xs,
                medians,
                yerr=[lows, highs],
                color=colour,
                marker=marker,
                capsize=3,
                label="our site" if variant == "ours" else "plain Sphinx (alabaster)",
            )
        if key == "search_slowest":
            for n, limit in (
                (min(pages), targets["search_today_s"]),
                (1000, targets["search_1000_s"]),
            ):
                axis.plot([n], [limit], marker="_", markersize=20, color="tab:red")
            axis.plot([], [], marker="_", color="tab:red", linestyle="none", label="target")
        axis.set_title(title)
        axis.set_xscale("log")
        axis.set_yscale("log")
        for scale_axis in (axis.xaxis, axis.yaxis):
            # Plain numbers at 1-2-5 steps, not powers of ten.
            scale_axis.set_major_locator(LogLocator(subs=(1, 2, 5)))
            scale_axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
            scale_axis.set_minor_formatter(NullFormatter())
        axis.set_xlabel("reader pages")
        axis.set_ylabel("KB" if unit == "bytes" else "seconds")
        axis.grid(True, which="both", alpha=0.3)
        axis.legend()
    fig.suptitle("Knowledge base at scale: median of the runs, bars from fastest to slowest run")
    fig.savefig(path, dpi=110)
    plt.close(fig)


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


def feature_table(rows: list[tuple]) -> str:
    """Plain Sphinx, plain Sphinx plus one feature each, and ours: time and cost."""
    lines = [["build", "time", "cost over plain Sphinx"]]
    for label, samples, base in rows:
        if samples is None:
            lines.append([label, "failed", str(base)])
            continue
        extra = samples.median - base
        lines.append(
            [label, _spread(samples, "s"), f"{extra * 1000:+.0f} ms ({100 * extra / base:+.0f} %)"]
        )
    return _aligned(lines)
