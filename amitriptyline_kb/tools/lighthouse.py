"""Lighthouse scores of every reader page of both editions; exit 1 unless all four are 100.

Usage: python -m amitriptyline_kb.tools.lighthouse _build/html   (run by `make audit`)

Serves the built site on 127.0.0.1 (as the browser tests do) and runs the
Lighthouse pinned in package.json on each reader page with its default,
mobile, preset, in Debian's Chromium (CHROME_PATH). Prints a table of the
performance, accessibility, best-practices and SEO scores, and for every
score under 100 the audits that lost points. A page that scores under 100 is
run twice more and judged by the median of the three runs, as Lighthouse
advises for its timings, which vary from run to run.
"""

from __future__ import annotations

import functools
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from amitriptyline_kb.shared import EDITIONS
from amitriptyline_kb.tools.chromium import CHROMIUM, CHROMIUM_ARGS
from amitriptyline_kb.tools.site import ROOT, reader_docnames, serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET = 100
RUNS_ON_A_DROP = 3
EDITION_FOLDERS = [folder for folder, _name in EDITIONS.values()]


def lighthouse(url: str) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr}")
    return json.loads(result.stdout)


def scores_of(report: dict) -> dict[str, int]:
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def _score(report: dict, name: str) -> int:
    return scores_of(report)[name]


def lost_points(report: dict, category: str) -> list[str]:
    """The audits of ``category`` that scored under 1, with their titles."""
    audits = report["audits"]
    lost = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            value = audit.get("displayValue", "")
            lost.append(f"{ref['id']} ({audit['score']:.2f}) {audit['title']} {value}".strip())
    return lost


def main(html_dir: Path) -> int:
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci` (make audit does)")
    # Both editions: the English site, and the Spanish one in es/ of it.
    pages = [
        f"{folder}{docname}.html" for folder in EDITION_FOLDERS for docname in reader_docnames()
    ]
    width = max(len(page) for page in pages)
    header = f"{'page':<{width}}  " + "  ".join(f"{name:>14}" for name in CATEGORIES)
    print(header)
    print("-" * len(header))
    problems: list[str] = []
    with serve(html_dir) as base_url:
        for page in pages:
            reports = [lighthouse(base_url + page)]
            if any(scores_of(reports[0])[name] < TARGET for name in CATEGORIES):
                # Timings vary from run to run; Lighthouse's own advice is to
                # take the median of several runs before believing a drop.
                reports += [lighthouse(base_url + page) for _ in range(RUNS_ON_A_DROP - 1)]
            scores = {
                name: statistics.median(scores_of(report)[name] for report in reports)
                for name in CATEGORIES
            }
            runs = f"  (median of {len(reports)} runs)" if len(reports) > 1 else ""
            print(
                f"{page:<{width}}  " + "  ".join(f"{scores[n]:>14}" for n in CATEGORIES) + runs,
                flush=True,
            )
            for name in CATEGORIES:
                if scores[name] < TARGET:
                    worst = min(reports, key=functools.partial(_score, name=name))
                    lost = lost_points(worst, name) or [str(scores[name])]
                    problems.extend(f"{page} {name}: {item}" for item in lost)
    if problems:
        print(f"\nScores under {TARGET}:", *problems, sep="\n  ")
        return 1
    print(f"\nEvery page scores {TARGET} in all four categories.")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
