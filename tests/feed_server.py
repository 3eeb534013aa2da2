"""A real HTTP server on loopback for the feed tests: serves the RSS 2.0, RSS 1.0 and Atom fixtures of
tests/data/feeds (with `{base}` replaced by its own address) and their article pages, honours If-None-Match
and If-Modified-Since with 304, and counts what it served."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "data" / "feeds"
TYPES = {".xml": "application/xml", ".rdf": "application/rdf+xml", ".html": "text/html; charset=utf-8"}
LAST_MODIFIED = formatdate(1762329600, usegmt=True)  # a fixed date: the fixtures never change


class FeedServer:
    def __init__(self) -> None:
        self.served: Counter[str] = Counter()  # path -> 200 answers
        self.not_modified: Counter[str] = Counter()  # path -> 304 answers
        self.extra: dict[str, bytes] = {}  # path -> body, added by a test
        self.redirects: dict[str, str] = {}  # path -> Location (302), added by a test
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path in server.redirects:
                    self.send_response(302)
                    self.send_header("location", server.redirects[self.path])
                    self.send_header("content-length", "0")
                    self.end_headers()
                    return
                body = server.body(self.path)
                if body is None:
                    self.send_response(404)
                    self.send_header("content-length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("if-none-match") == etag or (
                        self.headers.get("if-none-match") is None
                        and self.headers.get("if-modified-since") == LAST_MODIFIED):
                    server.not_modified[self.path] += 1
                    self.send_response(304)
                    self.send_header("etag", etag)
                    self.end_headers()
                    return
                server.served[self.path] += 1
                self.send_response(200)
                self.send_header("content-type", TYPES.get(Path(self.path).suffix, "text/html; charset=utf-8"))
                self.send_header("content-length", str(len(body)))
                self.send_header("etag", etag)
                self.send_header("last-modified", LAST_MODIFIED)
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def body(self, path: str) -> bytes | None:
        if path in self.extra:
            return self.extra[path]
        name = path.lstrip("/")
        candidates = [FIXTURES / name, FIXTURES / "pages" / (Path(name).name + ".html")]
        for f in candidates:
            if f.is_file() and f.resolve().is_relative_to(FIXTURES):
                return f.read_text(encoding="utf-8").replace("{base}", self.base).encode()
        return None

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
