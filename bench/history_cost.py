"""What reading git history costs a build, as a ratio to rendering the pages in the same run.

    python bench/history_cost.py [COUNT ...]   (default: the real catalog, then 1000 and 5000)

For each size: a copy of the repository grown to COUNT interventions (tests/support/synth.py),
committed in a git repository of its own with one intervention changed in a second commit; then
the time of `news.catalog_times` cold (git log and one blame per file, caches emptied) and warm
(as `mkdocs serve` rebuilds after an edit elsewhere), against `render_site`, the size of
/feed.xml and the /nieuw/ page, and the time of the per-record JSON files against the whole export.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support import synth  # noqa: E402
from tests.support.repo import copy_repository  # noqa: E402
from toolbox import feed, history, news  # noqa: E402
from toolbox.catalog import load_catalog  # noqa: E402
from toolbox.export import export_files, record_files  # noqa: E402
from toolbox.render import render_site  # noqa: E402
from toolbox.sitemap import P  # noqa: E402

ENV = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]


def _git(repo: Path, *args: str, when: int = 1_900_000_000) -> None:
    date = {"GIT_COMMITTER_DATE": f"@{when} +0000", "GIT_AUTHOR_DATE": f"@{when} +0000"}
    subprocess.run(["git", "-C", str(repo), *ENV, *args], check=True, capture_output=True, env={**os.environ, **date})


def _repo(target: Path, count: int | None) -> Path:
    repo = synth.make_catalog(target, count) if count else copy_repository(target)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "content")
    ivs = repo / "content" / "interventions.yaml"
    text = ivs.read_text(encoding="utf-8")
    assert "Studentmentoren" in text
    ivs.write_text(text.replace("Studentmentoren", "Studentmentoren (bench)", 1), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "one change", when=1_900_086_400)  # a day later
    return repo


def _timed(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start


def measure(count: int | None) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        repo = _repo(Path(tmp) / "repo", count)
        cat = load_catalog(repo)
        history._LOGS.clear()
        history._BLAMES.clear()
        cold = _timed(lambda: news.catalog_times(cat))
        warm = _timed(lambda: news.catalog_times(cat))
        times = news.catalog_times(cat)
        pages: dict[str, object] = {}
        render = _timed(lambda: pages.update(render_site(cat)))
        changes = news.recent_changes(cat, times, news.FEED_LIMIT)
        atom = feed.atom(changes, site_name="Samen Sterker toolbox", site_url=None, updated=times.newest)
        news_page = len(pages[P.news].text.encode())  # type: ignore[attr-defined]
        first = changes[0].id
        whole = _timed(lambda: export_files(cat))
        own = _timed(lambda: record_files(cat))
    label = f"{len(cat.interventions)} interventions"
    return (
        f"{label:>20}: history cold {cold:.2f} s ({cold / render:.2f} x render {render:.2f} s), "
        f"warm {warm * 1000:.0f} ms; feed.xml {len(atom) / 1024:.1f} KB ({len(changes)} entries, newest {first}); "
        f"nieuw.md {news_page / 1024:.1f} KB; per-record JSON {own:.2f} s ({own / whole:.2f} x toolbox.json export {whole:.2f} s)"
    )


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [0, 1000, 5000]
    for size in sizes:
        print(measure(size or None), flush=True)
