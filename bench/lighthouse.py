"""Lighthouse on every page type: `python bench/lighthouse.py [--runs 3] [--site DIR] [--baseline DIR]`.

Builds the site (or takes a built one), serves it with gzip on 127.0.0.1 (tests/support/
gzip_server.py, as a web host would) and runs npm's Lighthouse 12 in Debian's Chromium with its
default mobile profile (Moto G Power screen, simulated slow 4G and 4x CPU slowdown). Each page is
run `--runs` times and the run with the median performance score is reported. The table goes to
stdout and into docs/performance.md between the markers below.

With `--baseline DIR` (a site built from an earlier commit) both sites are measured in the same
run, their runs interleaved page by page, and the table shows before -> after: on a shared machine
the load then weighs on both alike, which two runs at different times cannot promise.

Lighthouse needs `npm ci` (it is a devDependency) and works offline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.support import chromium  # noqa: E402
from tests.support.gzip_server import serve  # noqa: E402
from tests.support.page_types import LIGHTHOUSE_TYPES, representative_pages  # noqa: E402
from tests.support.site_build import build_site  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass
class Result:
    page: str
    path: str
    scores: dict[str, int]  # category -> 0..100
    cls: float
    lcp_ms: float
    transfer_bytes: int
    benchmark_index: float


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    flags = " ".join(["--headless=new", *chromium.ARGS])
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": chromium.CHROMIUM}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {report['runtimeError']}")
    return report


def summarise(page: str, path: str, report: dict[str, Any]) -> Result:
    audits = report["audits"]
    return Result(
        page=page,
        path=path,
        scores={c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES},
        cls=float(audits["cumulative-layout-shift"]["numericValue"]),
        lcp_ms=float(audits["largest-contentful-paint"]["numericValue"]),
        transfer_bytes=int(audits["total-byte-weight"]["numericValue"]),
        benchmark_index=float(report.get("environment", {}).get("benchmarkIndex", 0)),
    )


def _median(tries: list[Result]) -> Result:
    tries = sorted(tries, key=lambda r: r.scores["performance"])
    return tries[(len(tries) - 1) // 2]  # the median run (the lower one of two)


def measure(site: Path, runs: int, work: Path) -> list[Result]:
    pages = representative_pages(site, LIGHTHOUSE_TYPES)
    results = []
    with serve(site) as base:
        for page, path in pages.items():
            tries = []
            for n in range(runs):
                out = work / f"{page.replace(' ', '-')}-{n}.json"
                tries.append(summarise(page, path, lighthouse(f"{base}/{path}", out)))
            results.append(_median(tries))
            print(f"  {page}: {results[-1].scores}", file=sys.stderr)
    return results


def measure_pair(site: Path, baseline: Path, runs: int, work: Path) -> list[tuple[Result | None, Result]]:
    """(baseline, site) per page type of `site`; runs alternate between the two sites."""
    pages = representative_pages(site, LIGHTHOUSE_TYPES)
    before = representative_pages(baseline, LIGHTHOUSE_TYPES)  # a page type it lacks has no "before"
    results: list[tuple[Result | None, Result]] = []
    with serve(site) as new, serve(baseline) as old:
        for page, path in pages.items():
            tries_old, tries_new = [], []
            for n in range(runs):
                stem = f"{page.replace(' ', '-')}-{n}"
                if page in before:
                    report = lighthouse(f"{old}/{before[page]}", work / f"{stem}-before.json")
                    tries_old.append(summarise(page, before[page], report))
                tries_new.append(summarise(page, path, lighthouse(f"{new}/{path}", work / f"{stem}.json")))
            pair = (_median(tries_old) if tries_old else None, _median(tries_new))
            results.append(pair)
            print(f"  {page}: {pair[0].scores if pair[0] else '-'} -> {pair[1].scores}", file=sys.stderr)
    return results


def pair_table(pairs: list[tuple[Result | None, Result]], runs: int, version: str) -> str:
    index = statistics.median(r.benchmark_index for _, r in pairs) if pairs else 0
    lines = [
        f"Lighthouse {version}, mobile profile (default form factor and simulated throttling), "
        f"Debian's Chromium, gzip-serving local host; before -> after, both sites in the same run with "
        f"their runs interleaved; median of {runs} run(s) per page by performance score; Lighthouse's "
        f"CPU benchmark index on this machine: {index:.0f}.",
        "",
        "| page type | path | performance | accessibility | best practices | SEO | CLS | LCP | total transfer |",
        "|---|---|---|---|---|---|---|---|---|",
    ]

    def cell(old: str | None, new: str) -> str:
        return new if old is None else f"{old} → {new}"

    for old, r in pairs:
        o = old.scores if old else None
        cells = [
            cell(str(o[c]) if o else None, str(r.scores[c]))
            for c in ("performance", "accessibility", "best-practices", "seo")
        ]
        cells.append(cell(f"{old.cls:.3f}" if old else None, f"{r.cls:.3f}"))
        cells.append(cell(f"{old.lcp_ms / 1000:.1f} s" if old else None, f"{r.lcp_ms / 1000:.1f} s"))
        cells.append(cell(f"{old.transfer_bytes / 1024:.0f} KB" if old else None, f"{r.transfer_bytes / 1024:.0f} KB"))
        lines.append(f"| {r.page} | `/{r.path}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table(results: list[Result], runs: int, version: str) -> str:
    index = statistics.median(r.benchmark_index for r in results) if results else 0
    lines = [
        f"Lighthouse {version}, mobile profile (default form factor and simulated throttling), "
        f"Debian's Chromium, gzip-serving local host; median of {runs} run(s) per page by performance "
        f"score; Lighthouse's CPU benchmark index on this machine: {index:.0f}.",
        "",
        "| page type | path | performance | accessibility | best practices | SEO | CLS | LCP | total transfer |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        s = r.scores
        lines.append(
            f"| {r.page} | `/{r.path}` | {s['performance']} | {s['accessibility']} | {s['best-practices']} | "
            f"{s['seo']} | {r.cls:.3f} | {r.lcp_ms / 1000:.1f} s | {r.transfer_bytes / 1024:.0f} KB |"
        )
    return "\n".join(lines)


def write_doc(path: Path, text: str) -> None:
    """Replace the text between the markers (appended under a heading when they are missing)."""
    block = f"{START}\n{text}\n{END}"
    doc = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    if START in doc and END in doc:
        doc = doc[: doc.index(START)] + block + doc[doc.index(END) + len(END) :]
    else:
        doc = doc.rstrip() + "\n\n## Lighthouse\n\n" + block + "\n"
    path.write_text(doc, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is reported")
    parser.add_argument("--site", type=Path, help="a built site (default: build the repository)")
    parser.add_argument("--baseline", type=Path, help="a site built from an earlier commit, measured alongside")
    parser.add_argument("--out", type=Path, default=DOC, help="Markdown file for the table ('-': print only)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        parser.error("Lighthouse is missing: run `npm ci` first")
    version = json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text())["version"]
    with tempfile.TemporaryDirectory(prefix="toolbox-lighthouse-") as tmp:
        work = Path(tmp)
        site = args.site
        if site is None:
            site = work / "site"
            build_site(site)
        runs = max(1, args.runs)
        if args.baseline:
            text = pair_table(measure_pair(site, args.baseline, runs, work), runs, version)
        else:
            text = table(measure(site, runs, work), runs, version)
    print(text)
    if str(args.out) != "-":
        write_doc(args.out, text)
        print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
