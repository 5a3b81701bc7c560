"""Copies of the repository and a quiet static server, shared by the benchmarks and the tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Everything a build reads (the `toolbox` package itself is installed in the environment).
REPOSITORY_FILES = [
    "content",
    "static",
    "mkdocs.yml",
    "hooks",
    "overrides",
    "schemas",
    "CONTRIBUTING.md",
    "CITATION.cff",
]


def copy_repository(target: Path, root: Path = ROOT) -> Path:
    """A copy of everything a build reads, to change or grow freely."""
    target.mkdir(parents=True, exist_ok=True)
    for name in REPOSITORY_FILES:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        elif src.is_file():
            shutil.copy2(src, target / name)
    return target


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on a free port of 127.0.0.1 for as long as the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
