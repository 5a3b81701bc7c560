"""schema.org JSON-LD: the Dataset on /data/, a LearningResource per record, breadcrumbs."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

import pytest

from tests.conftest import PUBLISHED_URL, ROOT
from tests.support.html import parse
from tests.support.page_head import graph, of_type, read
from tests.support.page_types import ALL_TYPES, page_of
from toolbox import structured_data
from toolbox.catalog import Catalog, load_catalog
from toolbox.export import export_files, record_files

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RECORD_TYPES = {"element": "elements", "intervention": "interventions", "case": "cases"}
# Where URLs point outside the site: the reports' own addresses.
EXTERNAL_KEYS = {"citation", "isBasedOn"}


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(ROOT)


def page_address(site: Path, file: Path, base: str) -> str:
    return base + file.relative_to(site).as_posix().removesuffix("index.html")


def resolve_inside(site: Path, base: str, page: str, url: str) -> Path:
    """The file of the site that `url`, written on page `page`, points to (with its #anchor checked)."""
    absolute, fragment = urldefrag(urljoin(page, url))
    assert absolute.startswith(base), f"{url} on {page} leaves the site"
    target = site / absolute[len(base) :]
    if target.is_dir():
        target = target / "index.html"
    assert target.is_file(), f"{url} on {page} does not resolve ({target})"
    if fragment:
        assert fragment in parse(target).ids, f"{url} on {page}: no #{fragment}"
    return target


def urls(node: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """(property, URL) of every URL-valued property, except inside citations of outside reports."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k not in EXTERNAL_KEYS:
                yield from urls(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from urls(item, key)
    elif isinstance(node, str) and key in ("url", "item", "contentUrl", "usageInfo", "@id"):
        yield key, node


@pytest.mark.parametrize("published", [True, False], ids=["published", "no-site-url"])
def test_every_url_in_the_structured_data_resolves_inside_the_site(
    published_site_dir: Path, site_dir: Path, published: bool
) -> None:
    site, base = (published_site_dir, PUBLISHED_URL) if published else (site_dir, "http://site/")
    checked = 0
    for page_type in ALL_TYPES:
        try:
            file = page_of(site, page_type)
        except pytest.skip.Exception:
            continue
        page = page_address(site, file, base)
        for node in graph(read(file)):
            for _, url in urls(node):
                if published:
                    assert url.startswith(PUBLISHED_URL), url
                resolve_inside(site, base, page, url)
                checked += 1
    assert checked > 30


def described(site: Path, page_type: str, kind: str, keys: tuple[str, ...]) -> tuple[Path, Any, str, dict[str, Any]]:
    """The one JSON-LD object of `kind` on the page of `page_type`, which must give every key."""
    file = page_of(site, page_type)
    head = read(file)
    [found] = of_type(head, kind)
    for key in keys:
        assert found.get(key), key
    return file, head, page_address(site, file, PUBLISHED_URL), found


def test_open_data_page_describes_a_dataset(published_site_dir: Path, cat: Catalog) -> None:
    keys = ("name", "description", "url", "creator", "distribution", "dateModified", "inLanguage")
    file, head, page, data = described(published_site_dir, "open data", "Dataset", keys)
    assert data["url"] == page == head.canonical
    assert data["description"] == head.one("og:description")
    assert DATE.match(data["dateModified"])
    assert data["creator"] == [{"@type": "Organization", "name": "Bijdragers aan de Samen Sterker toolbox"}]
    assert "license" not in data  # the reuse terms of the texts are not confirmed (data page)
    licence = resolve_inside(published_site_dir, PUBLISHED_URL, page, data["usageInfo"])
    assert licence == file and data["usageInfo"].endswith("#licentie")
    # One download per published file, each served by the site in the format it declares.
    published = {f"data/{rel}" for rel in export_files(cat)}
    on_disk = {
        p.relative_to(published_site_dir).as_posix() for p in (published_site_dir / "data").rglob("*") if p.is_file()
    }
    # Each record's own JSON file is published too, but not listed: the list would grow with the catalog.
    per_record = {f"data/{rel}" for rel in record_files(cat)}
    assert published | per_record == on_disk - {"data/index.html"} and not published & per_record
    downloads = data["distribution"]
    assert all(d["@type"] == "DataDownload" for d in downloads)
    assert sorted(d["contentUrl"] for d in downloads) == sorted(PUBLISHED_URL + p for p in published)
    for d in downloads:
        target = resolve_inside(published_site_dir, PUBLISHED_URL, page, d["contentUrl"])
        expected = {".csv": "text/csv", ".json": "application/json"}[target.suffix]
        if "/schemas/" in d["contentUrl"]:
            expected = "application/schema+json"
            assert json.loads(target.read_text(encoding="utf-8")).get("$schema")
        assert d["encodingFormat"] == expected
    assert sorted(w["name"] for w in data["isBasedOn"]) == sorted(doc.title for doc in cat.documents.values())


@pytest.mark.parametrize("page_type", list(RECORD_TYPES))
def test_a_record_page_is_a_learning_resource_citing_its_reports(
    published_site_dir: Path, cat: Catalog, page_type: str
) -> None:
    keys = ("name", "description", "url", "inLanguage", "citation", "isPartOf", "dateModified")
    file, head, page, resource = described(published_site_dir, page_type, "LearningResource", keys)
    assert resource["url"] == page == head.canonical
    assert resource["name"] == head.one("og:title")
    assert resource["description"] == head.one("og:description")
    assert resource["inLanguage"] == "nl"
    assert resource["isPartOf"]["url"] == PUBLISHED_URL
    assert resource["learningResourceType"] == structured_data.RESOURCE_TYPES[page_type]
    ident = file.parent.name
    record = getattr(cat, RECORD_TYPES[page_type])[ident]
    cited = [w["name"] for w in resource["citation"]]
    assert cited == list(dict.fromkeys(cat.documents[s.document].title for s in record.sources))
    assert all(w["@type"] in ("Report", "CreativeWork") for w in resource["citation"])
    assert DATE.match(resource["dateModified"])


@pytest.mark.parametrize("page_type", ["element", "intervention", "case", "sector list", "NSE check"])
def test_breadcrumb_list_matches_the_visible_breadcrumb(published_site_dir: Path, page_type: str) -> None:
    file = page_of(published_site_dir, page_type)
    head = read(file)
    page = page_address(published_site_dir, file, PUBLISHED_URL)
    [crumbs] = of_type(head, "BreadcrumbList")
    items = crumbs["itemListElement"]
    assert [i["position"] for i in items] == list(range(1, len(items) + 1))
    assert items[0]["item"] == PUBLISHED_URL
    assert items[-1]["item"] == page and items[-1]["name"] == head.one("og:title")
    # The trail shown on the page: the same names and targets, without the page itself.
    assert len(head.trail) == len(items) - 1 >= 2
    for (text, href), item in zip(head.trail, items, strict=False):
        assert text == item["name"]
        assert resolve_inside(published_site_dir, PUBLISHED_URL, page, href) == resolve_inside(
            published_site_dir, PUBLISHED_URL, page, item["item"]
        )


@pytest.mark.parametrize("page_type", ["home", "finder", "roadmap", "open data"])
def test_top_level_pages_have_no_breadcrumb(published_site_dir: Path, page_type: str) -> None:
    head = read(page_of(published_site_dir, page_type))
    assert not of_type(head, "BreadcrumbList")
    assert head.trail == []


def test_home_page_describes_the_website(published_site_dir: Path) -> None:
    [site] = of_type(read(page_of(published_site_dir, "home")), "WebSite")
    assert site["url"] == PUBLISHED_URL and site["name"] == "Samen Sterker toolbox" and site["inLanguage"] == "nl"


def test_script_cannot_be_closed_by_a_title() -> None:
    node = {"@type": "Thing", "name": "</script><!-- & -->"}
    html = structured_data.script([node])
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body
    assert json.loads(body)["@graph"] == [node]
