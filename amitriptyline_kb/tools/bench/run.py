"""One benchmark run, from the snapshot of the working tree to the printed table.

It copies the working tree to a temporary folder, writes the plain-Sphinx
configuration, opens Chromium, runs the three suites (today's site, the
cost of each feature, the synthetic sizes), then writes results.json and
scale.png and prints the tables. The temporary folder goes at the end,
whatever happened, unless ``--keep`` asks to keep it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from amitriptyline_kb.tools.chromium import CHROMIUM, launch
from amitriptyline_kb.tools.site import ROOT

from . import plot, profiling, report, sites
from .builds import Workbench
from .features import PLAIN, measure_features
from .measure import log
from .recipes import RecipeFailed
from .scale import measure_scale
from .settings import load
from .today import MAKE_TEST, measure_today

VARIANTS = ("ours", "plain")


def machine(runs: int) -> dict:
    """What results.json records about the run and the machine it ran on."""
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "runs": runs,
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        "python": platform.python_version(),
        "sphinx": version("sphinx"),
        "furo": version("furo"),
        "chromium": str(CHROMIUM),
    }


def search_records(details: dict) -> list[tuple[str, dict]]:
    """Each site's searches of the last run, for the table of search phases."""
    rows = []
    last = details["today"]["runs"][-1]
    for variant in VARIANTS:
        rows.append((f"today, {variant}", last[variant]["searches"]))
    for pages, record in details["scale"].items():
        for variant in VARIANTS:
            rows.append((f"{pages} pages, {variant}", record["runs"][-1][variant]["searches"]))
    return rows


def main(options: argparse.Namespace) -> int:
    """Measure everything, write results.json and scale.png, print the tables."""
    settings = load()
    options.output.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    log(f"working in {work}")
    meta = machine(options.runs)
    try:
        snapshot = sites.snapshot(ROOT, work / "site")
        plain_conf = sites.plain_configuration(
            snapshot, work / "plain-conf", settings.content_parsers
        )
        with launch() as browser:
            bench = Workbench(
                settings=settings,
                runs=options.runs,
                sizes=options.sizes,
                time_make_test=not options.skip_make_test,
                profile_each_size=options.profile,
                work=work,
                snapshot=snapshot,
                plain_conf=plain_conf,
                browser=browser,
            )
            today, today_details = measure_today(bench)
            feature_spec, feature_samples, feature_failures = measure_features(bench)
            scale, scale_details = measure_scale(bench)
    except RecipeFailed as error:
        print(f"bench: a build failed, so nothing was measured past it:\n{error}", file=sys.stderr)
        return 1
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    meta["load_average_at_end"] = os.getloadavg()
    details = {
        "today": today_details,
        "features": {
            label: {"runs": samples.values, "failed": feature_failures.get(label)}
            for label, samples in feature_samples.items()
        },
        "scale": scale_details,
    }
    figures = list(today.values()) + [fig for size in scale.values() for fig in size.values()]
    report.write_json(options.output / "results.json", meta, figures, details)
    plot.plot(options.output / "scale.png", {today_details["reader_pages"]: today, **scale})

    print()
    print(
        f"Median of {options.runs} run(s), with the fastest and slowest run; "
        f"load average {meta['load_average_at_start'][0]:.1f} at the start, "
        f"{meta['load_average_at_end'][0]:.1f} at the end, {meta['cpus']} CPUs."
    )
    if options.runs < 5:
        print(
            "Fewer than 5 runs: these figures check that the benchmark works; they are not final."
        )
    print()
    print(report.table(figures))
    print()
    print("Where our clean HTML build's time goes (one profiled build of today's site):")
    print(profiling.profile_table(today_details["profile"]))
    for pages, record in scale_details.items():
        if "profile" in record:
            print(f"\n... and at {pages} pages:")
            print(profiling.profile_table(record["profile"]))
    print()
    print(f"The cost of each feature: {feature_spec.label}, median of {options.runs}:")
    print(report.feature_table(feature_samples, feature_failures, baseline=PLAIN))
    print()
    print("Where search time goes: seconds after the submit, median of the queries, last run:")
    print(report.search_phase_table(search_records(details)))
    failed_tests = [
        run["run"] for run in today_details["runs"] if run.get(MAKE_TEST, {}).get("exit")
    ]
    if failed_tests:
        print(f"\nmake test FAILED in run(s) {failed_tests}; its times are still in the table.")
    missed = [fig.label for fig in figures if fig.holds is False]
    print()
    print(f"{len(missed)} target(s) missed" + (": " + "; ".join(missed) if missed else "."))
    print(f"Wrote {options.output / 'results.json'} and {options.output / 'scale.png'}")
    return 0
