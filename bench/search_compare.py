"""Search quality, Pagefind against Material's built-in search: `python bench/search_compare.py`.

Builds the site twice in temporary directories: as shipped (Pagefind, from the hook) and from a
copy whose config enables Material's own search plugin (`search: {lang: nl}`) with the stock
header. Runs every query of tests/search_queries.yaml in Chromium against both (Pagefind through
its JavaScript API, Material through its search box) and prints the top-5 hit rates side by side.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for tests.support
from tests.support import chromium  # noqa: E402
from tests.support.gzip_server import serve  # noqa: E402
from tests.support.repo import ROOT, copy_repository  # noqa: E402

PAGEFIND_TOP5_JS = """async (q) => {
  const pf = await import('/pagefind/pagefind.js');
  const search = await pf.search(q);
  const data = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  return data.map(d => new URL(d.url, location.href).pathname);
}"""


def build(root: Path, out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )


def material_repo(target: Path) -> Path:
    """A copy of the repository whose config uses Material's search and the stock header."""
    copy_repository(target)
    (target / "overrides" / "partials" / "header.html").unlink(missing_ok=True)
    (target / "overrides" / "partials" / "search.html").unlink(missing_ok=True)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    if "plugins: []" not in config:
        raise SystemExit("mkdocs.yml no longer says `plugins: []`; adapt bench/search_compare.py")
    config = config.replace("plugins: []", "plugins:\n  - search:\n      lang: nl")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def material_top5(page: Any, url: str, q: str) -> list[str]:
    """A fresh page per query (no stale results), then Material's result list once it has settled."""
    page.goto(url + "/")
    box = page.locator(".md-search__input")
    box.click()  # desktop width: the box is in the header
    box.fill(q)
    read = """() => [document.querySelector('.md-search-result__meta').textContent.trim(),
      [...document.querySelectorAll('.md-search-result__list > .md-search-result__item > a')].map(a => a.href)]"""
    readings: list[Any] = []
    for _ in range(100):  # results come from a web worker: wait until three readings agree
        page.wait_for_timeout(150)
        readings.append(page.evaluate(read))
        if len(readings) >= 3 and readings[-1] == readings[-2] == readings[-3] and "overeenkom" in readings[-1][0]:
            break
    paths: list[str] = []
    for href in readings[-1][1]:
        path = urlparse(href).path
        if path not in paths:
            paths.append(path)
    return paths[:5]


def run(queries: list[dict[str, str]], pagefind_url: str, material_url: str) -> list[tuple[str, str, bool, bool]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = chromium.launch(p)
        pf: Any = browser.new_page()
        pf.goto(pagefind_url + "/")
        mat: Any = browser.new_page()
        for item in queries:
            pf_hit = item["expected"] in pf.evaluate(PAGEFIND_TOP5_JS, item["q"])
            mat_hit = item["expected"] in material_top5(mat, material_url, item["q"])
            rows.append((item["q"], item["kind"], pf_hit, mat_hit))
        browser.close()
    return rows


def main() -> int:
    queries = yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]
    with tempfile.TemporaryDirectory(prefix="search-compare-") as tmp:
        ours, theirs = Path(tmp) / "pagefind-site", Path(tmp) / "material-site"
        build(ROOT, ours)
        build(material_repo(Path(tmp) / "material-repo"), theirs)
        with serve(ours) as pf_url, serve(theirs) as mat_url:
            rows = run(queries, pf_url, mat_url)
    mark = {True: "hit", False: "-"}
    print(f"{'query':48} {'kind':11} {'Pagefind':>9} {'Material':>9}")
    for q, kind, pf_hit, mat_hit in rows:
        print(f"{q:48} {kind:11} {mark[pf_hit]:>9} {mark[mat_hit]:>9}")
    n = len(rows)
    pf_n, mat_n = sum(r[2] for r in rows), sum(r[3] for r in rows)
    print(f"{'top-5 hit rate':60} {pf_n}/{n} = {pf_n / n:.0%}   {mat_n}/{n} = {mat_n / n:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
