"""The repository's site as tests, audits and benchmarks read and serve it.

- Where things are: the repository root, ``source/``, ``conf.py``.
- What the configuration says, read once and without side effects.
- The reader pages, as Sphinx names them, and the front matter of each.
- A local server for the built site, on 127.0.0.1 only, the way its host
  serves it: under the path of its published address (``SITE_URL`` in
  conf.py), with the site's own 404.html, status 404, for any missing
  address, and text compressed with gzip, so page weights and timings are
  those readers get.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import runpy
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "source"
CONF = ROOT / "conf.py"
HOST = "127.0.0.1"
# Compressed with gzip when the browser accepts it, as every static host does.
COMPRESSED_TYPES = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "text/plain",
    "application/xml",
    "text/xml",
}


@functools.cache
def configuration(confdir: Path = ROOT) -> dict[str, Any]:
    """The names conf.py defines, as Sphinx reads them (the file runs once)."""
    return runpy.run_path(str(confdir / "conf.py"))


def site_path() -> str:
    """The path of the published address, which every served URL starts with."""
    return urlsplit(configuration()["SITE_URL"]).path


def reader_docnames(source: Path = SOURCE) -> list[str]:
    """Every reader page, as Sphinx names it: 'index', 'treatments/comparison'."""
    return sorted(
        path.relative_to(source).with_suffix("").as_posix()
        for path in source.rglob("*.md")
        if not any(part.startswith(("_", ".")) for part in path.relative_to(source).parts)
    )


def front_matter(docname: str, source: Path = SOURCE) -> dict[str, Any]:
    """The YAML front matter of a page, read from its file, not from Sphinx."""
    text = (source / f"{docname}.md").read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)]) or {}


class MakeFailed(RuntimeError):
    """``make`` exited with an error; the message holds what it printed."""


def make_output(root: Path, *arguments: str) -> str:
    """What ``make <arguments>`` prints in ``root``; MakeFailed if it fails."""
    result = subprocess.run(
        ["make", "--no-print-directory", *arguments],
        cwd=root,
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise MakeFailed(f"make {' '.join(arguments)} failed:\n{result.stderr}")
    return result.stdout


@functools.cache
def sphinx_flags(root: Path = ROOT) -> tuple[str, ...]:
    """The options every build passes to sphinx-build: the Makefile's SPHINXFLAGS."""
    return tuple(shlex.split(make_output(root, "-s", "sphinx-flags")))


@functools.cache
def _compressed(path: Path, mtime_ns: int, level: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=level, mtime=0)


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site quietly; a missing page gets the site's 404.html.

    Each compressed file is compressed once per change (kept in memory), so a
    benchmark does not count the server's own compression as the site's time.
    """

    gzip_level = 6
    prefix = "/"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self):
        if not self.path.startswith(self.prefix):
            self.send_error(404)
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and content_type in COMPRESSED_TYPES):
            return super().send_head()
        body = _compressed(path, path.stat().st_mtime_ns, self.gzip_level)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found_page = Path(self.directory) / "404.html"
        if code != 404 or not not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class QuietServer(http.server.ThreadingHTTPServer):
    """A server that says nothing when the browser drops a request.

    Chromium cancels the requests still running when a page navigates away
    (the result summaries of the last search, say); that is not an error.
    """

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, gzip_level: int = 6) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 on a free port; yield the site's URL."""
    prefix = site_path()
    handler = type("Handler", (SiteRequestHandler,), {"gzip_level": gzip_level, "prefix": prefix})
    server = QuietServer((HOST, 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
