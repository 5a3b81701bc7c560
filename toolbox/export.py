"""Open data: `toolbox export --out DIR` and the files the site publishes under /data/.

`toolbox.json` holds every record as its model fields, plus per record where it is written
(`origin`), its page (`page`) and its computed relations (`relations`). `catalog_from_json`
reads it back into the same Catalog, which the tests check. Each record with a page is also
published on its own (`record_files`, at `sitemap.record_data_uri`), as the same object it is
in `toolbox.json`; `record_from_json` reads one back.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from toolbox.catalog import Catalog, Origin
from toolbox.registry import TYPES, RecordType, ref_fields
from toolbox.schema import SCHEMA_DIR, render_schemas
from toolbox.sitemap import EXPORT_JSON, page_url, record_data_name, record_uri

FORMAT = "samen-sterker-toolbox"
VERSION = 1
JSON_FILE = EXPORT_JSON
CSV_FILE = "interventions.csv"
EXTRA_KEYS = ("origin", "page", "relations")  # added to each record; not model fields


def _relation_names(rt: RecordType, types: tuple[RecordType, ...]) -> list[str]:
    """The reverse relations records of `rt` receive, in a stable order."""
    names: list[str] = []
    for source in types:
        for f in ref_fields(source.model):
            if f.ref.target == rt.name:
                name = f.name if f.ref.symmetric else f.ref.reverse
                if name and name not in names:
                    names.append(name)
    return names


def _record(cat: Catalog, rt: RecordType, record: Any) -> dict[str, Any]:
    data: dict[str, Any] = record.model_dump(mode="json")
    origin = cat.origins.get(record.id)
    data["origin"] = {"path": origin.path, "line": origin.line} if origin else None
    data["page"] = page_url(record_uri(rt.name, record.id)) if rt.page is not None else None
    relations = {name: cat.related(record.id, name) for name in _relation_names(rt, cat.types)}
    if rt.derived is not None:
        relations.update(rt.derived(cat, record))
    data["relations"] = relations
    return data


def catalog_to_json(cat: Catalog) -> dict[str, Any]:
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for rt in cat.types:
        records = [_record(cat, rt, r) for r in cat.records[rt.name].values()]
        out[rt.collection] = (records[0] if records else None) if rt.single else records
    return out


def record_from_json(item: dict[str, Any], rt: RecordType) -> Any:
    """A record of type `rt` from its object in `toolbox.json` or its own file (validated by its model)."""
    return rt.model.model_validate({k: v for k, v in item.items() if k not in EXTRA_KEYS})


def catalog_from_json(data: dict[str, Any], root: Path, types: tuple[RecordType, ...] = TYPES) -> Catalog:
    """Read `toolbox.json` back into a Catalog (records validated by the same models)."""
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(f"not a {FORMAT} export of version {VERSION}")
    cat = Catalog(root=root, types=types)
    backrefs: dict[str, dict[str, list[str]]] = {}
    for rt in types:
        items = data.get(rt.collection)
        for item in ([items] if items else []) if rt.single else items or []:
            record = record_from_json(item, rt)
            cat.records[rt.name][record.id] = record
            if item.get("origin"):
                cat.origins[record.id] = Origin(item["origin"]["path"], item["origin"]["line"])
            names = _relation_names(rt, types)
            rel = {name: item["relations"][name] for name in names if item["relations"].get(name)}
            if rel:
                backrefs[record.id] = rel
    cat.backrefs = backrefs
    return cat


# A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """The cell as text a spreadsheet will not run: a leading apostrophe before a formula start."""
    return "'" + value if value.startswith(FORMULA_START) else value


def interventions_csv(cat: Catalog) -> str:
    """One row per intervention; list fields joined with '; ', element titles resolved.

    Written for Dutch Excel, like the action plan's CSV: semicolon-separated (with a comma as the
    decimal sign, Excel in Dutch splits on semicolons), and no cell can start a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "id",
            "title",
            "numbers",
            "parent",
            "elements",
            "element_titles",
            "themes",
            "rings",
            "sectors",
            "case",
            "case_title",
            "description",
            "sources",
            "page",
        ]
    )
    for iv in cat.interventions.values():
        case = cat.cases[iv.case] if iv.case else None
        row = [
            iv.id,
            iv.title,
            "; ".join(map(str, iv.numbers)),
            iv.parent or "",
            "; ".join(iv.elements),
            "; ".join(cat.elements[e].title for e in iv.elements),
            "; ".join(cat.themes_of(iv)),
            "; ".join(cat.rings_of(iv)),
            "; ".join(iv.sectors),
            iv.case or "",
            case.title if case else "",
            iv.description.strip(),
            "; ".join(
                (
                    [f"praktijkvoorbeeld: {iv.submitted.institution} ({iv.submitted.date.isoformat()})"]
                    if iv.submitted
                    else []
                )
                + [f"{s.document}: {s.section}" + (f" (regels {s.lines})" if s.lines else "") for s in iv.sources]
            ),
            page_url(record_uri("intervention", iv.id)),
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return buffer.getvalue()


def export_files(cat: Catalog) -> dict[str, bytes]:
    """{path below the export directory: content}: the JSON, the CSV and the schema files."""
    data = catalog_to_json(cat)
    files = {
        JSON_FILE: _json_bytes(data),
        # A byte-order mark so that spreadsheet programs read the UTF-8 text correctly.
        CSV_FILE: ("\ufeff" + interventions_csv(cat)).encode("utf-8"),
    }
    for name, text in render_schemas().items():
        files[f"{SCHEMA_DIR}/{name}"] = text.encode("utf-8")
    return files


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def record_files(cat: Catalog) -> dict[str, bytes]:
    """{path below the export directory: content}: one JSON file per record with a page."""
    files: dict[str, bytes] = {}
    for rt in cat.types:
        if rt.page is None:
            continue
        for record in cat.records[rt.name].values():
            files[record_data_name(rt.name, record.id, cat.types)] = _json_bytes(_record(cat, rt, record))
    return files


def write_export(cat: Catalog, out: Path) -> list[Path]:
    written = []
    for rel, content in {**export_files(cat), **record_files(cat)}.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written
