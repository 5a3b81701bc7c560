"""A local static server that compresses like a real web host.

Python's `http.server` sends every file uncompressed, which makes a page look heavier (and, under
Lighthouse's throttling, slower) than it is on any real host. This server gzips text files for
clients that accept it, so tests and benchmarks measure what a visitor downloads.

    with serve(Path("site")) as url:   # http://127.0.0.1:<free port>
        ...

Or from a shell: `python -m tests.support.gzip_server site/ --port 8000`.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import functools
import gzip
import http.server
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# What web hosts compress: text formats. Images, fonts and Pagefind's .pf_* files are compressed
# already (Pagefind gzips its own index), so gzipping them again only costs time.
COMPRESSIBLE = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".map", ".webmanifest"}
)
# The level most hosts and CDNs use for on-the-fly compression.
LEVEL = 6


def accepts_gzip(header: str | None) -> bool:
    """True when an Accept-Encoding header allows gzip (`gzip;q=0` and `*;q=0` refuse it)."""
    if not header:
        return False
    allowed: dict[str, bool] = {}
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        allowed[name.strip().lower()] = q > 0
    return allowed.get("gzip", allowed.get("x-gzip", allowed.get("*", False)))


@functools.lru_cache(maxsize=512)
def _compressed(path: str, mtime_ns: int, size: int) -> bytes:
    # mtime and size are part of the key, so an edited file is compressed again.
    with open(path, "rb") as handle:
        return gzip.compress(handle.read(), LEVEL, mtime=0)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler with gzip for text files and quiet logs."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # A cache keyed on the URL alone must not hand gzip to a client that did not ask for it.
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_head(self) -> BinaryIO | None:  # type: ignore[override]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
                return super().send_head()  # the parent class redirects to the slash form
            path = os.path.join(path, "index.html")
        if (
            os.path.splitext(path)[1].lower() not in COMPRESSIBLE
            or not os.path.isfile(path)
            or not accepts_gzip(self.headers.get("Accept-Encoding"))
        ):
            return super().send_head()
        stat = os.stat(path)
        body = _compressed(path, stat.st_mtime_ns, stat.st_size)
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `directory` (port 0: a free one) for as long as the block runs; yields the base URL."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve a folder with gzip, like a web host.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with serve(args.directory, port=args.port) as url:
        print(f"{url}/ (Ctrl+C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
