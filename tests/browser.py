"""Reading the built site in a real browser: a local server and page factory.

The site is served from 127.0.0.1 with Python's http.server, the way a static
host serves it (a missing path gets the site's own 404.html with status 404).
Pages open in Debian's Chromium through Playwright; every request a page makes
is recorded, so a test can fail when anything is fetched from another host.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

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
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site quietly; a missing page gets the site's 404.html."""

    def log_message(self, format, *args):
        pass

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
    """Serve ``directory`` on 127.0.0.1 on a free port; yield the base URL."""
    handler = functools.partial(SiteRequestHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_port}/"
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
