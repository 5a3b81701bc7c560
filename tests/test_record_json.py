"""Every record with a page is published as JSON of its own (`/data/aanpakken/<id>.json`, ...),
the same object as in toolbox.json, linked from its page and listed on /data/."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ROOT
from toolbox.catalog import load_catalog
from toolbox.export import JSON_FILE, export_files, record_files, record_from_json
from toolbox.sitemap import DATA_DIR, page_url, record_data_name, record_data_uri, record_uri

CAT = load_catalog(ROOT)
WITH_PAGES = [(rt, ident) for rt in CAT.types if rt.page is not None for ident in CAT.records[rt.name]]


def test_every_record_with_a_page_has_a_json_file_that_round_trips() -> None:
    files = record_files(CAT)
    assert sorted(files) == sorted(record_data_name(rt.name, ident) for rt, ident in WITH_PAGES)
    assert len(files) == len(WITH_PAGES), "no two records share a file"
    export = json.loads(export_files(CAT)[JSON_FILE])
    for rt, ident in WITH_PAGES:
        item = json.loads(files[record_data_name(rt.name, ident)])
        record = CAT.records[rt.name][ident]
        assert record_from_json(item, rt) == record, ident
        assert {k: v for k, v in item.items() if k in type(record).model_fields} == record.model_dump(mode="json")
        in_export = export[rt.collection]
        assert item == (in_export if rt.single else next(r for r in in_export if r["id"] == ident)), ident
        assert item["page"] == page_url(record_uri(rt.name, ident))


def test_the_addresses_follow_the_record_pages() -> None:
    assert record_data_uri("intervention", "x") == f"{DATA_DIR}/aanpakken/x.json"
    assert record_data_uri("element", "x") == f"{DATA_DIR}/elementen/x.json"
    assert record_data_uri("case", "x") == f"{DATA_DIR}/casussen/x.json"
    assert record_data_uri("roadmap") == f"{DATA_DIR}/roadmap.json"


def test_each_record_page_links_its_json_file(site_dir: Path) -> None:
    files = record_files(CAT)
    for rt, ident in WITH_PAGES:
        url = page_url(record_uri(rt.name, ident))
        html = (site_dir / url / "index.html").read_text(encoding="utf-8")
        visible = re.search(r'<a href="([^"]+)" type="application/json">Data \(JSON\)</a>', html)
        assert visible, url
        # not in <head>: Material fetches sitemap.xml beside every link[rel=alternate] (a 404 there)
        assert 'rel="alternate" type="application/json"' not in html, url
        target = (site_dir / url / visible.group(1)).resolve()
        assert target == (site_dir / record_data_uri(rt.name, ident)).resolve(), url
        assert target.read_bytes() == files[record_data_name(rt.name, ident)], url


def test_the_data_page_lists_the_record_files(site_dir: Path) -> None:
    page = (site_dir / DATA_DIR / "index.html").read_text(encoding="utf-8")
    for name in ("aanpakken/&lt;id&gt;.json", "elementen/&lt;id&gt;.json", "casussen/&lt;id&gt;.json"):
        assert f"data/{name}" in page, name
    for href in re.findall(r'href="([^"#]+\.json)"', page):
        assert (site_dir / DATA_DIR / href).is_file(), href
