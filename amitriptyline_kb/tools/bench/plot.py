"""scale.png: how the figures grow with the number of pages.

Four panels against reader pages, today's site as the leftmost point and
each synthetic size after it: clean HTML build, one-page rebuild,
searchindex.js and the slowest search. Both axes are logarithmic, so a
line's slope says how a figure grows (1: with the pages, 2: with their
square). Ours and plain Sphinx's medians, with bars from the fastest to the
slowest run; red marks the targets of the panels that show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .figures import Figure


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    unit: str
    # Marks each point's target: the search targets differ by size.
    marks_targets: bool = False


PANELS = [
    Panel("clean_html", "Clean HTML build", "s"),
    Panel("incremental_html", "One-page rebuild (HTML)", "s"),
    Panel("searchindex_raw", "searchindex.js", "bytes"),
    Panel("search_slowest", "Search, slowest of the queries", "s", marks_targets=True),
]


def plot(path: Path, figures: dict[int, dict[str, Figure]]) -> None:
    """Every panel against page count; ``figures``: pages -> figure key -> figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    pages = sorted(figures)
    fig, axes = plt.subplots(2, 2, figsize=(11, 8), constrained_layout=True)
    for axis, panel in zip(axes.flat, PANELS):
        divisor = 1000 if panel.unit == "bytes" else 1
        for variant, colour, marker in (("ours", "tab:blue", "o"), ("plain", "tab:grey", "s")):
            points = [
                (n, getattr(figures[n][panel.key], variant))
                for n in pages
                if panel.key in figures[n]
                and getattr(figures[n][panel.key], variant)
                and getattr(figures[n][panel.key], variant).values
            ]
            if not points:
                continue
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
        if panel.marks_targets:
            for n in pages:
                figure = figures[n].get(panel.key)
                if figure and figure.target is not None and not figure.ratio_target:
                    limit = figure.target / divisor
                    axis.plot([n], [limit], marker="_", markersize=20, color="tab:red")
            axis.plot([], [], marker="_", color="tab:red", linestyle="none", label="target")
        axis.set_title(panel.title)
        axis.set_xscale("log")
        axis.set_yscale("log")
        for scale_axis in (axis.xaxis, axis.yaxis):
            # Plain numbers at 1-2-5 steps, not powers of ten.
            scale_axis.set_major_locator(LogLocator(subs=(1, 2, 5)))
            scale_axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
            scale_axis.set_minor_formatter(NullFormatter())
        axis.set_xlabel("reader pages")
        axis.set_ylabel("KB" if panel.unit == "bytes" else "seconds")
        axis.grid(True, which="both", alpha=0.3)
        axis.legend()
    fig.suptitle("Knowledge base at scale: median of the runs, bars from fastest to slowest run")
    fig.savefig(path, dpi=110)
    plt.close(fig)
