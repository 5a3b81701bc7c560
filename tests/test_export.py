"""`toolbox export` and the /data/ page: round trip, resolved relations, CSV, published files."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import tomllib
from pathlib import Path

import yaml

from tests.conftest import ROOT, run_toolbox
from toolbox.catalog import load_catalog
from toolbox.export import CSV_FILE, JSON_FILE, catalog_from_json, export_files, record_files, spreadsheet_safe
from toolbox.schema import SCHEMA_DIR, render_schemas

CAT = load_catalog(ROOT)


def test_export_command_writes_json_csv_and_schemas(tmp_path: Path) -> None:
    result = run_toolbox(ROOT, "export", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    expected = [JSON_FILE, CSV_FILE, *(f"{SCHEMA_DIR}/{n}" for n in render_schemas()), *record_files(CAT)]
    assert written == sorted(expected)
    for name, text in render_schemas().items():
        assert (tmp_path / SCHEMA_DIR / name).read_text(encoding="utf-8") == text


def test_toolbox_json_round_trips_to_the_same_catalog() -> None:
    data = json.loads(export_files(CAT)[JSON_FILE])
    back = catalog_from_json(data, CAT.root)
    for f in dataclasses.fields(CAT):
        original, reloaded = getattr(CAT, f.name), getattr(back, f.name)
        assert reloaded == original, f.name
        if isinstance(original, dict):
            assert list(reloaded) == list(original), f"{f.name}: order"
    # And the export of the reloaded catalog is byte-identical.
    assert export_files(back)[JSON_FILE] == export_files(CAT)[JSON_FILE]


def test_relations_in_the_export_are_resolved_from_forward_references() -> None:
    data = json.loads(export_files(CAT)[JSON_FILE])
    ivs = data["interventions"]
    for el in data["elements"]:
        expected = [iv["id"] for iv in ivs if el["id"] in iv["elements"]]
        assert el["relations"]["interventions"] == expected
        assert el["relations"]["cases"] == [c["id"] for c in data["cases"] if el["id"] in c["elements"]]
    for case in data["cases"]:
        assert case["relations"]["interventions"] == [iv["id"] for iv in ivs if iv.get("case") == case["id"]]
    for iv in ivs:
        assert iv["relations"]["children"] == [c["id"] for c in ivs if c.get("parent") == iv["id"]]
        assert iv["origin"]["path"] == "content/interventions.yaml"
        line = (ROOT / iv["origin"]["path"]).read_text(encoding="utf-8").splitlines()[iv["origin"]["line"] - 1]
        assert line.strip() == f"- id: {iv['id']}"


def test_interventions_csv_has_one_row_per_intervention() -> None:
    raw = export_files(CAT)[CSV_FILE].decode("utf-8")
    assert raw.startswith("\ufeff")
    # Semicolons, as Dutch Excel expects (the action plan's CSV is the same).
    rows = list(csv.DictReader(io.StringIO(raw[1:]), delimiter=";"))
    assert [r["id"] for r in rows] == list(CAT.interventions)
    for row in rows:
        iv = CAT.interventions[row["id"]]
        assert None not in row and len(row) == 14  # every line has exactly the header's columns
        assert row["title"] == spreadsheet_safe(iv.title)
        assert row["elements"].split("; ") == iv.elements
        assert row["element_titles"].split("; ") == [CAT.elements[e].title for e in iv.elements]
        assert row["sectors"].split("; ") == list(iv.sectors)
        assert row["description"] == spreadsheet_safe(iv.description.strip())


def test_interventions_csv_never_starts_a_formula() -> None:
    first = next(iter(CAT.interventions.values()))
    title = '=HYPERLINK("https://example.org";"klik")'
    description = "+1+cmd|' /C calc'!A0"
    hostile = first.model_copy(update={"title": title, "description": description, "parent": "@SUM(1;2)"})
    records = {**CAT.records, "intervention": {**CAT.interventions, first.id: hostile}}
    cat = dataclasses.replace(CAT, records=records)
    raw = export_files(cat)[CSV_FILE].decode("utf-8")
    row = next(r for r in csv.DictReader(io.StringIO(raw[1:]), delimiter=";") if r["id"] == first.id)
    assert (row["title"], row["description"], row["parent"]) == ("'" + title, "'" + description, "'@SUM(1;2)")
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_safe(start + "1") == "'" + start + "1"
    assert spreadsheet_safe("Mentoraat - 1") == "Mentoraat - 1"


def test_site_publishes_the_export_on_the_data_page(site_dir: Path) -> None:
    expected = export_files(CAT)
    for rel, content in expected.items():
        assert (site_dir / "data" / rel).read_bytes() == content, rel
    page = (site_dir / "data" / "index.html").read_text(encoding="utf-8")
    hrefs = set(re.findall(r'href="([^"#]+)"', page))
    assert set(expected) <= hrefs
    assert "EUPL-1.2" in page and "nog niet bevestigd" in page
    for doc in CAT.documents.values():
        assert doc.title.split(":")[0] in page


def test_citation_file_matches_the_project() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert cff["cff-version"] == "1.2.0"
    assert cff["version"] == project["version"]
    assert cff["license"] == project["license"] == "EUPL-1.2"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
