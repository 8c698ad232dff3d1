"""Lighthouse scores of every reader page; exit 1 unless all four are 100.

Usage: python tests/audit/lighthouse.py _build/html   (run by `make audit`)

Serves the built site on 127.0.0.1 (as the browser tests do) and runs the
Lighthouse pinned in package.json on each reader page with its default,
mobile, preset, in Debian's Chromium (CHROME_PATH). Prints a table of the
performance, accessibility, best-practices and SEO scores, and for every
score under 100 the audits that lost points.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from browser import CHROMIUM, CHROMIUM_ARGS, serve
from helpers import ROOT, reader_docnames

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET = 100


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
    pages = [f"{docname}.html" for docname in reader_docnames()]
    width = max(len(page) for page in pages)
    header = f"{'page':<{width}}  " + "  ".join(f"{name:>14}" for name in CATEGORIES)
    print(header)
    print("-" * len(header))
    problems = []
    with serve(html_dir) as base_url:
        for page in pages:
            report = lighthouse(base_url + page)
            scores = {
                name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES
            }
            print(
                f"{page:<{width}}  " + "  ".join(f"{scores[n]:>14}" for n in CATEGORIES), flush=True
            )
            for name in CATEGORIES:
                if scores[name] < TARGET:
                    problems.extend(f"{page} {name}: {lost}" for lost in lost_points(report, name))
                    if not lost_points(report, name):
                        problems.append(f"{page} {name}: {scores[name]}")
    if problems:
        print(f"\nScores under {TARGET}:", *problems, sep="\n  ")
        return 1
    print(f"\nEvery page scores {TARGET} in all four categories.")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
