"""Shared fixtures: copies of the repository, a built site, a local server and a browser."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))  # `tests.support` also when pytest is started from elsewhere
import sandbox  # noqa: E402  (bench/sandbox.py: the one definition of what a repository copy holds)

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.support.gzip_server import serve  # noqa: E402


def copy_repository(target: Path) -> Path:
    """A copy of everything a build reads, so a test can change it freely."""
    return sandbox.copy_repository(target, ROOT)


def run_toolbox(root: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "toolbox", "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=root,
    )


def run_mkdocs(
    root: Path, *args: str, timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "TOOLBOX_SITE_URL"}
    env = {**environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=root,
        env=env,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_repository(tmp_path / "repo")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real repository, built once with `mkdocs build --strict` (no site_url; log in ../mkdocs.log)."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = run_mkdocs(ROOT, "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    (out.parent / "mkdocs.log").write_text(result.stderr, encoding="utf-8")
    return out


# A published address for tests (`.example` is reserved for examples; nothing is fetched from it).
PUBLISHED_URL = "https://toolbox.example/samen-sterker/"


@pytest.fixture(scope="session")
def published_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real repository built with a site_url below a folder, as a published site (log in ../mkdocs.log)."""
    out = tmp_path_factory.mktemp("published") / "site"
    result = run_mkdocs(ROOT, "--site-dir", str(out), env={"TOOLBOX_SITE_URL": PUBLISHED_URL})
    assert result.returncode == 0, result.stderr
    (out.parent / "mkdocs.log").write_text(result.stderr, encoding="utf-8")
    return out


def _serve(directory: Path) -> Iterator[str]:
    with serve(directory) as url:  # gzip, like the web host the site ends up on
        yield url


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    yield from _serve(site_dir)


# Interventions in the synthetic catalog: above the finder's server-rendered cards and above one
# list page for the largest sector, so every paginated list has more than one page.
SYNTH_INTERVENTIONS = 160


@pytest.fixture(scope="session")
def synth_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real repository grown to SYNTH_INTERVENTIONS interventions by the benchmark's generator."""
    sys.path.insert(0, str(ROOT / "bench"))
    import synth  # a sibling module of the benchmark, not a package

    repo: Path = synth.make_catalog(tmp_path_factory.mktemp("synth") / "repo", SYNTH_INTERVENTIONS)
    return repo


@pytest.fixture(scope="session")
def synth_site_dir(synth_repo: Path) -> Path:
    """The synthetic catalog built once with `mkdocs build --strict` (for pagination and the finder's data file)."""
    out = synth_repo.parent / "site"
    result = run_mkdocs(synth_repo, "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def synth_site_url(synth_site_dir: Path) -> Iterator[str]:
    yield from _serve(synth_site_dir)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page that records console errors in `page.console_errors`."""
    context = browser.new_context()  # type: ignore[attr-defined]
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.console_errors = errors
    yield pg
    context.close()
