"""Publish a finished build by swapping directories, so a failed build never leaves a half site."""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    """Where a build is written before it replaces `site_dir` (a sibling, so rename is atomic)."""
    return site_dir.with_name(f".{site_dir.name}.building")


def publish(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `staging`; the old site disappears only after the new one is in place."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
