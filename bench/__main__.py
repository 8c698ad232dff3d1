"""Benchmark the knowledge base: build speed, page weight and search speed.

Run it with ``make bench`` (``RUNS=5`` by default). It measures today's site
and synthetic knowledge bases of more pages, each side by side with plain
Sphinx, prints a table, and writes results.json and scale.png into the
output folder. See docs/maintaining.md for how to read them.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from importlib.metadata import version
from pathlib import Path

from . import chromium, profiling, recipes, report, sites
from .report import Figure, Samples

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = tomllib.loads((Path(__file__).with_name("settings.toml")).read_text(encoding="utf-8"))
VARIANTS = ("ours", "plain")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Site:
    """One site in one variant: how to build it, where it lands, what to touch."""

    def __init__(
        self,
        snapshot: Path,
        confdir: Path | None,
        source: Path,
        builddir: Path,
        extra_opts: str = "",
    ):
        self.snapshot = snapshot
        self.source = source
        self.builddir = builddir
        variables = {"BUILDDIR": str(builddir), "SOURCEDIR": str(source)}
        if extra_opts:
            variables["SPHINXOPTS"] = extra_opts
        clean = recipes.recipe(snapshot, ["html", "epub"], variables)
        incremental = recipes.recipe(snapshot, ["html"], variables)
        if confdir is not None:
            clean = recipes.swap_configuration(clean, confdir)
            incremental = recipes.swap_configuration(incremental, confdir)
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


def in_turn(variants: dict, run: int) -> list:
    """The variants, starting with a different one in each run.

    The first build of a run is often slower than the rest (a cold file
    cache after the browser or the tests); taking turns spreads that over
    every variant instead of always charging the same one.
    """
    items = list(variants.items())
    start = (run - 1) % len(items)
    return items[start:] + items[:start]


def search_index_sizes(html_dir: Path, level: int) -> tuple[int, int]:
    data = (html_dir / chromium.SEARCH_INDEX).read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=level, mtime=0))


def new_figures(prefix: str, specs: list[tuple], with_plain: set[str]) -> dict[str, Figure]:
    figures = {}
    for key, label, unit, target, ratio_target in specs:
        figures[key] = Figure(
            key=f"{prefix}{key}",
            label=label,
            unit=unit,
            plain=Samples() if key in with_plain else None,
            target=target,
            ratio_target=ratio_target,
        )
    return figures


def bench_today(args, work: Path, snapshot: Path, plain_conf: Path, instance, details: dict):
    targets = SETTINGS["targets"]
    level = SETTINGS["gzip_level"]
    source = snapshot / "source"
    readers = sites.reader_docnames(source)
    touched = sites.largest_leaf_page(source)
    details["today"] = {"reader_pages": len(readers), "touched_page": touched, "runs": []}
    variants = {
        "ours": Site(snapshot, None, source, work / "today-ours"),
        "plain": Site(snapshot, plain_conf, source, work / "today-plain"),
    }
    both = {
        "clean_total",
        "clean_html",
        "clean_epub",
        "incremental_total",
        "incremental_html",
        "page_gzip_max",
        "page_raw_max",
        "page_gzip_median",
        "searchindex_raw",
        "searchindex_gzip",
        "search_slowest",
        "search_median",
    }
    f = new_figures(
        "today.",
        [
            (
                "clean_total",
                "today: clean make html + epub",
                "s",
                targets["clean_html_epub_s"],
                False,
            ),
            ("clean_html", "today: clean HTML build", "s", None, False),
            ("clean_epub", "today: clean ePub build", "s", None, False),
            (
                "overhead",
                "today: our clean build / plain Sphinx's",
                "s",
                targets["extension_overhead_ratio"],
                True,
            ),
            # The target is the HTML rebuild, what `make serve` runs on
            # every save; `make html` refreshes the ePub as well.
            (
                "incremental_html",
                "today: HTML rebuild, one page changed",
                "s",
                targets["incremental_html_s"],
                False,
            ),
            (
                "incremental_total",
                "today: make html (HTML and ePub), one page changed",
                "s",
                None,
                False,
            ),
            ("make_test", "today: make test", "s", None, False),
            (
                "page_gzip_max",
                "today: heaviest reader page, gzipped",
                "bytes",
                targets["page_gzip_bytes"],
                False,
            ),
            ("page_gzip_median", "today: median reader page, gzipped", "bytes", None, False),
            ("page_raw_max", "today: heaviest reader page, raw", "bytes", None, False),
            ("searchindex_raw", "today: searchindex.js, raw", "bytes", None, False),
            ("searchindex_gzip", "today: searchindex.js, gzipped", "bytes", None, False),
            (
                "search_median",
                f"today: search, median of {len(args.queries)} queries",
                "s",
                None,
                False,
            ),
            (
                "search_slowest",
                f"today: search, slowest of {len(args.queries)} queries",
                "s",
                targets["search_today_s"],
                False,
            ),
        ],
        both | {"overhead"},
    )
    for run in range(1, args.runs + 1):
        record = {"run": run}
        for variant, site in in_turn(variants, run):
            step = f"today, run {run}/{args.runs}, {variant}"
            clean, incremental = site.clean_then_one_page(
                site.clean_steps, site.incremental_steps, touched, step
            )
            log(f"{step}: page weight and search")
            weights = {}
            with chromium.serve(site.html_dir, level) as url:
                for docname in readers:
                    transfers = chromium.page_transfers(instance, url, docname)
                    counted = [
                        t
                        for t in transfers
                        if not t.url.split("?")[0].endswith(chromium.SEARCH_INDEX)
                    ]
                    weights[docname] = {
                        "raw": sum(t.raw for t in counted),
                        "gzipped": sum(t.gzipped for t in counted),
                        "files": [t.__dict__ for t in transfers],
                    }
                searches = chromium.search_times(instance, url, args.queries)
            index_raw, index_gzip = search_index_sizes(site.html_dir, level)
            values = {
                "clean_total": clean.total,
                "clean_html": clean.by_builder.get("html", 0.0),
                "clean_epub": clean.by_builder.get("epub", 0.0),
                "overhead": clean.total,
                "incremental_total": incremental.total,
                "incremental_html": incremental.by_builder.get("html", 0.0),
                "page_gzip_max": max(w["gzipped"] for w in weights.values()),
                "page_gzip_median": statistics.median(w["gzipped"] for w in weights.values()),
                "page_raw_max": max(w["raw"] for w in weights.values()),
                "searchindex_raw": index_raw,
                "searchindex_gzip": index_gzip,
                "search_median": statistics.median(t.total for t in searches.values()),
                "search_slowest": max(t.total for t in searches.values()),
            }
            for key, value in values.items():
                samples = f[key].ours if variant == "ours" else f[key].plain
                samples.values.append(value)
            record[variant] = {**values, "pages": weights, "searches": searches}
        if not args.skip_make_test:
            log(f"today, run {run}/{args.runs}: make test")
            start = time.perf_counter()
            result = subprocess.run(
                ["make", "--no-print-directory", "test"],
                cwd=ROOT,
                check=False,
                capture_output=True,
                text=True,
            )
            f["make_test"].ours.values.append(time.perf_counter() - start)
            record["make_test"] = {"exit": result.returncode, "tail": result.stdout[-2000:]}
            if result.returncode != 0:
                log(f"make test exited {result.returncode}; its time is still recorded")
        details["today"]["runs"].append(record)
    if args.skip_make_test:
        del f["make_test"]
    log("today: profiling one HTML build")
    ours = variants["ours"]
    profile = profiling.profile_build(
        ours.html_steps[0],
        snapshot,
        work / "today.prof",
        snapshot,
        builddir=ours.builddir,
    )
    details["today"]["profile"] = profile
    return f, profile


def bench_features(args, work: Path, snapshot: Path, details: dict) -> list[tuple]:
    """Clean HTML build of today's site: plain, plain plus each feature, ours."""
    source = snapshot / "source"
    parsers = SETTINGS["content_parsers"]
    variants: dict[str, Site] = {}
    plain_conf = sites.plain_configuration(snapshot, work / "feature-plain", parsers)
    variants["plain Sphinx"] = Site(snapshot, plain_conf, source, work / "feature-build")
    for number, feature in enumerate(sites.features(snapshot, parsers)):
        confdir = sites.plain_configuration(
            snapshot, work / f"feature-{number}", parsers, feature=feature
        )
        label = "furo, our templates and sidebars" if feature == sites.THEME else feature
        variants[f"+ {label}"] = Site(snapshot, confdir, source, work / "feature-build")
    variants["ours (all of them)"] = Site(snapshot, None, source, work / "feature-build")
    times: dict[str, Samples] = {label: Samples() for label in variants}
    failed: dict[str, str] = {}
    for run in range(1, args.runs + 1):
        log(f"today, run {run}/{args.runs}: the cost of each feature ({len(variants)} builds)")
        for label, site in in_turn(variants, run):
            if label in failed:
                continue
            try:
                times[label].values.append(site.clean(site.html_steps).total)
            except recipes.RecipeFailed as error:
                failed[label] = str(error).strip().splitlines()[-1][:100]
    base = times["plain Sphinx"].median
    rows = []
    for label, samples in times.items():
        if label in failed:
            rows.append((label, None, failed[label]))
        else:
            rows.append((label, samples, base))
    details["features"] = {
        label: {"runs": samples.values, "failed": failed.get(label)}
        for label, samples in times.items()
    }
    return rows


def bench_scale(args, work: Path, snapshot: Path, plain_conf: Path, instance, details: dict):
    level = SETTINGS["gzip_level"]
    targets = SETTINGS["targets"]
    touched = sites.largest_leaf_page(snapshot / "source")
    scale: dict[int, dict[str, Figure]] = {}
    details["scale"] = {}
    for pages in args.sizes:
        log(f"{pages} pages: generating the synthetic knowledge base")
        source = sites.synthesize(
            snapshot / "source", work / f"synthetic-{pages}" / "source", pages
        )
        opts = SETTINGS["synthetic_sphinxopts"]
        variants = {
            "ours": Site(snapshot, None, source, work / f"synthetic-{pages}-ours", opts),
            "plain": Site(snapshot, plain_conf, source, work / f"synthetic-{pages}-plain", opts),
        }
        search_target = targets["search_1000_s"] if pages >= 1000 else None
        f = new_figures(
            f"scale.{pages}.",
            [
                ("clean_html", f"{pages} pages: clean HTML build", "s", None, False),
                (
                    "overhead",
                    f"{pages} pages: our HTML build / plain Sphinx's",
                    "s",
                    targets["extension_overhead_ratio"],
                    True,
                ),
                (
                    "incremental_html",
                    f"{pages} pages: HTML rebuild, one page changed",
                    "s",
                    targets["incremental_html_s"],
                    False,
                ),
                ("searchindex_raw", f"{pages} pages: searchindex.js, raw", "bytes", None, False),
                (
                    "searchindex_gzip",
                    f"{pages} pages: searchindex.js, gzipped",
                    "bytes",
                    None,
                    False,
                ),
                (
                    "page_gzip",
                    f"{pages} pages: a reader page ({touched}), gzipped",
                    "bytes",
                    targets["page_gzip_bytes"],
                    False,
                ),
                ("search_median", f"{pages} pages: search, median query", "s", None, False),
                (
                    "search_slowest",
                    f"{pages} pages: search, slowest query",
                    "s",
                    search_target,
                    False,
                ),
            ],
            {
                "clean_html",
                "overhead",
                "incremental_html",
                "searchindex_raw",
                "searchindex_gzip",
                "page_gzip",
                "search_median",
                "search_slowest",
            },
        )
        details["scale"][pages] = {"runs": []}
        for run in range(1, args.runs + 1):
            record = {"run": run}
            for variant, site in in_turn(variants, run):
                step = f"{pages} pages, run {run}/{args.runs}, {variant}"
                clean, incremental = site.clean_then_one_page(
                    site.html_steps, site.html_steps, touched, step
                )
                log(f"{step}: search and page weight")
                with chromium.serve(site.html_dir, level) as url:
                    searches = chromium.search_times(instance, url, args.queries)
                    transfers = chromium.page_transfers(instance, url, touched)
                index_raw, index_gzip = search_index_sizes(site.html_dir, level)
                values = {
                    "clean_html": clean.total,
                    "overhead": clean.total,
                    "incremental_html": incremental.total,
                    "searchindex_raw": index_raw,
                    "searchindex_gzip": index_gzip,
                    "page_gzip": sum(t.gzipped for t in transfers),
                    "search_median": statistics.median(t.total for t in searches.values()),
                    "search_slowest": max(t.total for t in searches.values()),
                }
                for key, value in values.items():
                    (f[key].ours if variant == "ours" else f[key].plain).values.append(value)
                record[variant] = {**values, "searches": searches, "page_files": transfers}
            details["scale"][pages]["runs"].append(record)
        if args.profile:
            log(f"{pages} pages: profiling one HTML build")
            ours = variants["ours"]
            details["scale"][pages]["profile"] = profiling.profile_build(
                ours.html_steps[0],
                snapshot,
                work / f"scale-{pages}.prof",
                snapshot,
                builddir=ours.builddir,
            )
        for variant in variants.values():
            shutil.rmtree(variant.builddir, ignore_errors=True)
        scale[pages] = f
    return scale


def search_records(details: dict) -> list[tuple[str, dict]]:
    rows = []
    last = details["today"]["runs"][-1]
    for variant in VARIANTS:
        rows.append((f"today, {variant}", last[variant]["searches"]))
    for pages, record in details.get("scale", {}).items():
        for variant in VARIANTS:
            rows.append((f"{pages} pages, {variant}", record["runs"][-1][variant]["searches"]))
    return rows


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        help="runs per figure; figures are the median of the runs (default 5)",
    )
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SETTINGS["synthetic_pages"])),
        help="synthetic knowledge base sizes in pages, comma-separated",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=ROOT / "_build" / "bench",
        help="where results.json and scale.png go",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one run, 100 pages only: to check the benchmark works, not to measure",
    )
    parser.add_argument("--skip-make-test", action="store_true", help="do not time make test")
    parser.add_argument(
        "--profile", action="store_true", help="also profile one HTML build at each synthetic size"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary build folders")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.sizes = 1, "100"
    args.sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    args.queries = SETTINGS["queries"]
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    log(f"working in {work}")
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "runs": args.runs,
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        "python": platform.python_version(),
        "sphinx": version("sphinx"),
        "furo": version("furo"),
        "chromium": str(chromium.browser.CHROMIUM),
    }
    details: dict = {}
    try:
        snapshot = sites.snapshot(ROOT, work / "site")
        plain_conf = sites.plain_configuration(
            snapshot, work / "plain-conf", SETTINGS["content_parsers"]
        )
        with chromium.chromium() as instance:
            today, profile = bench_today(args, work, snapshot, plain_conf, instance, details)
            feature_rows = bench_features(args, work, snapshot, details)
            scale = bench_scale(args, work, snapshot, plain_conf, instance, details)
    except recipes.RecipeFailed as error:
        print(f"bench: a build failed, so nothing was measured past it:\n{error}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    meta["load_average_at_end"] = os.getloadavg()
    figures = list(today.values()) + [fig for size in scale.values() for fig in size.values()]
    report.write_json(args.output / "results.json", meta, figures, details)
    plot_points = {
        details["today"]["reader_pages"]: {
            "clean_html": today["clean_html"],
            "incremental_html": today["incremental_html"],
            "searchindex_raw": today["searchindex_raw"],
            "search_slowest": today["search_slowest"],
        }
    }
    plot_points.update(scale)
    report.plot(args.output / "scale.png", plot_points, SETTINGS["targets"])
    print()
    print(
        f"Median of {args.runs} run(s), with the fastest and slowest run; "
        f"load average {meta['load_average_at_start'][0]:.1f} at the start, "
        f"{meta['load_average_at_end'][0]:.1f} at the end, {meta['cpus']} CPUs."
    )
    if args.runs < 5:
        print(
            "Fewer than 5 runs: these figures check that the benchmark works; they are not final."
        )
    print()
    print(report.table(figures))
    print()
    print("Where our clean HTML build's time goes (one profiled build of today's site):")
    print(profiling.profile_table(profile))
    for pages, record in details.get("scale", {}).items():
        if "profile" in record:
            print(f"\n... and at {pages} pages:")
            print(profiling.profile_table(record["profile"]))
    print()
    print(f"The cost of each feature: clean HTML build of today's site, median of {args.runs}:")
    print(report.feature_table(feature_rows))
    print()
    print("Where search time goes: seconds after the submit, median of the queries, last run:")
    print(report.search_phase_table(search_records(details)))
    failed_tests = [
        run["run"] for run in details["today"]["runs"] if run.get("make_test", {}).get("exit")
    ]
    if failed_tests:
        print(f"\nmake test FAILED in run(s) {failed_tests}; its times are still in the table.")
    missed = [fig.label for fig in figures if fig.holds is False]
    print()
    print(f"{len(missed)} target(s) missed" + (": " + "; ".join(missed) if missed else "."))
    print(f"Wrote {args.output / 'results.json'} and {args.output / 'scale.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
