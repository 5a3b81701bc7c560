"""Two builds of the same input give byte-identical sites (see docs/hardening.md).

Both builds run from different copies of the repository, so no absolute path, clock time or
random order may leak into the output: not in pages, the sitemap's gzip header or Pagefind's index.
"""

from __future__ import annotations

import calendar
import gzip
import hashlib
import os
import re
import struct
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import copy_repository

pytestmark = pytest.mark.slow  # builds (or serves) whole sites

OLD = calendar.timegm((2020, 1, 2, 15, 30, 0))  # an afternoon: MkDocs rounds to the day
OLD_DAY = calendar.timegm((2020, 1, 2, 0, 0, 0))


def build(repo: Path, builder: str = "mkdocs", **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        [sys.executable, "-m", builder, "build", "--strict", "-f", "mkdocs.yml"],
        capture_output=True,
        text=True,
        cwd=repo,
        env={**clean, "NO_MKDOCS_2_WARNING": "1", **env},
        timeout=300,
    )


# The one line in which a ProperDocs build differs from an MkDocs build: the generator's name.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def digest(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(GENERATOR.sub(b"", p.read_bytes())).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def aged_copy(target: Path) -> Path:
    """A copy outside git whose sources were last changed on OLD (the build date falls back to it)."""
    repo = copy_repository(target)
    for path in repo.rglob("*.yaml"):
        os.utime(path, (OLD, OLD))
    return repo


def gzip_mtime(path: Path) -> int:
    return int(struct.unpack("<I", path.read_bytes()[4:8])[0])


# Pagefind writes the values of each search filter in hash-map order, which changes from run to run
# (Pagefind issue #638); the file names hash that content, and the meta and entry files name those
# files. These are the only files compared by content instead of byte for byte (docs/hardening.md).
PAGEFIND_UNSTABLE = re.compile(r"^pagefind/(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")
HASHED_NAME = re.compile(r"nl_[0-9a-f]+")


def unstable_signature(site: Path, names: list[str]) -> Counter[tuple[str, int, bytes]]:
    """Order-free content of Pagefind's filter/meta/entry files: same filters, same values, same sizes."""
    found: Counter[tuple[str, int, bytes]] = Counter()
    for name in names:
        raw = (site / name).read_bytes()
        if name.endswith(".json"):
            found[("entry", 0, HASHED_NAME.sub("nl_#", raw.decode()).encode())] += 1
            continue
        data = gzip.decompress(raw)
        kind = "filter" if name.endswith(".pf_filter") else "meta"
        body = HASHED_NAME.sub("nl_#", data.decode("latin-1")).encode("latin-1") if kind == "meta" else data
        found[(kind, len(data), bytes(sorted(body)))] += 1
    return found


def assert_same_site(first: Path, second: Path) -> None:
    a, b = digest(first), digest(second)
    stable_a = {k: v for k, v in a.items() if not PAGEFIND_UNSTABLE.match(k)}
    stable_b = {k: v for k, v in b.items() if not PAGEFIND_UNSTABLE.match(k)}
    assert stable_a.keys() == stable_b.keys()
    assert sorted(name for name in stable_a if stable_a[name] != stable_b[name]) == []
    assert any(name.startswith("pagefind/fragment/") for name in stable_a), "the search index is compared too"
    unstable_a = sorted(set(a) - set(stable_a))
    unstable_b = sorted(set(b) - set(stable_b))
    assert len(unstable_a) == len(unstable_b)
    assert unstable_signature(first, unstable_a) == unstable_signature(second, unstable_b)


# Pages and files made from the content's history (toolbox/history.py, news.py, feed.py, export.py).
DATED = ["feed.xml", "nieuw/index.html", "aanpakken/studentmentoren/index.html", "data/aanpakken/studentmentoren.json"]


def test_two_builds_are_identical(tmp_path: Path) -> None:
    first, second = aged_copy(tmp_path / "a"), aged_copy(tmp_path / "b")
    for repo in (first, second):
        result = build(repo)
        assert result.returncode == 0, result.stderr
    assert_same_site(first / "site", second / "site")
    for name in DATED:
        assert (first / "site" / name).is_file(), name
    assert "<updated>2020-01-02T15:30:00Z</updated>" in (first / "site" / "feed.xml").read_text(encoding="utf-8")


def test_two_clones_of_one_commit_build_identical_sites(tmp_path: Path) -> None:
    """In git the dates are the commit's, whatever the files' times in each clone."""
    from tests.test_history import git

    source = copy_repository(tmp_path / "source")
    git(source, "init", "-q")
    git(source, "add", ".")
    git(source, "commit", "-q", "-m", "content", when=OLD)
    clones = [tmp_path / "one", tmp_path / "two"]
    for n, clone in enumerate(clones):
        subprocess.run(["git", "clone", "-q", str(source), str(clone)], check=True)
        for path in clone.rglob("*.yaml"):
            os.utime(path, (OLD + (n + 1) * 86_400 * 100, OLD + (n + 1) * 86_400 * 100))
        result = build(clone)
        assert result.returncode == 0, result.stderr
    assert_same_site(clones[0] / "site", clones[1] / "site")
    for name in DATED:
        assert (clones[0] / "site" / name).is_file(), name
    page = (clones[0] / "site" / "aanpakken" / "studentmentoren" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2020-01-02">2 januari 2020</time>' in page


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path: Path) -> None:
    # ProperDocs 1.6 continues MkDocs 1.6 with hooks (docs/migration.md): the same hook, theme and pages.
    first, second = aged_copy(tmp_path / "mkdocs"), aged_copy(tmp_path / "properdocs")
    for repo, builder in ((first, "mkdocs"), (second, "properdocs")):
        result = build(repo, builder)
        assert result.returncode == 0, result.stderr
    assert (second / "site" / "aanpakken" / "index.html").is_file()
    assert b"ProperDocs" in (second / "site" / "index.html").read_bytes(), "the second site is ProperDocs' own"
    assert_same_site(first / "site", second / "site")


def test_build_date_comes_from_the_sources_not_the_clock(tmp_path: Path) -> None:
    repo = aged_copy(tmp_path / "repo")
    assert build(repo).returncode == 0
    sitemap = repo / "site" / "sitemap.xml.gz"
    assert gzip_mtime(sitemap) == OLD_DAY
    assert gzip.decompress(sitemap.read_bytes()) == (repo / "site" / "sitemap.xml").read_bytes()


def test_dates_come_from_the_content_even_when_the_caller_sets_source_date_epoch(tmp_path: Path) -> None:
    """Every page is dated by its content's history (toolbox/history.py: outside git, the files'
    times), and MkDocs dates the sitemap's gzip header by its newest page, so a caller's
    SOURCE_DATE_EPOCH changes nothing in the output."""
    repo = aged_copy(tmp_path / "repo")
    assert build(repo, SOURCE_DATE_EPOCH=str(OLD + 86_400 * 365)).returncode == 0
    assert gzip_mtime(repo / "site" / "sitemap.xml.gz") == OLD_DAY
