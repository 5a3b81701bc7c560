"""When content last changed, from git: per source file, and per record in a file of many records.

Used for `lastmod` in the sitemap, `dateModified` in the structured data, the "Laatst gewijzigd"
date on record pages and the list of recent changes (`/nieuw/`, `/feed.xml`). The rules, in order:

- a committed file: the committer time of the last commit that changed it (`git log`; moving a
  file without changing it is not a change);
- a record: the newest committer time of its own lines (`git blame`, which follows moved files),
  so editing one intervention does not date the others in the same file and a changed comment
  above a record does not date it; a deleted line leaves no trace in blame, so removing whole
  lines from a record dates it by its remaining lines;
- a file or line changed since the last commit, a file git does not track, or any file outside a
  git checkout (or without git): the file's modification time.

Committed content gives the same times for the same commit, on any machine and any clone with
the full history (a shallow clone dates every file by its oldest commit present).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from toolbox.figures import nl_date

T = TypeVar("T")


class HasPlace(Protocol):
    """Where a record starts (toolbox.catalog.Origin): a path relative to the root and a line."""

    @property
    def path(self) -> str: ...

    @property
    def line(self) -> int: ...


UNCOMMITTED = "0" * 40  # the commit `git blame` gives lines that are not committed yet


@dataclass
class History:
    root: Path
    top: Path | None  # the git checkout holding root, or None outside git
    committed: dict[str, int]  # root-relative path -> committer time of its last commit
    dirty: frozenset[str]  # root-relative paths changed since the last commit, or untracked
    head: str = ""  # the commit checked out
    _blamed: dict[str, list[int] | None] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, root: Path | str, files: Iterable[str]) -> History:
        """Read the history of `files` (paths relative to `root`) with three git commands."""
        root = Path(root).resolve()
        rels = sorted(set(files))
        found = _git(root, "rev-parse", "--show-toplevel", "HEAD")  # fails outside git and before a commit
        if found is None or len(found.split()) != 2 or not rels:
            return cls(root, None, {}, frozenset(rels))
        top_text, head = found.split()
        top = Path(top_text).resolve()
        prefix = root.relative_to(top).as_posix() if root != top else ""

        def rel(path_in_top: str) -> str:
            return path_in_top[len(prefix) + 1 :] if prefix else path_in_top

        top_rel = {(f"{prefix}/{r}" if prefix else r): r for r in rels}
        log = _cached(_LOGS, (str(top), head), lambda: _git(root, "log", "-M", "--format=@%ct", "--name-status"))
        committed = _last_commits(log or "", top_rel)
        status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *rels) or ""
        dirty = {rel(line[3:]) for line in status.splitlines() if len(line) > 3}
        dirty |= {r for r in rels if r not in committed}
        return cls(root, top, committed, frozenset(dirty), head)

    def file_time(self, rel: str) -> int:
        """Unix time at which the file `rel` last changed."""
        mtime = self._mtime(rel)
        if rel in self.dirty or rel not in self.committed:
            return max(self.committed.get(rel, 0), mtime)
        return self.committed[rel]

    def lines_time(self, rel: str, first: int, last: int | None = None) -> int:
        """Unix time at which any of the lines `first`..`last` (1-based, inclusive; None: to the end) changed."""
        times = self._blame(rel)
        if times is None:
            return self.file_time(rel)
        chosen = times[first - 1 : last]
        return max(chosen) if chosen else self.file_time(rel)

    def record_times(self, origins: Mapping[str, HasPlace]) -> dict[str, int]:
        """Time per record id: the newest time of its lines.

        A record's lines run from its first line to the line before the next record in its file
        (or the end), so comments above it and the other records in a file do not count.
        """
        by_file: dict[str, list[tuple[int, str]]] = {}
        for ident, origin in origins.items():
            by_file.setdefault(origin.path, []).append((origin.line, ident))
        # One `git blame` per file; run side by side, as each mostly waits for its process.
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(self._blame, sorted(by_file)))
        times: dict[str, int] = {}
        for rel, starts in by_file.items():
            starts.sort()
            for n, (line, ident) in enumerate(starts):
                end = starts[n + 1][0] - 1 if n + 1 < len(starts) else None
                times[ident] = self.lines_time(rel, line, end)
        return times

    def newest(self, rels: Iterable[str]) -> int:
        return max((self.file_time(r) for r in rels), default=0)

    def _mtime(self, rel: str) -> int:
        try:
            return int((self.root / rel).stat().st_mtime)
        except OSError:
            return 0

    def _blame(self, rel: str) -> list[int] | None:
        if rel not in self._blamed:
            try:
                st = (self.root / rel).stat()
            except OSError:
                return None
            # `mkdocs serve` rebuilds on every edit: blame again only the files that changed.
            key = (str(self.root / rel), self.head, st.st_mtime_ns, st.st_size)
            self._blamed[rel] = _cached(_BLAMES, key, lambda: self._blame_file(rel))
        return self._blamed[rel]

    def _blame_file(self, rel: str) -> list[int] | None:
        """Committer time per line of the working file (uncommitted lines: the file's mtime)."""
        if self.top is None or rel not in self.committed:
            return None
        out = _git(self.root, "blame", "--porcelain", "--", rel)
        if out is None:
            return None
        mtime = self._mtime(rel)
        commit_times: dict[str, int] = {}
        times: list[int] = []
        current = ""
        expect_header = True
        for line in out.splitlines():
            if expect_header:
                current = line.split(" ", 1)[0]
                expect_header = False
            elif line.startswith("\t"):
                times.append(mtime if current == UNCOMMITTED else commit_times.get(current, 0))
                expect_header = True
            elif line.startswith("committer-time "):
                commit_times[current] = int(line.split(" ", 1)[1])
        return times


# Git output per process, keyed by what it depends on (the commit, and for blame the file's state).
_LOGS: dict[tuple[Any, ...], str | None] = {}
_BLAMES: dict[tuple[Any, ...], list[int] | None] = {}
_KEEP = 4096


def _cached(cache: dict[Any, T], key: Any, make: Callable[[], T]) -> T:
    if key not in cache:
        if len(cache) >= _KEEP:
            cache.clear()
        cache[key] = make()
    return cache[key]


def _last_commits(log: str, wanted: dict[str, str]) -> dict[str, int]:
    """Committer time of the last commit that changed the content of each wanted file.

    `log`: `git log -M --name-status`, newest first. A file moved without changes (R100) keeps
    the time of its last real change, found under its older name further down the log.
    """
    alias = dict(wanted)  # a name in the part of the log read so far -> the wanted file it became
    found: dict[str, int] = {}
    stamp = 0
    for line in log.splitlines():
        if line.startswith("@"):
            stamp = int(line[1:])
            continue
        status, _, names = line.partition("\t")
        if not names:
            continue
        if status.startswith("R"):
            old, _, new = names.partition("\t")
            if new in alias:
                target = alias.pop(new)
                if status != "R100":
                    found.setdefault(target, stamp)
                alias[old] = target
        elif names in alias:
            target = alias[names]
            found.setdefault(target, stamp)
            if status == "A":
                del alias[names]  # before this commit the name held another file, or none
    return found


@dataclass(frozen=True)
class ContentTimes:
    """Unix times of a catalog's content: per record id, and the newest of all source files."""

    records: dict[str, int]
    newest: int


def content_times(root: Path, files: Iterable[str], origins: Mapping[str, HasPlace]) -> ContentTimes:
    """The times of the records at `origins` and of the newest of `files` (paths relative to `root`)."""
    rels = list(files)
    history = History.of(root, rels)
    return ContentTimes(history.record_times(origins), history.newest(rels))


def dutch_date(iso: str) -> str:
    """`2026-11-03` as Dutch readers write it: `3 november 2026`."""
    return nl_date(date.fromisoformat(iso[:10]))


def iso_date(stamp: int) -> str:
    """`YYYY-MM-DD` in UTC (W3C date, as the sitemap protocol and schema.org take it)."""
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d")


def _git(root: Path, *args: str) -> str | None:
    """Output of a git command in `root`, or None when git is missing or the command fails."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotePath=false", *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
