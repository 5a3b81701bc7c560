"""Publish a finished build by swapping directories, so that site/ is always a complete site.

A build writes into a staging folder next to the site and, when it succeeded, swaps it in with two
renames; a failed build only removes its staging folder. Builds of the same site take turns: a file
lock (filelock) is held from the start of a build until it has published or given up, so two
builds can never write into the same staging folder. When site/ is a symbolic link (to a deploy
folder, say), the link stays and the folder it points to is swapped.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import filelock

from toolbox.load import os_reason

# How long a second build waits for the first (seconds); TOOLBOX_BUILD_WAIT overrides it.
DEFAULT_WAIT = 600.0


class PublishError(Exception):
    """A Dutch, one-line reason why the site could not be built or published."""


def site_target(site_dir: Path) -> Path:
    """The folder that is replaced: `site_dir` itself, or the folder a symbolic link points to."""
    return Path(os.path.realpath(site_dir)) if site_dir.is_symlink() else Path(os.path.abspath(site_dir))


def staging_dir(site_dir: Path) -> Path:
    """Where a build is written before it replaces the site (a sibling, so rename is atomic)."""
    target = site_target(site_dir)
    return target.with_name(f".{target.name}.building")


def _backup_dir(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def lock(site_dir: Path) -> filelock.BaseFileLock:
    """The lock builds of this site take turns on (kept outside the repository, keyed by the site's real path)."""
    key = hashlib.sha256(str(site_target(site_dir)).encode()).hexdigest()[:16]
    return filelock.FileLock(Path(tempfile.gettempdir()) / f"toolbox-build-{key}.lock")


def wait_seconds() -> float:
    try:
        return float(os.environ.get("TOOLBOX_BUILD_WAIT", DEFAULT_WAIT))
    except ValueError:
        return DEFAULT_WAIT


def prepare(site_dir: Path) -> Path:
    """Check that the site can be replaced and clear what a crashed build left; return the staging folder.

    Call with the lock held: anything at the staging or backup path is then a leftover of ours.
    """
    target = site_target(site_dir)
    shown = site_dir.name
    if site_dir.is_symlink() and not target.parent.is_dir():
        raise PublishError(f"{shown} is een symbolische link naar {target}, maar de map daarboven bestaat niet")
    if target.exists() and not target.is_dir():
        raise PublishError(f"{shown} is een bestand, geen map; verwijder of hernoem het, of kies een andere --site-dir")
    if not target.parent.is_dir():
        raise PublishError(f"de map waarin {shown} komt ({target.parent}) bestaat niet")
    staging = staging_dir(site_dir)
    for leftover in (staging, _backup_dir(target)):
        _remove(leftover)
    return staging


def publish(staging: Path, site_dir: Path) -> None:
    """Replace the site by `staging`; the old site disappears only after the new one is in place."""
    target = site_target(site_dir)
    old = _backup_dir(target)
    _remove(old)
    had_site = target.is_dir()
    try:
        if had_site:
            target.rename(old)
    except OSError as exc:
        raise PublishError(
            f"{site_dir.name}/ kan niet worden vervangen ({os_reason(exc)}); de vorige site blijft staan"
        ) from None
    try:
        staging.rename(target)
    except OSError as exc:
        if had_site:
            old.rename(target)  # put the previous site back
        raise PublishError(
            f"de nieuwe site kan niet op de plaats van {site_dir.name}/ komen ({os_reason(exc)})"
        ) from None
    _remove(old, quiet=True)


def discard(staging: Path) -> None:
    _remove(staging, quiet=True)


def _remove(path: Path, quiet: bool = False) -> None:
    """Delete a file, link or folder of ours, also when a read-only folder is in the way."""
    try:
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            path.unlink()
        elif path.is_dir():
            if sys.version_info >= (3, 12):
                shutil.rmtree(path, onexc=_make_writable)
            else:  # pragma: no cover - Python 3.11
                shutil.rmtree(path, onerror=_make_writable)
    except OSError as exc:
        if not quiet:
            raise PublishError(f"{path.name} kan niet worden opgeruimd ({os_reason(exc)})") from None


def _make_writable(func: object, path: str, _exc: object) -> None:
    parent = os.path.dirname(path)
    os.chmod(parent, os.stat(parent).st_mode | stat.S_IWUSR | stat.S_IXUSR)
    if os.path.isdir(path) and not os.path.islink(path):
        os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR | stat.S_IXUSR | stat.S_IRUSR)
        shutil.rmtree(path)
    else:
        os.unlink(path)
