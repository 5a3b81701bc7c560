"""A failed build never touches the published site; a successful one replaces it completely."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import run_mkdocs

pytestmark = pytest.mark.slow  # builds (or serves) whole sites

CASE = "content/cases/escaperoom-hanze.yaml"


def snapshot(site: Path) -> dict[str, tuple[str, int]]:
    """Every file below `site` with its SHA-256 and modification time (so a rewrite shows too)."""
    return {
        str(p.relative_to(site)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def leftovers(repo: Path) -> list[str]:
    """Staging or backup directories a build left next to site/."""
    return sorted(p.name for p in repo.iterdir() if p.name != "site" and "site" in p.name)


def break_content(repo: Path) -> None:
    path = repo / CASE
    path.write_text(path.read_text(encoding="utf-8").replace("sector: HBO", "sector: Hbo"), encoding="utf-8")


def break_nav(repo: Path) -> None:
    # A strict-mode warning raised by MkDocs itself, after the content validated.
    path = repo / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert "  - Home: index.md\n" in text
    path.write_text(text.replace("  - Home: index.md\n", "  - Home: index.md\n  - Kapot: bestaat-niet.md\n"), "utf-8")


@pytest.fixture
def built(repo: Path) -> Path:
    result = run_mkdocs(repo)
    assert result.returncode == 0, result.stderr
    return repo


def test_successful_build_replaces_the_site_and_leaves_nothing_behind(built: Path) -> None:
    site = built / "site"
    (site / "stale.html").write_text("van een eerdere build", encoding="utf-8")
    path = built / CASE
    path.write_text(path.read_text(encoding="utf-8").replace("title: Escaperoom", "title: Escaperoom nieuw"), "utf-8")
    result = run_mkdocs(built)
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists(), "the new build must replace the old site, not merge into it"
    assert "Escaperoom nieuw" in (site / "casussen/escaperoom-hanze/index.html").read_text(encoding="utf-8")
    assert (site / "pagefind" / "pagefind-entry.json").is_file(), "the search index is part of the swap"
    assert leftovers(built) == []


@pytest.mark.parametrize("breaker", [break_content, break_nav], ids=["bad-content", "broken-nav-entry"])
def test_failed_build_leaves_the_previous_site_byte_for_byte(built: Path, breaker: object) -> None:
    site = built / "site"
    before = snapshot(site)
    assert len(before) > 50
    breaker(built)  # type: ignore[operator]
    result = run_mkdocs(built)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site) == before
    assert leftovers(built) == []


def test_failed_first_build_creates_no_site(repo: Path) -> None:
    break_nav(repo)
    result = run_mkdocs(repo)
    assert result.returncode == 1
    assert not (repo / "site").exists()
    assert leftovers(repo) == []
