"""`mkdocs serve` picks up YAML edits and keeps serving while the content has an error."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds (or serves) whole sites


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _get(url):
            return True
        time.sleep(0.2)
    return False


def start_serve(repo: Path, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`mkdocs serve` of `repo` on a free port, its output in `log`; the caller terminates it."""
    port = _free_port()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=repo,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    return proc, port


def test_serve_reloads_yaml_edits_and_survives_errors(repo: Path) -> None:
    log = repo / "serve.log"
    proc, port = start_serve(repo, log)
    try:
        url = f"http://127.0.0.1:{port}/casussen/escaperoom-hanze/"
        assert _wait_for(url, "Escaperoom"), log.read_text()
        case = repo / "content/cases/escaperoom-hanze.yaml"
        original = case.read_text(encoding="utf-8")

        case.write_text(original.replace("sector: HBO", "sector: Hbo"), encoding="utf-8")
        deadline = time.monotonic() + 60
        while "bedoelde je 'HBO'" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "content/cases/escaperoom-hanze.yaml:" in log.read_text()
        # The server holds requests while it rebuilds (several seconds on a busy machine): poll.
        assert _wait_for(url, "Escaperoom"), "the last valid version stays available"

        case.write_text(original.replace("title: Escaperoom", "title: Escaperoom Gewijzigd", 1), encoding="utf-8")
        assert _wait_for(url, "Gewijzigd"), log.read_text()[-2000:]
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=10)
