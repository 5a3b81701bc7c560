"""Benchmark the toolbox at scale: `python bench/run.py [--sizes 100,1000,5000]`.

For each size it grows a copy of the repository to N interventions (tests/support/synth.py) and measures
`toolbox validate`, `mkdocs build --strict` (wall time, peak memory), the built site, the Pagefind
index and the YAML -> pages step on its own; a stock Material site with the same number of plain
pages, all in the navigation, is the baseline. It also measures the real site (build, validate,
page weight, `mkdocs serve` rebuild latency) and writes everything to docs/performance.md,
between the markers below, keeping the hand-written notes around them.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for tests.support
from tests.support import chromium, synth  # noqa: E402
from tests.support.gzip_server import serve  # noqa: E402
from tests.support.html import parse_html  # noqa: E402
from tests.support.repo import ROOT, copy_repository  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
PAGE_LIMIT = 80 * 1024
QUERY = "studenten"  # a word on almost every page: the most results, the largest index chunk
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Targets of issue 7 (this machine type).
TARGETS = {
    "real_build_s": 3.0,
    "real_validate_s": 0.5,
    "page_weight_kb": 150,
    "search_kb": 300,
    "serve_s": 3.0,
    "build_5000_s": 45.0,
    "memory_mb": 1024,
    "per_page_ratio": 1.3,
    "validate_5000_s": 2.0,
    "yaml_fraction": 0.10,
}


class BenchError(RuntimeError):
    pass


@dataclass
class Run:
    wall: float
    cpu: float  # user + system seconds of the whole process tree: less sensitive to a busy machine
    peak_bytes: int
    output: str


def run_measured(cmd: list[str], cwd: Path) -> Run:
    """Run `cmd`; wall time and the peak resident memory of its largest process (wait4 rusage)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    if proc.returncode != 0:
        raise BenchError(f"{' '.join(cmd)} failed in {cwd}:\n{text[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, text)


def build(repo: Path, *, strict: bool = True) -> Run:
    cmd = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])]
    return run_measured(cmd, repo)


def validate(repo: Path) -> float:
    return run_measured([sys.executable, "-m", "toolbox", "--root", str(repo), "validate"], repo).wall


_YAML_STEP = """
import sys, time
from toolbox.catalog import load_catalog
from toolbox.render import render_site
start = time.perf_counter()
pages = render_site(load_catalog(sys.argv[1]))
print(time.perf_counter() - start, len(pages))
"""


def yaml_to_pages(repo: Path) -> float:
    """Load + validate + render, timed inside a fresh process after the imports."""
    out = run_measured([sys.executable, "-c", _YAML_STEP, str(repo)], repo).output
    return float(out.split()[0])


def gz_size(data: bytes) -> int:
    """Bytes on the wire with gzip; Pagefind's index files are gzip already."""
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


@dataclass
class SiteStats:
    html_pages: int
    bytes: int
    largest: int
    largest_path: str
    over_limit: list[str]
    search_raw: int
    search_gz: int


def site_stats(site: Path) -> SiteStats:
    files = [p for p in site.rglob("*") if p.is_file()]
    html = sorted((p.stat().st_size, p.relative_to(site).as_posix()) for p in files if p.suffix == ".html")
    search = [p for p in files if "pagefind" in p.relative_to(site).parts[:1]]
    return SiteStats(
        html_pages=len(html),
        bytes=sum(p.stat().st_size for p in files),
        largest=html[-1][0] if html else 0,
        largest_path=html[-1][1] if html else "",
        over_limit=[path for size, path in html if size > PAGE_LIMIT],
        search_raw=sum(p.stat().st_size for p in search),
        search_gz=sum(gz_size(p.read_bytes()) for p in search),
    )


def page_weight(site: Path, page: str) -> int:
    """Gzipped bytes of a page's HTML plus the CSS and JS it loads (the search index excluded)."""
    html_path = site / page / "index.html"
    data = html_path.read_bytes()
    tags = parse_html(data.decode("utf-8")).tags
    assets = [a.get("src") for t, a in tags if t == "script"] + [
        a.get("href") for t, a in tags if t == "link" and a.get("rel") == "stylesheet"
    ]
    total = gz_size(data)
    for url in dict.fromkeys(u for u in assets if u):
        if "://" in url or url.startswith("//"):
            raise BenchError(f"{page} loads {url} from another host")
        target = (html_path.parent / url.split("?")[0].split("#")[0]).resolve()
        if "pagefind" not in target.parts and target.is_file():
            total += gz_size(target.read_bytes())
    return total


_QUERY_JS = """async (q) => {
  const pf = await import("/pagefind/pagefind.js");
  await pf.init();
  const search = await pf.search(q);
  await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  return search.results.length;
}"""


def query_download(site: Path, query: str = QUERY) -> tuple[int, int, int] | None:
    """(gzipped bytes, requests, results) a visitor loads for one Pagefind query with five results
    shown, measured in Chromium; None when Playwright or Chromium is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(chromium.CHROMIUM).exists():
        return None
    urls: list[str] = []
    with serve(site) as base, sync_playwright() as p:
        browser = chromium.launch(p)
        try:
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + "/over/")
            context.on("request", lambda r: urls.append(r.url))
            results = int(page.evaluate(_QUERY_JS, query))
        finally:
            browser.close()
    paths = {u.split("?")[0][len(base) :] for u in urls if u.startswith(base)}
    files = [site / p.lstrip("/") for p in paths]
    return sum(gz_size(f.read_bytes()) for f in files if f.is_file()), len(paths), results


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return str(r.read().decode("utf-8", errors="replace"))
    except OSError:
        return None


def serve_latency(repo: Path) -> float:
    """Seconds from saving an edited element record to `mkdocs serve` serving the changed page."""
    element = sorted((repo / "content" / "elements").glob("*.yaml"))[0]
    element_id = re.search(r"^id: *(\S+)", element.read_text(encoding="utf-8"), re.M)
    assert element_id is not None
    url_path = f"/elementen/{element_id.group(1)}/"
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=repo,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    marker = "zzbenchmarkering"
    try:
        deadline = time.monotonic() + 120
        while _get(base + url_path) is None:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise BenchError("mkdocs serve did not start")
            time.sleep(0.1)
        time.sleep(1.0)  # let the watcher settle after the first build
        text = element.read_text(encoding="utf-8")
        edited = re.sub(r"^(title: .*?)(['\"]?)$", rf"\1 {marker}\2", text, count=1, flags=re.M)
        start = time.monotonic()
        element.write_text(edited, encoding="utf-8")
        while marker not in (_get(base + url_path) or ""):
            if time.monotonic() - start > 60:
                raise BenchError("the edited page did not appear within 60 s")
            time.sleep(0.05)
        return time.monotonic() - start
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class ScaleResult:
    n: int
    cases: int
    validate_s: float
    build: Run
    yaml_s: float
    stats: SiteStats
    query: tuple[int, int, int] | None
    baseline: tuple[Run, SiteStats] | None = None

    @property
    def per_page(self) -> float:
        return self.build.wall / self.stats.html_pages

    @property
    def cpu_per_page(self) -> float:
        return self.build.cpu / self.stats.html_pages


@dataclass
class RealResult:
    build_s: float
    validate_s: float
    yaml_s: float
    stats: SiteStats
    build_cpu: float
    weights: dict[str, int] = field(default_factory=dict)
    query: tuple[int, int, int] | None = None
    serve_s: float | None = None


def measure_scale(work: Path, n: int, baseline: bool, browser: bool) -> ScaleResult:
    repo = synth.make_catalog(work / f"n{n}", n)
    cases = len(list((repo / "content" / "cases").glob("*.yaml")))
    print(f"[{n}] validate, YAML -> pages, build ...", flush=True)
    v = validate(repo)
    y = yaml_to_pages(repo)
    b = build(repo)
    stats = site_stats(repo / "site")
    q = query_download(repo / "site") if browser else None
    result = ScaleResult(n, cases, v, b, y, stats, q)
    if baseline:
        print(f"[{n}] baseline: stock Material, {n} pages in the navigation ...", flush=True)
        base = synth.make_baseline(work / f"baseline{n}", n)
        result.baseline = (build(base, strict=False), site_stats(base / "site"))
        shutil.rmtree(base)
    shutil.rmtree(repo)
    return result


def measure_real(work: Path, browser: bool, serve: bool) -> RealResult:
    from toolbox.catalog import load_catalog

    print("[real] validate, build, page weight ...", flush=True)
    repo = copy_repository(work / "real")
    validate_s, yaml_s = validate(repo), yaml_to_pages(repo)
    run = build(repo)
    site = repo / "site"
    result = RealResult(run.wall, validate_s, yaml_s, site_stats(site), run.cpu)
    first_element = next(iter(load_catalog(repo).elements))
    for label, page in (("home", ""), (f"element ({first_element})", f"elementen/{first_element}")):
        result.weights[label] = page_weight(site, page)
    result.query = query_download(site) if browser else None
    if serve:
        print("[real] mkdocs serve rebuild latency ...", flush=True)
        result.serve_s = serve_latency(repo)
    shutil.rmtree(repo)
    return result


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:,.1f} MB"


def _ok(good: bool) -> str:
    return "yes" if good else "**no**"


def report(scales: list[ScaleResult], real: RealResult | None, command: str) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"Reproduce: `{command}` ({os.cpu_count()} CPUs, Python {sys.version.split()[0]}; "
        f"load average at the end {load}: wall times grow with other work on the machine, CPU times less).",
        "",
    ]
    if scales:
        first = scales[0]
        lines += [
            "### Scale",
            "",
            "| interventions (cases) | HTML pages | validate | YAML -> pages (share of build) | build wall (CPU) | "
            "per page wall (ratio to first) | per page CPU (ratio) | peak memory | site | largest HTML page | pages > 80 KB | "
            "Pagefind raw / gzip | one query | stock Material baseline (ours / baseline) |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for s in scales:
            q = f"{_kb(s.query[0])} in {s.query[1]} requests" if s.query else "not measured"
            if s.baseline:
                b, bs = s.baseline
                base = f"{b.wall:.1f} s ({b.cpu:.1f} s CPU), {_mb(bs.bytes)}, largest {_kb(bs.largest)} ({s.build.wall / b.wall:.2f}x)"
            else:
                base = "skipped"
            lines.append(
                f"| {s.n:,} ({s.cases}) | {s.stats.html_pages:,} | {s.validate_s:.2f} s | "
                f"{s.yaml_s:.2f} s ({s.yaml_s / s.build.wall:.1%}) | {s.build.wall:.1f} s ({s.build.cpu:.1f} s) | "
                f"{s.per_page * 1000:.1f} ms ({s.per_page / first.per_page:.2f}x) | "
                f"{s.cpu_per_page * 1000:.1f} ms ({s.cpu_per_page / first.cpu_per_page:.2f}x) | {_mb(s.build.peak_bytes)} | "
                f"{_mb(s.stats.bytes)} | {_kb(s.stats.largest)} `{s.stats.largest_path}` | "
                f"{len(s.stats.over_limit)} | {_mb(s.stats.search_raw)} / {_mb(s.stats.search_gz)} | {q} | {base} |"
            )
        lines.append("")
        big = scales[-1]
        if big.stats.over_limit:
            lines += [f"Pages above 80 KB at {big.n:,}: " + ", ".join(f"`{p}`" for p in big.stats.over_limit), ""]
        lines += [
            f"#### Targets at {big.n:,} interventions",
            "",
            "| target | measured | met |",
            "|---|---|---|",
            f"| build <= 45 s | {big.build.wall:.1f} s | {_ok(big.build.wall <= TARGETS['build_5000_s'])} |",
            f"| peak memory <= 1 GB | {_mb(big.build.peak_bytes)} | "
            f"{_ok(big.build.peak_bytes <= TARGETS['memory_mb'] * 1024 * 1024)} |",
            f"| no HTML page > 80 KB | largest {_kb(big.stats.largest)}, {len(big.stats.over_limit)} above | "
            f"{_ok(not big.stats.over_limit)} |",
            f"| per page within 1.3x of {first.n:,} | {big.per_page / first.per_page:.2f}x | "
            f"{_ok(big.per_page / first.per_page <= TARGETS['per_page_ratio'])} |",
            f"| per page CPU within 1.3x of {first.n:,} | {big.cpu_per_page / first.cpu_per_page:.2f}x | "
            f"{_ok(big.cpu_per_page / first.cpu_per_page <= TARGETS['per_page_ratio'])} |",
            f"| validate <= 2 s | {big.validate_s:.2f} s | {_ok(big.validate_s <= TARGETS['validate_5000_s'])} |",
            f"| YAML -> pages <= 10% of build (every size) | "
            f"{', '.join(f'{s.yaml_s / s.build.wall:.1%}' for s in scales)} | "
            f"{_ok(all(s.yaml_s / s.build.wall <= TARGETS['yaml_fraction'] for s in scales))} |",
            "",
        ]
    if real:
        rq = real.query
        search = f"{_kb(real.stats.search_gz)} gzip for the whole index folder ({_kb(real.stats.search_raw)} raw)"
        lines += [
            "### Real site",
            "",
            "| measure | value | target | met |",
            "|---|---|---|---|",
            f"| `mkdocs build --strict` | {real.build_s:.2f} s ({real.build_cpu:.2f} s CPU; {real.stats.html_pages} HTML pages) | <= 3 s | "
            f"{_ok(real.build_s <= TARGETS['real_build_s'])} |",
            f"| `toolbox validate` (process start included) | {real.validate_s:.2f} s | <= 0.5 s | "
            f"{_ok(real.validate_s <= TARGETS['real_validate_s'])} |",
            f"| YAML -> pages | {real.yaml_s:.2f} s ({real.yaml_s / real.build_s:.1%} of the build) | <= 10% | "
            f"{_ok(real.yaml_s / real.build_s <= TARGETS['yaml_fraction'])} |",
        ]
        for label, weight in real.weights.items():
            lines.append(
                f"| page weight {label}: HTML + CSS + JS, gzip | {_kb(weight)} | <= 150 KB | "
                f"{_ok(weight <= TARGETS['page_weight_kb'] * 1024)} |"
            )
        if rq:
            lines.append(
                f"| search: one query ('{QUERY}', {rq[2]} results, 5 shown), gzip | {_kb(rq[0])} in {rq[1]} requests | "
                f"<= 300 KB | {_ok(rq[0] <= TARGETS['search_kb'] * 1024)} |"
            )
        lines.append(f"| search index | {search} | | |")
        if real.serve_s is not None:
            lines.append(
                f"| `mkdocs serve`: element record edited -> page served | {real.serve_s:.2f} s | <= 3 s | "
                f"{_ok(real.serve_s <= TARGETS['serve_s'])} |"
            )
        lines.append("")
    return "\n".join(lines)


def write_doc(path: Path, table: str) -> None:
    """Replace the text between the markers; keep the notes around them."""
    block = f"{START}\n{table}\n{END}"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{START}\n{END}\n"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="100,1000,5000", help="numbers of interventions, comma-separated")
    parser.add_argument("--baseline-max", type=int, default=1000, help="largest size with a stock baseline (0: none)")
    parser.add_argument("--out", type=Path, default=DOC, help="Markdown file for the table ('-': print only)")
    parser.add_argument("--no-real", action="store_true", help="skip the real site")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` latency")
    parser.add_argument("--no-browser", action="store_true", help="skip the one-query download in Chromium")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    command = "python bench/run.py" + ("" if args.sizes == "100,1000,5000" else f" --sizes {args.sizes}")
    browser = not args.no_browser
    with tempfile.TemporaryDirectory(prefix="toolbox-bench-") as tmp:
        work = Path(tmp)
        scales = [measure_scale(work, n, n <= args.baseline_max, browser) for n in sizes]
        real = None if args.no_real else measure_real(work, browser, not args.no_serve)
    table = report(scales, real, command)
    print(table)
    if str(args.out) != "-":
        write_doc(args.out, table)
        print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
