"""Build the site with `mkdocs build --strict` into a folder of the caller's choice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def build_site(out: Path, root: Path = ROOT, env: dict[str, str] | None = None) -> Path:
    """Build `root` into `out` (extra environment variables in `env`); raises with MkDocs' log on failure."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, env=environ, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{done.stderr[-3000:]}")
    return out


def start_builds(root: Path, count: int = 2) -> list[subprocess.Popen[str]]:
    """Start `count` `mkdocs build --strict` processes in `root` at once (output on stdout, text)."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    return [
        subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environ)
        for _ in range(count)
    ]
