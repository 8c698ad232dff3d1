"""Reading the built site in a real browser: a local server and page factory.

The site is served from 127.0.0.1 with Python's http.server, the way its host
serves it: under the path of its published address (conf.SITE_URL), and with
the site's own 404.html, status 404, for any missing address, and with text
compressed by gzip.
Pages open in Debian's Chromium through Playwright; every request a page makes
is recorded, so a test can fail when anything is fetched from another host.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import runpy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from helpers import DATA, ROOT

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox: CI containers run as root. The rest keep Chromium from calling
# home (updates, sync, field trials), so every request seen is the page's own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOST = "127.0.0.1"
EXPECT = yaml.safe_load((DATA / "browser.yaml").read_text(encoding="utf-8"))
DESKTOP = EXPECT["viewports"]["desktop"]
PHONE = EXPECT["viewports"]["phone"]
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}
# The site's links are relative, except on the 404 page, whose links are
# absolute paths under this one because it is served at any depth.
# Compressed with gzip when the browser accepts it, as every static host does:
# page weights and Lighthouse timings are then those readers get.
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
CONF = runpy.run_path(str(ROOT / "conf.py"))
SITE_URL = CONF["SITE_URL"]
SITE_PATH = urlsplit(SITE_URL).path


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site quietly; a missing page gets the site's 404.html."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        if not self.path.startswith(SITE_PATH):
            self.send_error(404)
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and content_type in COMPRESSED_TYPES):
            return super().send_head()
        body = self.compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def compressed(self, path: Path) -> bytes:
        """The file's bytes as sent to a browser that accepts gzip."""
        return gzip.compress(path.read_bytes(), mtime=0)

    def translate_path(self, path):
        return super().translate_path("/" + path.removeprefix(SITE_PATH))

    def send_error(self, code, message=None, explain=None):
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


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 on a free port; yield the site's URL."""
    handler = functools.partial(SiteRequestHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_port}{SITE_PATH}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def is_offsite(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and parts.hostname != HOST


@dataclass
class RequestLog:
    """Every request of one browser context."""

    urls: list[str] = field(default_factory=list)

    @property
    def offsite(self) -> list[str]:
        return [url for url in self.urls if is_offsite(url)]


def record_requests(context) -> RequestLog:
    """Record every request of ``context``; block those to other hosts."""
    log = RequestLog()
    context.on("request", lambda request: log.urls.append(request.url))
    # Blocked as well as recorded: a page must not reach the network even
    # while the test that catches it is failing.
    context.route(lambda url: is_offsite(url), lambda route: route.abort("blockedbyclient"))
    return log


def wait_for_search_results(page) -> None:
    """Wait until Sphinx's search has written its "Search finished" line."""
    page.wait_for_function(
        "() => document.querySelector('#search-results p.search-summary')?.textContent.trim()"
    )


def open_page(page, base_url: str, path: str):
    """Go to ``path`` under the site; on the search page, wait for results."""
    response = page.goto(base_url + path)
    if path.startswith("search.html?"):
        wait_for_search_results(page)
    return response
