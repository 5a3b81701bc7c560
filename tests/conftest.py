"""Shared fixtures: copies of the repository, a built site, a local server and a browser."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.support import chromium
from tests.support.gzip_server import serve
from tests.support.repo import ROOT, copy_repository

if TYPE_CHECKING:
    from toolbox.catalog import Catalog
    from toolbox.render import RenderedPage

__all__ = ["ROOT", "copy_repository", "run_mkdocs", "run_toolbox"]


def run_toolbox(root: Path, *args: str, timeout: float = 60, process: bool = False) -> subprocess.CompletedProcess[str]:
    """`toolbox --root ROOT ARGS` with its exit code and output.

    It runs in this process (a new Python per call would cost about 0.3 s of imports, most of the
    fast test loop) on a thread, so a hang still fails the test after `timeout`. `process=True`
    runs a real `python -m toolbox`, for what only a separate process shows (crashes, stdin)."""
    command = [sys.executable, "-m", "toolbox", "--root", str(root), *args]
    if process:
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=root)
    from toolbox.cli import main

    out, err = io.StringIO(), io.StringIO()
    result: list[int] = []

    def call() -> None:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                result.append(main(["--root", str(root), *args]))
            except SystemExit as exc:  # argparse refusing the arguments
                result.append(exc.code if isinstance(exc.code, int) else 2)
            except BaseException:  # as `python -m toolbox` would: the traceback on stderr, exit 1
                traceback.print_exc()
                result.append(1)

    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise subprocess.TimeoutExpired(command, timeout)
    return subprocess.CompletedProcess(command, result[0], out.getvalue(), err.getvalue())


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


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as url:
        yield url


# Interventions in the synthetic catalog: above the finder's server-rendered cards and above one
# list page for the largest sector, so every paginated list has more than one page.
SYNTH_INTERVENTIONS = 160


@pytest.fixture(scope="session")
def synth_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real repository grown to SYNTH_INTERVENTIONS interventions by the benchmark's generator."""
    from tests.support import synth

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
    with serve(synth_site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(chromium.CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {chromium.CHROMIUM}; install Debian's chromium package")
    with playwright.sync_playwright() as p:
        b = chromium.launch(p)
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


# Markers for the inner loop (`pytest -m "not browser and not slow"`, see README): tests that drive
# Chromium are `browser`; tests that need a whole built site are `slow`, like those marked by hand
# (they build sites themselves, serve them or fuzz).
_BUILT = {"site_dir", "site_url", "synth_site_dir", "synth_site_url", "synth_repo"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & {"page", "browser"} or item.nodeid.startswith("tests/browser/"):
            item.add_marker(pytest.mark.browser)
        if fixtures & _BUILT:
            item.add_marker(pytest.mark.slow)


# The real catalog and its rendered pages, for tests that read them without changing them.
@pytest.fixture(scope="session")
def cat() -> Catalog:
    from toolbox.catalog import load_catalog

    return load_catalog(ROOT)


@pytest.fixture(scope="session")
def pages(cat: Catalog) -> dict[str, RenderedPage]:
    from toolbox.render import render_site

    return render_site(cat)
