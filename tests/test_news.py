"""What changed recently (toolbox/news.py), the Atom feed (toolbox/feed.py) and the dates on
record pages, from a test repository's git history (build-level checks: test_news_build.py)."""

from __future__ import annotations

import calendar
import shutil
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_repository
from tests.test_history import git
from toolbox import feed, news
from toolbox.catalog import load_catalog
from toolbox.history import dutch_date, iso_date
from toolbox.page_context import PageContexts, Site
from toolbox.render import render_site
from toolbox.sitemap import Links, P, page_url, record_uri

A = "{http://www.w3.org/2005/Atom}"
FIRST = calendar.timegm((2030, 1, 15, 9, 0, 0))
CHANGED = calendar.timegm((2030, 11, 3, 12, 0, 0))
CHANGED_ID = "studentmentoren"


def history_repo(target: Path) -> Path:
    """A copy of the repository in a git repository of its own: everything committed at FIRST,
    then one intervention changed and committed at CHANGED."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = copy_repository(target)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first", when=FIRST)
    ivs = repo / "content" / "interventions.yaml"
    text = ivs.read_text(encoding="utf-8")
    old = "De studentmentor is een ouderejaars student"
    assert text.count(old) == 1
    ivs.write_text(text.replace(old, old + " (gewijzigd in de test)"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "change one intervention", when=CHANGED)
    return repo


def parse_atom(raw: bytes) -> ET.Element:
    """The feed, checked for what RFC 4287 requires of a feed and of each entry."""
    root = ET.fromstring(raw)
    assert root.tag == f"{A}feed"
    for required in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{required}")) == 1, required
    assert root.find(f"{A}author/{A}name") is not None  # entries have no author of their own
    self_links = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("type") == feed.MEDIA_TYPE
    for entry in root.findall(f"{A}entry"):
        for required in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{A}{required}")) == 1, required
        assert [link.get("rel") for link in entry.findall(f"{A}link")] == ["alternate"]
    ids = [root.findtext(f"{A}id")] + [e.findtext(f"{A}id") for e in root.findall(f"{A}entry")]
    assert len(ids) == len(set(ids)), "ids are unique"
    for ident in ids:  # absolute IRIs (RFC 4287 4.2.6): urn:uuid names
        assert ident and ident.startswith("urn:uuid:") and uuid.UUID(ident[len("urn:uuid:") :])
    return root


def test_the_newest_change_is_the_committed_record(tmp_path: Path) -> None:
    repo = history_repo(tmp_path / "repo")
    cat = load_catalog(repo)
    times = news.catalog_times(cat)
    assert times.records[CHANGED_ID] == CHANGED
    assert times.records["studieloket"] == FIRST  # the next intervention in the same file
    changes = news.recent_changes(cat, times)
    assert (changes[0].kind, changes[0].id, changes[0].date) == ("intervention", CHANGED_ID, "2030-11-03")
    assert all(c.stamp == FIRST for c in changes[1:])
    assert len(changes) == news.NEWS_LIMIT

    site = Site("Samen Sterker toolbox", "", None)
    pages = render_site(cat)
    contexts = PageContexts(cat, pages, [], site, times)
    assert contexts.updated(page_url(record_uri("intervention", CHANGED_ID))) == "2030-11-03"
    assert contexts.updated(page_url(record_uri("intervention", "studieloket"))) == "2030-01-15"
    assert contexts.updated(page_url(record_uri("case", "escaperoom-hanze"))) == "2030-01-15"
    assert contexts.updated(page_url(P.finder)) is None, "only a record's own page shows a record's date"

    root = parse_atom(feed.atom(changes, site_name=site.name, site_url=None, updated=times.newest))
    assert root.findtext(f"{A}updated") == "2030-11-03T12:00:00Z"
    first = root.findall(f"{A}entry")[0]
    assert first.findtext(f"{A}updated") == "2030-11-03T12:00:00Z"
    assert first.find(f"{A}link").get("href") == f"aanpakken/{CHANGED_ID}/"  # type: ignore[union-attr]
    assert first.findtext(f"{A}title") == "Studentmentoren/buddy's/peercoaches (aanpak)"


def test_the_news_page_lists_changes_newest_first_with_dutch_dates() -> None:
    cat = load_catalog(ROOT)
    times = news.catalog_times(cat)
    page = render_site(cat)[P.news].text
    changes = news.recent_changes(cat, times)
    rows = [line for line in page.splitlines() if line.startswith("| <time")]
    assert len(rows) == len(changes) == min(news.NEWS_LIMIT, sum(1 for _ in _records_with_pages(cat)))
    for row, change in zip(rows, changes, strict=True):
        assert f'<time datetime="{change.date}">{dutch_date(change.date)}</time>' in row
        assert f"]({Links(P.news).link(change.uri)})" in row and f"| {change.label} |" in row
    assert [c.stamp for c in changes] == sorted((c.stamp for c in changes), reverse=True)
    assert "](feed.xml)" in page


def _records_with_pages(cat: object) -> list[str]:
    return [i for rt in cat.types if rt.page is not None for i in cat.records[rt.name]]  # type: ignore[attr-defined]


def test_feed_links_are_absolute_with_a_site_url_and_ids_do_not_depend_on_it() -> None:
    cat = load_catalog(ROOT)
    times = news.catalog_times(cat)
    changes = news.recent_changes(cat, times, news.FEED_LIMIT)
    url = "https://toolbox.example/samen-sterker/"
    published = parse_atom(feed.atom(changes, site_name="S", site_url=url, updated=times.newest))
    local = parse_atom(feed.atom(changes, site_name="S", site_url=None, updated=times.newest))
    hrefs = [link.get("href") or "" for link in published.iter(f"{A}link")]
    assert hrefs[0] == url + "feed.xml" and hrefs[1] == url + "nieuw/"
    assert all(h.startswith(url) for h in hrefs)
    assert [e.text for e in published.iter(f"{A}id")] == [e.text for e in local.iter(f"{A}id")]
    assert len(published.findall(f"{A}entry")) == min(news.FEED_LIMIT, len(_records_with_pages(cat)))
    assert (published.findtext(f"{A}updated") or "")[:10] == iso_date(times.newest)


def test_dutch_dates() -> None:
    assert dutch_date("2026-11-03") == "3 november 2026"
    assert dutch_date("2027-01-31") == "31 januari 2027"
    assert [dutch_date(f"2020-{m:02d}-01").split()[1] for m in (3, 5, 8)] == ["maart", "mei", "augustus"]
