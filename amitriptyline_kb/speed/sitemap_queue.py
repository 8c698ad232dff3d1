"""Let sphinx-sitemap collect page addresses without a helper process.

sphinx-sitemap gathers each written page's address in a queue shared
between processes, made by ``multiprocessing.Manager()``, so that a parallel
build (``sphinx-build -j N``) can write pages in several processes. Starting
that manager starts a server process: about 0.2 s of every build, HTML and
ePub alike (``make bench``). Our builds write pages in one process, so an
ordinary queue holds the same addresses. A parallel build keeps the
manager.
"""

from __future__ import annotations

import multiprocessing
import queue
from typing import Any

import sphinx_sitemap
from sphinx.application import Sphinx


class InProcessManager:
    """The one part of a multiprocessing manager that sphinx-sitemap uses."""

    Queue = queue.Queue


def choose_queue(app: Sphinx) -> None:
    parallel = app.parallel > 1
    sphinx_sitemap.Manager = multiprocessing.Manager if parallel else InProcessManager


def setup(app: Sphinx) -> dict[str, Any]:
    # sphinx-sitemap makes its queue when the builder is ready, at priority 500.
    app.connect("builder-inited", choose_queue, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
