"""Today's site, ours beside plain Sphinx's: its builds, its pages, its searches.

In each run each variant is built from an empty folder (``make html epub``),
the largest content page is touched and ``make html`` runs again; then the
site is served, every reader page is weighed and the queries are timed in
Chromium. ``make test`` is timed as many times, in the working tree (what a
contributor runs). Last, one HTML build of ours is profiled, for the table
of where its time goes.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from functools import partial

from amitriptyline_kb.tools.site import ROOT, reader_docnames, serve

from . import browser_figures, profiling, sites
from .builds import SiteBuild, Workbench
from .figures import Figure, collect
from .measure import Measurement, log, measure

MAKE_TEST = "make_test"


def build_and_visit(
    bench: Workbench, build: SiteBuild, readers: list[str], touched: str, step: str
) -> Measurement:
    """One run of one variant: make html epub, a one-page make html, then the browser."""
    clean, incremental = build.clean_then_one_page(
        build.clean_steps, build.incremental_steps, touched, step
    )
    log(f"{step}: page weight and search")
    level = bench.settings.gzip_level
    with serve(build.html_dir, level) as url:
        weights = {
            docname: browser_figures.page_weight(bench.browser, url, docname) for docname in readers
        }
        searches = browser_figures.search_times(bench.browser, url, bench.settings.queries)
    gzipped = [weight["gzipped"] for weight in weights.values()]
    values = {
        "clean_total": clean.total,
        "clean_html": clean.by_builder.get("html", 0.0),
        "clean_epub": clean.by_builder.get("epub", 0.0),
        # The same total again: the figure whose ratio to plain Sphinx is checked.
        "overhead": clean.total,
        "incremental_total": incremental.total,
        "incremental_html": incremental.by_builder.get("html", 0.0),
        "page_gzip_max": max(gzipped),
        "page_gzip_median": statistics.median(gzipped),
        "page_raw_max": max(weight["raw"] for weight in weights.values()),
        **browser_figures.search_index_sizes(build.html_dir, level),
        **browser_figures.search_figures(searches),
    }
    return Measurement(values, {"pages": weights, "searches": searches})


def time_make_test(step: str) -> Measurement:
    """One ``make test`` in the working tree; a failure is recorded, not raised."""
    log(f"{step}: make test")
    start = time.perf_counter()
    result = subprocess.run(
        ["make", "--no-print-directory", "test"],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        log(f"make test exited {result.returncode}; its time is still recorded")
    return Measurement(
        {MAKE_TEST: elapsed}, {"exit": result.returncode, "tail": result.stdout[-2000:]}
    )


def measure_today(bench: Workbench) -> tuple[dict[str, Figure], dict]:
    """Today's figures, and the details for results.json."""
    source = bench.snapshot / "source"
    readers = reader_docnames(source)
    touched = sites.largest_leaf_page(source)
    builds = {
        "ours": SiteBuild(bench.snapshot, source, bench.work / "today-ours"),
        "plain": SiteBuild(
            bench.snapshot, source, bench.work / "today-plain", plain_conf=bench.plain_conf
        ),
    }
    measured = measure(
        "today",
        bench.runs,
        {
            variant: partial(build_and_visit, bench, build, readers, touched)
            for variant, build in builds.items()
        },
    )
    specs = bench.settings.figures_of("today")
    if bench.time_make_test:
        tests = measure("today", bench.runs, {"ours": time_make_test})
        measured.samples["ours"].update(tests.samples["ours"])
        for record, test in zip(measured.runs, tests.runs, strict=True):
            record[MAKE_TEST] = test["ours"]
    else:
        specs = [spec for spec in specs if spec.key != MAKE_TEST]
    log("today: profiling one HTML build")
    ours = builds["ours"]
    profile = profiling.profile_build(
        ours.html_steps[0], bench.snapshot, bench.work / "today.prof", bench.snapshot, ours.builddir
    )
    figures = collect(
        specs, measured.samples, ("today.", "today: "), {"queries": len(bench.settings.queries)}
    )
    details = {
        "reader_pages": len(readers),
        "touched_page": touched,
        "runs": measured.runs,
        "profile": profile,
    }
    return figures, details
