"""State that must outlive one MkDocs build.

`mkdocs serve` re-imports hook modules on every rebuild, so the hook keeps nothing itself.
This module (imported once per process) remembers the command, the site directory and the
last valid catalog, which is reused while no source file changed and shown while the
editor fixes a mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import filelock

from toolbox.catalog import Catalog, load_catalog, source_files
from toolbox.page_context import PageContexts
from toolbox.problems import ContentError, Problem


@dataclass
class BuildSession:
    command: str = "build"
    site_dir: Path | None = None
    catalog: Catalog | None = None
    fingerprint: tuple[tuple[str, int, int], ...] | None = None
    lock: filelock.BaseFileLock | None = None  # held by a build from on_config to on_shutdown
    page_sources: dict[str, tuple[str, int]] = field(default_factory=dict)  # page -> record file and line
    # While serving the last valid catalog: the current content's problems, for a banner on every page.
    problems: list[Problem] = field(default_factory=list)
    # Record page -> its correction form (page.meta.tb_improve_url).
    improve: dict[str, str] = field(default_factory=dict)
    pages: PageContexts | None = None  # head tags, trail and date per page, for the current build

    def load(self, root: Path) -> tuple[Catalog, ContentError | None]:
        """The current catalog; while serving, a broken edit keeps the last valid one."""
        fingerprint = _fingerprint(root)
        if self.catalog is not None and fingerprint == self.fingerprint and self.catalog.root == root:
            return self.catalog, None
        try:
            self.catalog = load_catalog(root)
        except ContentError as exc:
            if self.command == "serve" and self.catalog is not None:
                return self.catalog, exc
            raise
        self.fingerprint = fingerprint
        return self.catalog, None


def _fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    stats = []
    for path in source_files(root):
        st = path.stat()
        stats.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(stats)


SESSION = BuildSession()
