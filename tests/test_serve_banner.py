"""While `mkdocs serve` shows the last valid version of broken content, every page shows a Dutch
banner naming the problems (file and line); it goes once the file is fixed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support import nu_checker
from tests.test_serve import _get, start_serve

pytestmark = pytest.mark.slow  # serves a whole site

BANNER = 'class="tb-problems"'


def _poll(url: str, done: object, seconds: float = 90) -> str:
    """The page at `url` once `done(html)` holds (html of a served page, never an empty answer)."""
    deadline = time.monotonic() + seconds
    html = ""
    while time.monotonic() < deadline:
        html = _get(url)
        if "</html>" in html and done(html):  # type: ignore[operator]
            return html
        time.sleep(0.2)
    raise AssertionError(f"not reached within {seconds} s at {url}")


def test_the_preview_shows_the_problems_on_every_page_until_they_are_fixed(repo: Path) -> None:
    proc, port = start_serve(repo, repo / "serve.log")
    try:
        base = f"http://127.0.0.1:{port}/"
        case_url, home_url = base + "casussen/escaperoom-hanze/", base
        first = _poll(case_url, lambda html: "Escaperoom" in html)
        assert BANNER not in first and BANNER not in _poll(home_url, lambda html: True)

        case = repo / "content/cases/escaperoom-hanze.yaml"
        original = case.read_text(encoding="utf-8")
        line = next(n for n, text in enumerate(original.splitlines(), 1) if text.startswith("sector: HBO"))
        case.write_text(original.replace("sector: HBO", "sector: Hbo", 1), encoding="utf-8")

        broken = _poll(case_url, lambda html: BANNER in html)
        place = f"content/cases/escaperoom-hanze.yaml:{line}:"
        banner = broken.split(BANNER, 1)[1].split("</div>", 1)[0]
        assert "De inhoud bevat 1 fout." in banner
        assert place in banner and "bedoelde je" in banner and "laatste versie zonder fouten" in banner
        assert "Escaperoom" in broken, "the last valid version is still shown"
        for url in (home_url, base + "aanpakken/", base + "nieuw/"):
            assert place in _poll(url, lambda html: BANNER in html), url
        if nu_checker.available() is None:  # the banner's markup is valid HTML too
            saved = repo / "broken.html"
            saved.write_text(broken, encoding="utf-8")
            assert nu_checker.errors([saved]) == []

        case.write_text(original.replace("title: Escaperoom", "title: Escaperoom Hersteld", 1), encoding="utf-8")
        fixed = _poll(case_url, lambda html: "Hersteld" in html)
        assert BANNER not in fixed
        assert BANNER not in _poll(home_url, lambda html: True)
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=10)
