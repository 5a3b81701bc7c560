"""Last-modified times from git (toolbox/history.py), with the fallback outside git."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from toolbox.catalog import load_catalog, source_files
from toolbox.history import History, iso_date

DAY = 86_400
T1 = 1_600_000_000  # 2020-09-13
T2 = T1 + 30 * DAY
T3 = T1 + 60 * DAY


@dataclass(frozen=True)
class Place:
    path: str
    line: int


def git(repo: Path, *args: str, when: int | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when is not None:
        env |= {"GIT_COMMITTER_DATE": f"@{when} +0000", "GIT_AUTHOR_DATE": f"@{when} +0000"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "content" / "a.yaml").write_text("a: 1\n")
    (repo / "content" / "many.yaml").write_text("- id: een\n  x: 1\n- id: twee\n  x: 2\n- id: drie\n  x: 3\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "one", when=T1)
    (repo / "content" / "many.yaml").write_text("- id: een\n  x: 1\n- id: twee\n  x: 22\n- id: drie\n  x: 3\n")
    git(repo, "commit", "-q", "-am", "two", when=T2)
    (repo / "content" / "b.yaml").write_text("b: 1\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "three", when=T3)
    return repo


FILES = ["content/a.yaml", "content/many.yaml", "content/b.yaml"]
ORIGINS = {
    "een": Place("content/many.yaml", 1),
    "twee": Place("content/many.yaml", 3),
    "drie": Place("content/many.yaml", 5),
    "a": Place("content/a.yaml", 1),
}


def test_committed_files_and_records_get_their_commit_times(repo: Path) -> None:
    history = History.of(repo, FILES)
    assert [history.file_time(f) for f in FILES] == [T1, T2, T3]
    assert history.record_times(ORIGINS) == {"een": T1, "twee": T2, "drie": T1, "a": T1}
    assert history.newest(FILES) == T3
    assert iso_date(T1) == "2020-09-13"


def test_the_same_commit_gives_the_same_times_whatever_the_file_dates(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    for path in (clone / "content").iterdir():
        os.utime(path, (T3 + 99 * DAY, T3 + 99 * DAY))
    assert History.of(clone, FILES).record_times(ORIGINS) == History.of(repo, FILES).record_times(ORIGINS)


def test_uncommitted_changes_and_untracked_files_use_the_file_time(repo: Path) -> None:
    later = T3 + 10 * DAY
    many = repo / "content" / "many.yaml"
    many.write_text(many.read_text().replace("x: 3", "x: 33"))
    (repo / "content" / "new.yaml").write_text("n: 1\n")
    for path in (many, repo / "content" / "new.yaml"):
        os.utime(path, (later, later))
    history = History.of(repo, [*FILES, "content/new.yaml"])
    assert history.file_time("content/new.yaml") == later
    assert history.file_time("content/many.yaml") == later
    assert history.file_time("content/a.yaml") == T1
    times = history.record_times(ORIGINS)
    assert (times["een"], times["twee"], times["drie"]) == (T1, T2, later)


def test_a_root_below_the_top_of_the_checkout(repo: Path) -> None:
    later = T3 + DAY
    (repo / "content" / "b.yaml").write_text("b: 2\n")
    os.utime(repo / "content" / "b.yaml", (later, later))
    history = History.of(repo / "content", ["a.yaml", "many.yaml", "b.yaml"])
    assert [history.file_time(f) for f in ("a.yaml", "many.yaml", "b.yaml")] == [T1, T2, later]
    assert history.lines_time("many.yaml", 3, 4) == T2


def test_outside_git_every_time_is_the_file_time(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    (folder / "content").mkdir(parents=True)
    for n, name in enumerate(["a.yaml", "many.yaml"]):
        path = folder / "content" / name
        path.write_text("- id: een\n- id: twee\n")
        os.utime(path, (T1 + n * DAY, T1 + n * DAY))
    history = History.of(folder, ["content/a.yaml", "content/many.yaml"])
    assert history.top is None
    assert history.file_time("content/many.yaml") == T1 + DAY
    assert history.record_times({"een": Place("content/many.yaml", 1), "twee": Place("content/many.yaml", 2)}) == {
        "een": T1 + DAY,
        "twee": T1 + DAY,
    }


def test_the_real_catalog_has_a_time_for_every_record() -> None:
    cat = load_catalog(ROOT)
    rels = [p.relative_to(ROOT).as_posix() for p in source_files(ROOT)]
    history = History.of(ROOT, rels)
    times = history.record_times(cat.origins)
    assert set(times) == set(cat.origins)
    assert all(0 < t <= history.newest(rels) for t in times.values())
