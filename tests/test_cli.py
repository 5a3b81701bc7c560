"""Exit codes and output of the `toolbox` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, run_toolbox


def test_validate_passes_on_the_repository() -> None:
    result = run_toolbox(ROOT, "validate", process=True)
    assert result.returncode == 0, result.stderr
    assert "In orde" in result.stdout


def test_validate_fails_with_exit_1_and_no_traceback(repo: Path) -> None:
    (repo / "content/cases/escaperoom-hanze.yaml").write_text("id: [\n", encoding="utf-8")
    result = run_toolbox(repo, "validate", process=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("content/cases/escaperoom-hanze.yaml:")


def test_root_may_follow_the_subcommand(repo: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "toolbox", "validate", "--root", str(repo)], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_generate_writes_the_same_pages_as_the_site(tmp_path: Path) -> None:
    from toolbox.catalog import load_catalog
    from toolbox.render import render_site

    out = tmp_path / "pages"
    result = run_toolbox(ROOT, "generate", "--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = render_site(load_catalog(ROOT))
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert written == set(pages)  # the Markdown pages and the data files the pages load
    assert (out / "elementen/maatwerk.md").read_text(encoding="utf-8") == pages["elementen/maatwerk.md"].text


@pytest.mark.slow
def test_mkdocs_build_fails_with_the_same_dutch_messages(repo: Path) -> None:
    from tests.conftest import run_mkdocs

    path = repo / "content/cases/studieloket-hanze.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sector: HBO", "sector: Hbo"), encoding="utf-8")
    validate = run_toolbox(repo, "validate")
    build = run_mkdocs(repo)
    assert build.returncode != 0
    first = validate.stderr.splitlines()[0]
    assert first in build.stderr
