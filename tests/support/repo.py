"""Copies of the repository, to change or grow freely."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
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
    """A copy of everything a build reads."""
    target.mkdir(parents=True, exist_ok=True)
    for name in REPOSITORY_FILES:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        elif src.is_file():
            shutil.copy2(src, target / name)
    return target
