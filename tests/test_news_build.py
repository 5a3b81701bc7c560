"""A real build of a test repository's commits: "Laatst gewijzigd" on the changed record's page,
the feed's newest entry and the top of /nieuw/ are that record (tests/test_news.py has the parts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_mkdocs
from tests.test_news import CHANGED_ID, A, history_repo, parse_atom
from toolbox.sitemap import FEED, page_url, record_uri

pytestmark = pytest.mark.slow  # builds a whole site


def test_a_commit_dates_its_record_and_heads_the_feed(tmp_path: Path) -> None:
    repo = history_repo(tmp_path / "repo")
    result = run_mkdocs(repo)
    assert result.returncode == 0, result.stderr
    site = repo / "site"

    def page(kind: str, ident: str) -> str:
        return (site / page_url(record_uri(kind, ident)) / "index.html").read_text(encoding="utf-8")

    date = re.compile(r'<p class="tb-updated"[^>]*>\s*Laatst gewijzigd: <time datetime="([0-9-]+)">([^<]+)</time>')
    changed = date.search(page("intervention", CHANGED_ID))
    assert changed and changed.groups() == ("2030-11-03", "3 november 2030")
    for kind, ident in (("intervention", "studieloket"), ("element", "warm-welkom"), ("case", "escaperoom-hanze")):
        other = date.search(page(kind, ident))
        assert other and other.groups() == ("2030-01-15", "15 januari 2030"), ident
    assert 'class="tb-updated"' not in (site / "index.html").read_text(encoding="utf-8")

    root = parse_atom((site / FEED).read_bytes())
    newest = root.findall(f"{A}entry")[0]
    assert newest.findtext(f"{A}updated") == "2030-11-03T12:00:00Z"
    assert newest.find(f"{A}link").get("href") == f"aanpakken/{CHANGED_ID}/"  # type: ignore[union-attr]
    assert (site / newest.find(f"{A}link").get("href") / "index.html").is_file()  # type: ignore[operator, union-attr]
    assert all(e.findtext(f"{A}updated") == "2030-01-15T09:00:00Z" for e in root.findall(f"{A}entry")[1:])

    news = (site / "nieuw" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<time datetime="([0-9-]+)">[^<]+</time></td>\s*<td>[^<]*</td>\s*<td><a href="([^"]+)"', news)
    assert rows[0] == ("2030-11-03", f"../aanpakken/{CHANGED_ID}/")
    assert 'type="application/atom+xml"' in news
    # Every page names the feed in its head, as a reader's browser or feed reader looks for it.
    for html in (site / "index.html", site / "aanpakken" / CHANGED_ID / "index.html", site / "nieuw" / "index.html"):
        head = html.read_text(encoding="utf-8").split("</head>")[0]
        link = re.search(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', head)
        assert link and (html.parent / link.group(1)).resolve() == (site / FEED).resolve(), html
