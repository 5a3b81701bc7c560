"""Search-engine basics: sitemap.xml with lastmod from the content's history, robots.txt,
canonical links and lang="nl" on every page."""

from __future__ import annotations

import gzip
import urllib.robotparser
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import PUBLISHED_URL, ROOT
from tests.support.page_head import read
from toolbox import search_engines
from toolbox.catalog import load_catalog, source_files
from toolbox.history import History, iso_date

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def pages(site: Path) -> list[str]:
    """Site path of every HTML page a visitor can reach by its address (the 404 page has none)."""
    found = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel != "404.html":
            assert rel.endswith("index.html"), rel  # directory URLs only
            found.append(rel.removesuffix("index.html"))
    return found


def sitemap(site: Path) -> list[tuple[str, str | None]]:
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    return [(u.findtext("s:loc", namespaces=NS) or "", u.findtext("s:lastmod", namespaces=NS)) for u in root]


def test_sitemap_lists_every_page_once_with_lastmod(published_site_dir: Path) -> None:
    entries = sitemap(published_site_dir)
    locs = [loc for loc, _ in entries]
    assert len(locs) == len(set(locs)), "a page is listed twice"
    assert sorted(locs) == sorted(PUBLISHED_URL + p for p in pages(published_site_dir))
    assert all(lastmod and len(lastmod) == 10 for _, lastmod in entries)
    raw = (published_site_dir / "sitemap.xml").read_bytes()
    assert gzip.decompress((published_site_dir / "sitemap.xml.gz").read_bytes()) == raw


def test_lastmod_is_the_records_history(published_site_dir: Path) -> None:
    cat = load_catalog(ROOT)
    rels = [p.relative_to(ROOT).as_posix() for p in source_files(ROOT)]
    history = History.of(ROOT, rels)
    times = history.record_times(cat.origins)
    lastmod = dict(sitemap(published_site_dir))
    checked = 0
    for folder, ids in (("elementen", cat.elements), ("aanpakken", cat.interventions), ("casussen", cat.cases)):
        for ident in ids:
            assert lastmod[f"{PUBLISHED_URL}{folder}/{ident}/"] == iso_date(times[ident]), ident
            checked += 1
    # A page made from several records (an overview) has the newest date of all content.
    assert lastmod[PUBLISHED_URL] == lastmod[f"{PUBLISHED_URL}aanpakken/"] == iso_date(history.newest(rels))
    assert checked == len(cat.elements) + len(cat.interventions) + len(cat.cases)


def test_robots_txt_allows_everything_and_names_the_sitemap(published_site_dir: Path) -> None:
    text = (published_site_dir / "robots.txt").read_text(encoding="utf-8")
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(text.splitlines())
    assert robots.site_maps() == [PUBLISHED_URL + "sitemap.xml"]
    for path in pages(published_site_dir):
        assert robots.can_fetch("*", PUBLISHED_URL + path), path
        assert robots.can_fetch("Googlebot", PUBLISHED_URL + path), path


def test_without_site_url_no_absolute_addresses(site_dir: Path) -> None:
    robots = urllib.robotparser.RobotFileParser()
    robots.parse((site_dir / "robots.txt").read_text(encoding="utf-8").splitlines())
    assert robots.site_maps() is None
    assert robots.can_fetch("*", "/aanpakken/")
    assert sitemap(site_dir) == []  # a sitemap needs absolute addresses


@pytest.mark.parametrize("published", [True, False], ids=["published", "no-site-url"])
def test_every_page_is_dutch_and_canonical(published_site_dir: Path, site_dir: Path, published: bool) -> None:
    site = published_site_dir if published else site_dir
    for path in pages(site):
        head = read(site / path / "index.html")
        assert head.lang == "nl", path
        assert head.canonical == (PUBLISHED_URL + path if published else None), path
    assert read(site / "404.html").lang == "nl"


@pytest.mark.parametrize(
    ("configured", "environ", "expected"),
    [
        (None, {}, None),
        ("", {"TOOLBOX_SITE_URL": " "}, None),
        ("https://a.example/x", {}, "https://a.example/x/"),
        ("https://a.example/", {"TOOLBOX_SITE_URL": "https://b.example/toolbox"}, "https://b.example/toolbox/"),
    ],
)
def test_site_url_from_config_or_environment(configured: str | None, environ: dict[str, str], expected: str) -> None:
    assert search_engines.site_url(configured, environ) == expected
    assert bool(search_engines.left_out(expected)) is (expected is None)
