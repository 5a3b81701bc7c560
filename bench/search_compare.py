"""Search quality, plain Pagefind against the site's search: `python bench/search_compare.py`.

Builds the site once, serves it gzipped and runs every query of tests/search_queries.yaml in
Chromium twice: through Pagefind's JavaScript API as the search box used it before issue 18 (one
link per page) and through the site's search (static/assets/search/engine.js: stop words,
synonyms, compounds, typo corrections, partial matches, deep links). Prints the top-5 hit rates per
kind, for the tuned part and the held-out part separately. Per-query lines are printed for the
tuned part only; `--show-holdout` prints the held-out ones too (do not use it while tuning).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for tests.support
from tests.support import chromium  # noqa: E402
from tests.support.gzip_server import serve  # noqa: E402
from tests.support.search_quality import (  # noqa: E402
    KINDS,
    OURS_TOP5_JS,
    PLAIN_TOP5_JS,
    Query,
    hits,
    load_queries,
    rates,
    top5,
)
from tests.support.site_build import build_site  # noqa: E402


def run(url: str, queries: list[Query], engines: dict[str, str]) -> dict[str, list[tuple[Query, bool, list[str]]]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[tuple[Query, bool, list[str]]]] = {name: [] for name in engines}
    with sync_playwright() as p:
        browser = chromium.launch(p)
        page: Any = browser.new_page()
        page.goto(url + "/")
        for name, js in engines.items():
            for query in queries:
                links = top5(page, js, query.q)
                out[name].append((query, hits(links, query.targets), links))
        browser.close()
    return out


def table(results: dict[str, list[tuple[Query, bool, list[str]]]], holdout: bool) -> str:
    names = list(results)
    lines = [f"{'kind':10} " + " ".join(f"{n:>14}" for n in names)]
    per = {n: rates([(q, h) for q, h, _ in rows if q.holdout == holdout]) for n, rows in results.items()}
    for kind in (*KINDS, "all"):
        cells = []
        for n in names:
            hit, total = per[n].get(kind, (0, 0))
            cells.append(f"{hit:>3}/{total:<3} {hit / total if total else 0:>5.0%}")
        lines.append(f"{kind:10} " + " ".join(f"{c:>14}" for c in cells))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-holdout", action="store_true", help="also print the held-out queries one by one")
    parser.add_argument("--plain-only", action="store_true", help="only plain Pagefind (the baseline)")
    args = parser.parse_args()
    queries = load_queries()
    engines = {"Pagefind": PLAIN_TOP5_JS}
    if not args.plain_only:
        engines["site search"] = OURS_TOP5_JS
    with tempfile.TemporaryDirectory(prefix="search-compare-") as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        with serve(site) as url:
            results = run(url, queries, engines)
    names = list(results)
    for i, query in enumerate(queries):
        if query.holdout and not args.show_holdout:
            continue
        marks = " ".join(f"{'hit' if results[n][i][1] else '-':>5}" for n in names)
        print(
            f"{query.kind:9} {query.q[:54]:54} {marks}   {results[names[-1]][i][2][:3] if not results[names[-1]][i][1] else ''}"
        )
    print("\nTuned part (top-5 hit rate)\n" + table(results, holdout=False))
    print("\nHeld-out part (top-5 hit rate)\n" + table(results, holdout=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
