"""sitemap.xml lists every page, whether pages are written in one process or several.

amitriptyline_kb/speed/sitemap_queue.py gives sphinx-sitemap an ordinary queue when pages are
written in one process; a parallel build, whose pages are written in other
processes, must keep the shared queue, or their addresses would be lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from amitriptyline_kb.tools.site import ROOT
from helpers import sitemap_addresses


def _sitemap_pages(outdir: Path) -> set[str]:
    addresses = sitemap_addresses((outdir / "sitemap.xml").read_bytes())
    return {address.rsplit("/", 1)[-1] for address in addresses}


def _written_pages(app) -> set[str]:
    return {f"{docname}.html" for docname in app.env.found_docs}


@pytest.mark.sphinx("html", testroot="sitemap", freshenv=True)
def test_a_build_in_one_process_lists_every_page(app):
    app.build()
    assert _sitemap_pages(Path(app.outdir)) == _written_pages(app)


def test_a_parallel_build_lists_every_page(rootdir, tmp_path):
    # In a process of its own: a parallel build forks, and a fork of the test
    # process would keep the browser driver's pipes open after the tests.
    srcdir = rootdir / "test-sitemap"
    outdir = tmp_path / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-j", "2", "-b", "html"]
        + ["-d", str(tmp_path / "doctrees"), str(srcdir), str(outdir)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = {path.name for path in outdir.glob("*.html")} - {"genindex.html", "search.html"}
    assert _sitemap_pages(outdir) == written
