"""Search quality, plain Pagefind against the site's search: `python bench/search_compare.py`.

Builds the site once, serves it gzipped and runs every query of tests/search_queries.yaml in
Chromium twice: through Pagefind's JavaScript API as the search box used it before issue 18 (one
link per page) and through the site's search (static/assets/search/engine.js: stop words,
synonyms, compounds, typo corrections, partial matches, deep links). Prints the top-5 hit rates per
kind, for the tuned part and the held-out part separately. Per-query lines are printed for the
tuned part only; `--show-holdout` prints the held-out ones too (do not use it while tuning).

`--scale 5000` measures cost instead, at the real size and at 5,000 interventions (a synthetic
catalog, tests/support/synth.py): per query, in a fresh browser, the gzipped bytes and requests it
downloads and the time to its first six results (what the header box shows), cold (nothing loaded)
and warm (index loaded, median of the other queries), for plain Pagefind and for the site search.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for tests.support
import gzip  # noqa: E402
import statistics  # noqa: E402

from tests.support import chromium, synth  # noqa: E402
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


# One query of each kind, and the heavy one of docs/performance.md ('studenten': most results).
SCALE_QUERIES = ["studenten", "studieloekt", "studenten café", "SLB", "wat doen we tegen uitval in het eerste jaar"]
PLAIN_TIMED_JS = """async (q) => {
  const t = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const search = await pf.search(q);
  await Promise.all(search.results.slice(0, 6).map(r => r.data()));
  return performance.now() - t;
}"""
OURS_TIMED_JS = """async (q) => {
  const t = performance.now();
  const engine = await import('/assets/search/engine.js');
  await engine.search(q, {limit: 6});
  return performance.now() - t;
}"""


def measure_cost(site: Path) -> dict[str, dict[str, Any]]:
    """Per engine: bytes and requests of each cold query, cold and warm times (ms)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, dict[str, Any]] = {}
    with serve(site) as base, sync_playwright() as p:
        browser = chromium.launch(p)
        for name, js in (("Pagefind", PLAIN_TIMED_JS), ("site search", OURS_TIMED_JS)):
            downloads, cold, warm = [], [], []
            for q in SCALE_QUERIES:
                context = browser.new_context()  # an empty cache: what a first query costs
                page = context.new_page()
                page.goto(base + "/over/")
                urls: list[str] = []
                context.on("request", lambda r, urls=urls: urls.append(r.url))
                cold.append(page.evaluate(js, q))
                paths = {u.split("?")[0][len(base) :] for u in urls if u.startswith(base)}
                files = [site / path.lstrip("/") for path in paths]
                size = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files if f.is_file())
                downloads.append((q, size, len(paths)))
                warm.extend(page.evaluate(js, other) for other in SCALE_QUERIES if other != q)
                context.close()
            out[name] = {"downloads": downloads, "cold": cold, "warm": statistics.median(warm), "warm_max": max(warm)}
        browser.close()
    return out


def cost_report(label: str, cost: dict[str, dict[str, Any]], words_gz: int) -> str:
    lines = [f"\n{label}: search/woorden.json {words_gz / 1024:.0f} KB gzip"]
    lines.append(f"{'query':46} " + " ".join(f"{n + ' KB (req)':>22} {n + ' cold ms':>20}" for n in cost))
    for i, q in enumerate(SCALE_QUERIES):
        cells = []
        for data in cost.values():
            _, size, requests = data["downloads"][i]
            cells.append(f"{size / 1024:>16.0f} ({requests:>2}) {data['cold'][i]:>20.0f}")
        lines.append(f"{q[:46]:46} " + " ".join(cells))
    for n, data in cost.items():
        lines.append(f"{n}: warm median {data['warm']:.0f} ms, warm max {data['warm_max']:.0f} ms")
    return "\n".join(lines)


def scale(count: int) -> int:
    with tempfile.TemporaryDirectory(prefix="search-scale-") as tmp:
        sites = [("real size", build_site(Path(tmp) / "real"))]
        repo = synth.make_catalog(Path(tmp) / f"repo{count}", count)
        sites.append((f"{count:,} interventions", build_site(Path(tmp) / f"site{count}", root=repo)))
        for label, site in sites:
            words = (site / "search" / "woorden.json").read_bytes()
            print(cost_report(label, measure_cost(site), len(gzip.compress(words, 6))), flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-holdout", action="store_true", help="also print the held-out queries one by one")
    parser.add_argument("--plain-only", action="store_true", help="only plain Pagefind (the baseline)")
    parser.add_argument(
        "--scale", type=int, metavar="N", help="measure downloads and timings at the real size and at N"
    )
    args = parser.parse_args()
    if args.scale:
        return scale(args.scale)
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
