"""Build the Pagefind search index of a built site.

Pagefind stems Dutch (from `<html lang="nl">`), which Material's lunr search does not, and its
index is split into chunks that a browser loads on demand, so it scales with the catalog.
The binary ships inside the `pagefind[extended]` wheel and runs offline.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


def build(site_dir: Path) -> None:
    ignore = ["--exclude-selectors", ".headerlink"]  # the heading permalinks' "¶" is not content
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind", "--silent", *ignore],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind kon de zoekindex niet bouwen:\n{result.stdout}\n{result.stderr}")
