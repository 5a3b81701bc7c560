"""Builds cannot trample each other, and file-system faults give one Dutch line, never a traceback.

Issue 15: two `mkdocs build` runs in one checkout shared a staging folder (site/ left without pages,
gone, or a hang); a read-only or immutable site/, a full disk, a staging path that is a file and a
site/ that is a symlink ended in tracebacks. In every case here site/ is afterwards a complete
previous or new site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_repository
from tests.support.site_build import start_builds
from tests.test_atomic_build import snapshot

pytestmark = pytest.mark.slow  # builds whole sites, 20 of them at once

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PAGES = ["index.html", "casussen/index.html", "casussen/escaperoom-hanze/index.html", "pagefind/pagefind-entry.json"]


def build(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=600,
        env=env or ENV,
    )


def complete(site: Path) -> bool:
    return all((site / p).is_file() for p in PAGES)


def one_dutch_failure(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "Error building page" not in output, output
    assert fragment in output, output


@pytest.fixture(scope="module")
def built_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_repository(tmp_path_factory.mktemp("concurrent") / "repo")
    assert build(repo).returncode == 0
    return repo


@pytest.mark.parametrize("run", range(20))
def test_two_builds_at_once_both_succeed_and_leave_a_complete_site(built_repo: Path, run: int) -> None:
    procs = start_builds(built_repo)
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert complete(built_repo / "site"), outputs
    assert sorted(p.name for p in built_repo.iterdir() if "site" in p.name) == ["site"], "no staging or backup left"


def test_a_build_that_cannot_wait_stops_in_dutch_and_keeps_the_site(built_repo: Path) -> None:
    from toolbox import atomic

    before = snapshot(built_repo / "site")
    with atomic.lock(built_repo / "site"):  # another build is running
        result = build(built_repo, env={**ENV, "TOOLBOX_BUILD_WAIT": "0"})
    one_dutch_failure(result, "er loopt nog een andere build van deze site")
    assert snapshot(built_repo / "site") == before


@pytest.fixture
def repo_with_site(tmp_path: Path) -> Path:
    repo = copy_repository(tmp_path / "repo")
    assert build(repo).returncode == 0
    return repo


def test_a_symlinked_site_keeps_its_link(tmp_path: Path) -> None:
    repo = copy_repository(tmp_path / "repo")
    (tmp_path / "deploy").mkdir()
    (repo / "site").symlink_to(tmp_path / "deploy")
    for _ in range(2):  # the second build replaces the first through the link as well
        result = build(repo)
        assert result.returncode == 0, result.stderr
        assert (repo / "site").is_symlink() and complete(tmp_path / "deploy")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deploy", "repo"], "no staging next to the deploy folder"


def test_a_staging_path_that_is_a_file_is_replaced(repo_with_site: Path) -> None:
    (repo_with_site / ".site.building").write_text("in de weg", encoding="utf-8")
    (repo_with_site / ".site.old").mkdir()
    result = build(repo_with_site)
    assert result.returncode == 0, result.stderr
    assert complete(repo_with_site / "site")
    assert not (repo_with_site / ".site.building").exists() and not (repo_with_site / ".site.old").exists()


def test_a_site_that_is_a_file_is_refused_in_dutch(tmp_path: Path) -> None:
    repo = copy_repository(tmp_path / "repo")
    (repo / "site").write_text("geen map", encoding="utf-8")
    one_dutch_failure(build(repo), "site is een bestand, geen map")
    assert (repo / "site").read_text(encoding="utf-8") == "geen map"


def test_an_immutable_site_is_reported_in_dutch_and_kept(repo_with_site: Path) -> None:
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(repo_with_site / "site")]).returncode:
        pytest.skip("chattr +i is not available here")
    try:
        before = snapshot(repo_with_site / "site")
        result = build(repo_with_site)
    finally:
        subprocess.run(["chattr", "-i", str(repo_with_site / "site")], check=True)
    one_dutch_failure(result, "kan niet worden vervangen")
    assert snapshot(repo_with_site / "site") == before
    assert not (repo_with_site / ".site.building").exists()


def test_a_read_only_site_folder_is_replaced_through_its_parent(repo_with_site: Path) -> None:
    site = repo_with_site / "site"
    for path in [site, *site.rglob("*")]:
        if path.is_dir():
            path.chmod(0o555)
    result = build(repo_with_site)
    assert result.returncode == 0, result.stderr
    assert complete(site) and not (repo_with_site / ".site.old").exists()


def test_a_full_disk_is_one_dutch_line_and_the_previous_site_stays(tmp_path: Path) -> None:
    """Build on a small tmpfs (a private mount namespace, so nothing outside the test sees it)."""
    if not shutil.which("unshare"):
        pytest.skip("unshare is not available")
    mount = tmp_path / "disk"
    mount.mkdir()
    script = f"""
set -e
mount -t tmpfs -o size=5m tmpfs {mount}
cp -r {copy_repository(tmp_path / "repo")} {mount}/repo
mkdir {mount}/repo/site && echo vorige > {mount}/repo/site/index.html
cd {mount}/repo
set +e
{sys.executable} -m mkdocs build --strict > {tmp_path}/out.txt 2>&1
echo $? > {tmp_path}/rc.txt
cat site/index.html > {tmp_path}/index.txt
ls -a > {tmp_path}/ls.txt
"""
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode:
        pytest.skip("no private mount namespace here")
    subprocess.run(["unshare", "-m", "sh", "-c", script], check=True, env=ENV, timeout=600)
    output = (tmp_path / "out.txt").read_text()
    assert (tmp_path / "rc.txt").read_text().strip() == "1", output
    assert "de schijf is vol" in output and "Traceback" not in output, output
    assert (tmp_path / "index.txt").read_text() == "vorige\n"
    assert ".site.building" not in (tmp_path / "ls.txt").read_text()


def test_a_renamed_id_moves_its_page_and_a_broken_nav_entry_is_a_dutch_message(tmp_path: Path) -> None:
    # Record pages are outside the navigation by construction (the hook marks them), so renaming a
    # record's id moves its page instead of breaking the navigation.
    repo = copy_repository(tmp_path / "repo")
    rel = "content/online-onderwijs.yaml"
    text = (repo / rel).read_text(encoding="utf-8")
    (repo / rel).write_text(text.replace("id: online-onderwijs", "id: online-leren"), encoding="utf-8")
    result = build(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (repo / "site/online-leren/index.html").is_file() and not (repo / "site/online-onderwijs").exists()
    # A navigation entry that names a page that is not there is told in Dutch, at its line in mkdocs.yml
    # (a nested entry: design's navigation groups the pages under eight entries).
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    line = config[: config.index("communicatie.md")].count("\n") + 1
    (repo / "mkdocs.yml").write_text(config.replace("communicatie.md", "communicatiee.md"), encoding="utf-8")
    result = build(repo)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"mkdocs.yml:{line}:" in output and "communicatiee.md" in output and "navigatie" in output, output
    assert "is included in the 'nav' configuration" not in output and "Aborted with" not in output, output
