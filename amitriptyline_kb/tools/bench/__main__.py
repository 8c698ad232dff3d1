"""Benchmark the knowledge base: build speed, page weight and search speed.

Run it with ``make bench`` (``RUNS=5`` by default). It measures today's site
and synthetic knowledge bases of more pages, each side by side with plain
Sphinx, prints a table, and writes results.json and scale.png into the
output folder. See docs/maintaining.md for how to read them. This file only
reads the options; run.py does the work.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from amitriptyline_kb.tools.site import ROOT

from .run import main
from .settings import load


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m amitriptyline_kb.tools.bench", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        help="runs per figure; figures are the median of the runs (default 5)",
    )
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, load().synthetic_pages)),
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
    options = parser.parse_args(argv)
    if options.quick:
        options.runs, options.sizes = 1, "100"
    options.sizes = [int(size) for size in options.sizes.split(",") if size.strip()]
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    return options


if __name__ == "__main__":
    sys.exit(main(parse_args(sys.argv[1:])))
