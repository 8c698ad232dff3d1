"""Synthetic knowledge bases of more pages, ours beside plain Sphinx's.

For each size (settings.toml's ``synthetic_pages``, or ``--sizes``) the
pages are made (sites.py says how), and in each run each variant gets a
clean HTML build and a rebuild after one page changed; then the site is
served, the queries are timed and the changed page is weighed in Chromium.
With ``--profile`` one HTML build of ours is profiled at each size. Each
size's build folders go once it is measured: a 1,000-page site is large.
"""

from __future__ import annotations

import shutil
from functools import partial

from amitriptyline_kb.tools.site import serve

from . import browser_figures, profiling, sites
from .builds import SiteBuild, Workbench
from .figures import Figure, collect
from .measure import Measurement, log, measure


def rebuild_and_search(bench: Workbench, build: SiteBuild, touched: str, step: str) -> Measurement:
    """One run of one variant: a clean and a one-page HTML build, then the browser."""
    clean, incremental = build.clean_then_one_page(
        build.html_steps, build.html_steps, touched, step
    )
    log(f"{step}: search and page weight")
    level = bench.settings.gzip_level
    with serve(build.html_dir, level) as url:
        searches = browser_figures.search_times(bench.browser, url, bench.settings.queries)
        weight = browser_figures.page_weight(bench.browser, url, touched)
    values = {
        "clean_html": clean.total,
        # The same time again: the figure whose ratio to plain Sphinx is checked.
        "overhead": clean.total,
        "incremental_html": incremental.total,
        **browser_figures.search_index_sizes(build.html_dir, level),
        "page_gzip": weight["gzipped"],
        **browser_figures.search_figures(searches),
    }
    return Measurement(values, {"searches": searches, "page_files": weight["files"]})


def measure_scale(bench: Workbench) -> tuple[dict[int, dict[str, Figure]], dict]:
    """Each size's figures, and the details for results.json."""
    snapshot, work = bench.snapshot, bench.work
    touched = sites.largest_leaf_page(snapshot / "source")
    specs = bench.settings.figures_of("scale")
    opts = bench.settings.synthetic_sphinxopts
    figures: dict[int, dict[str, Figure]] = {}
    details: dict[int, dict] = {}
    for pages in bench.sizes:
        log(f"{pages} pages: generating the synthetic knowledge base")
        folder = work / f"synthetic-{pages}"
        source = sites.synthesize(
            snapshot / "source", folder / "source", pages, not_copied=sites.exempt_by_name(snapshot)
        )
        builds = {
            "ours": SiteBuild(snapshot, source, work / f"synthetic-{pages}-ours", sphinxopts=opts),
            "plain": SiteBuild(
                snapshot,
                source,
                work / f"synthetic-{pages}-plain",
                plain_conf=bench.plain_conf,
                sphinxopts=opts,
            ),
        }
        measured = measure(
            f"{pages} pages",
            bench.runs,
            {
                variant: partial(rebuild_and_search, bench, build, touched)
                for variant, build in builds.items()
            },
        )
        details[pages] = {"runs": measured.runs}
        if bench.profile_each_size:
            log(f"{pages} pages: profiling one HTML build")
            ours = builds["ours"]
            details[pages]["profile"] = profiling.profile_build(
                ours.html_steps[0], snapshot, work / f"scale-{pages}.prof", snapshot, ours.builddir
            )
        for build in builds.values():
            shutil.rmtree(build.builddir, ignore_errors=True)
        figures[pages] = collect(
            specs,
            measured.samples,
            (f"scale.{pages}.", f"{pages} pages: "),
            {"touched": touched},
            pages,
        )
    return figures, details
