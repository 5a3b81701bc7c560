"""No script runs from record text in `mkdocs serve` or a non-strict build, even if validation misses it.

Issue 15: link definitions nested in a quote, a list item or an admonition, with an entity-encoded
scheme, passed validation and became live `javascript:` links (and `http:` ones) in serve and in
non-strict builds. Here validation's text checks are switched off in the build process (a
`sitecustomize` shim), so that only the sanitiser stands between the record and the browser: every
link on the page is clicked and no script may run, no dialog open, no http: link exist.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import copy_repository, run_toolbox
from tests.support.gzip_server import serve
from tests.test_sanitiser import set_description

FLAG = "window.__pwned"
PAYLOAD = "\n\n".join(
    [
        "Gewone tekst met [klik 1][p1], [klik 2][p2], [klik 3][p3], [klik 4][p4] en [site][h1].",
        f"> [p1]: java&#115;cript:{FLAG}='quote'",
        f"- een punt\n\n    [p2]: &#x6A;avascript:{FLAG}='list'",
        f"!!! note\n    In een blok.\n\n    [p3]: javascript&#58;{FLAG}='admonition'",
        f"- > [p4]: jav&Tab;ascript:{FLAG}='nested'",
        "> [h1]: &#104;ttp://example.org/",
    ]
)
# Switch off every text check of validation, old or new, so that the page is built anyway.
SHIM = """
import importlib
for module, names in {
    "toolbox.markup": ["problems_in", "character_problems", "complexity_problems"],
    "toolbox.safe_html": ["html_problems"],
}.items():
    try:
        mod = importlib.import_module(module)
    except ImportError:
        continue
    for name in names:
        if hasattr(mod, name):
            setattr(mod, name, lambda *args, **kwargs: [])
"""


@pytest.fixture
def hostile_repo(tmp_path: Path) -> Path:
    repo = copy_repository(tmp_path / "repo")
    set_description(repo, PAYLOAD)
    assert run_toolbox(repo, "validate").returncode == 1, "validation itself refuses the payload"
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(SHIM, encoding="utf-8")
    return repo


def shim_env(repo: Path) -> dict[str, str]:
    shim = str(repo.parent / "shim")
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": os.pathsep.join([shim, os.environ.get("PYTHONPATH", "")]),
    }


def assert_no_script_runs(page: Any, url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    text = page.locator("article").inner_text()
    assert "Gewone tekst" in text, "the page shows the record"
    # Click every link with a scheme other than https: or mailto: (javascript:, data:, http:...):
    # these are what a sanitiser must not let through, and a click is what runs them.
    hrefs = page.eval_on_selector_all("article a[href]", "as => as.map(a => a.getAttribute('href'))")
    for i, href in enumerate(hrefs):
        if re.match(r"^\s*[a-z][a-z0-9+.-]*:", href, re.I) and not href.lower().startswith(("https:", "mailto:")):
            page.locator("article a[href]").nth(i).click(no_wait_after=True)
            page.wait_for_load_state("load")
    page.evaluate("() => new Promise(r => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 0))")
    assert page.evaluate(f"typeof {FLAG}") == "undefined", page.evaluate(FLAG)
    assert dialogs == []
    record_links = page.eval_on_selector_all(
        "article .md-content__inner a[href]:not(.headerlink):not(.md-content__button)", "as => as.map(a => a.href)"
    )
    assert not [h for h in record_links if h.startswith(("javascript:", "http://example.org", "data:"))], record_links


def test_non_strict_build_publishes_no_live_script_link(hostile_repo: Path, page: Any) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=hostile_repo,
        capture_output=True,
        text=True,
        env=shim_env(hostile_repo),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    html = (hostile_repo / "site/casussen/escaperoom-hanze/index.html").read_text(encoding="utf-8")
    assert "Gewone tekst" in html and "pwned" not in html
    with serve(hostile_repo / "site") as base:
        assert_no_script_runs(page, f"{base}/casussen/escaperoom-hanze/")


@pytest.fixture
def served(hostile_repo: Path) -> Iterator[str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (hostile_repo / "serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=hostile_repo,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=shim_env(hostile_repo),
    )
    url = f"http://127.0.0.1:{port}/casussen/escaperoom-hanze/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if b"Gewone tekst" in response.read():
                    break
        except OSError:
            pass
        time.sleep(0.3)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_serve_publishes_no_live_script_link(served: str, page: Any) -> None:
    assert_no_script_runs(page, served)
