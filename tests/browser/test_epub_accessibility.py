"""Ace by DAISY, the checker publishers use for EPUB accessibility, finds no
violation in the book and sees all of its accessibility metadata.

Ace (npm ``@daisy/ace-cli``, pinned in package.json) runs headless on
Debian's Chromium. EPUBCheck does not replace it: it checks the format, Ace
checks what a reader with a screen reader or an e-reader meets.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from amitriptyline_kb.tools.chromium import CHROMIUM
from amitriptyline_kb.tools.site import ROOT
from helpers import EPUB_ACCESSIBILITY_METADATA, require, require_chromium

ACE = ROOT / "node_modules" / ".bin" / "ace-cli"


# Both editions' books: the English one and the Spanish one.
@pytest.fixture(scope="module", params=["en", "es"])
def ace_report(request, site, tmp_path_factory) -> dict:
    require(ACE.exists(), "Ace by DAISY is missing (PUPPETEER_SKIP_DOWNLOAD=1 npm ci)")
    require_chromium()
    outdir = tmp_path_factory.mktemp("ace")
    book = site.epub_file if request.param == "en" else site.es_epub_file
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}
    if os.geteuid() == 0:
        # Chromium refuses to start sandboxed as root; Debian's wrapper reads this.
        env["CHROMIUM_FLAGS"] = "--no-sandbox"
    result = subprocess.run(
        [str(ACE), "--silent", "--force", "--outdir", str(outdir), str(book)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    report = outdir / "report.json"
    assert report.exists(), f"Ace wrote no report:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
    return json.loads(report.read_text(encoding="utf-8"))


def test_ace_finds_no_violation(ace_report):
    violations = [
        f"{document['earl:testSubject']['url']}: {test['earl:test']['dct:title']} "
        f"({test['earl:test']['earl:impact']}): {test['earl:result'].get('dct:description', '')}"
        for document in ace_report["assertions"]
        for test in document.get("assertions", [])
    ]
    assert not violations, f"Ace by DAISY: {len(violations)} violations:\n" + "\n".join(violations)
    assert ace_report["earl:result"]["earl:outcome"] == "pass"


def test_ace_sees_all_the_accessibility_metadata(ace_report):
    metadata = ace_report["a11y-metadata"]
    assert set(EPUB_ACCESSIBILITY_METADATA) <= set(metadata["present"]), metadata
    assert not metadata["empty"]
