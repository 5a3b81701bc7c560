"""Build the Pagefind search index of a built site.

Pagefind stems Dutch (from `<html lang="nl">`), which Material's lunr search does not, and its
index is split into chunks that a browser loads on demand, so it scales with the catalog.
The binary ships inside the `pagefind[extended]` wheel and runs offline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from toolbox import search_words


class SearchIndexError(RuntimeError):
    pass


def build(site_dir: Path, catalog: Any = None) -> None:
    """Pagefind's index in `pagefind/`, then the word list with the synonyms of `catalog`."""
    ignore = ["--exclude-selectors", ".headerlink"]  # the heading permalinks' "¶" is not content
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind", "--silent", *ignore],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind kon de zoekindex niet bouwen:\n{result.stdout}\n{result.stderr}")
    write_words(site_dir, catalog.search_terms if catalog is not None else None)


def write_words(site_dir: Path, terms: Any) -> None:
    synonyms = {}
    for t in terms.terms if terms is not None else []:
        synonyms[search_words.fold(t.term)] = [search_words.fold(w) for w in t.words]
    data = {"words": search_words.site_words(site_dir), "synonyms": synonyms}
    out = site_dir / search_words.WORDS_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
