"""Open data: `toolbox export --out DIR` and the files the site publishes under /data/.

`toolbox.json` holds every record as its model fields, plus per record where it is written
(`origin`), its page (`page`) and its computed relations (`relations`). `catalog_from_json`
reads it back into the same Catalog, which the tests check.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from toolbox import models as m
from toolbox.catalog import Catalog, Origin
from toolbox.render import (
    COMMUNICATION_URI,
    PRACTICE_URI,
    ROADMAP_URI,
    case_uri,
    element_uri,
    intervention_uri,
    page_url,
    topic_uri,
)
from toolbox.schema import SCHEMA_DIR, render_schemas

FORMAT = "samen-sterker-toolbox"
VERSION = 1
JSON_FILE = "toolbox.json"
CSV_FILE = "interventions.csv"
EXTRA_KEYS = ("origin", "page", "relations")  # added to each record; not model fields

R = TypeVar("R", bound=BaseModel)


def _record(cat: Catalog, record: Any, page: str | None, relations: dict[str, list[str]]) -> dict[str, Any]:
    data: dict[str, Any] = record.model_dump(mode="json")
    origin = cat.origins.get(record.id)
    data["origin"] = {"path": origin.path, "line": origin.line} if origin else None
    data["page"] = page
    data["relations"] = relations
    return data


def catalog_to_json(cat: Catalog) -> dict[str, Any]:
    def single(record: Any, uri: str) -> dict[str, Any] | None:
        return _record(cat, record, page_url(uri), {}) if record is not None else None

    return {
        "format": FORMAT,
        "version": VERSION,
        "documents": [d.model_dump(mode="json") for d in cat.documents.values()],
        "elements": [
            _record(
                cat,
                el,
                page_url(element_uri(el.id)),
                {
                    "interventions": cat.element_interventions[el.id],
                    "cases": cat.element_cases[el.id],
                    "topics": cat.element_topics[el.id],
                    "related": cat.element_related[el.id],
                },
            )
            for el in cat.elements.values()
        ],
        "interventions": [
            _record(
                cat,
                iv,
                page_url(intervention_uri(iv.id)),
                {
                    "children": cat.children[iv.id],
                    "themes": list(cat.themes_of(iv)),
                    "rings": list(cat.rings_of(iv)),
                },
            )
            for iv in cat.interventions.values()
        ],
        "cases": [
            _record(
                cat,
                case,
                page_url(case_uri(case.id)),
                {"interventions": cat.case_interventions[case.id], "topics": cat.case_topics[case.id]},
            )
            for case in cat.cases.values()
        ],
        "topics": [_record(cat, t, page_url(topic_uri(t.id)), {}) for t in cat.topics.values()],
        "roadmap": single(cat.roadmap, ROADMAP_URI),
        "communication": single(cat.communication, COMMUNICATION_URI),
        "practice": single(cat.practice, PRACTICE_URI),
        "nse_rules": _record(cat, cat.nse_rules, None, {}) if cat.nse_rules is not None else None,
    }


def _model(model: type[R], data: dict[str, Any]) -> R:
    return model.model_validate({k: v for k, v in data.items() if k not in EXTRA_KEYS})


def catalog_from_json(data: dict[str, Any], root: Path) -> Catalog:
    """Read `toolbox.json` back into a Catalog (records validated by the same models)."""
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(f"not a {FORMAT} export of version {VERSION}")
    cat = Catalog(root=root)
    cat.documents = {d["id"]: m.Document.model_validate(d) for d in data["documents"]}
    records: list[dict[str, Any]] = []
    for item in data["elements"]:
        el = _model(m.Element, item)
        cat.elements[el.id] = el
        rel = item["relations"]
        cat.element_interventions[el.id] = rel["interventions"]
        cat.element_cases[el.id] = rel["cases"]
        cat.element_topics[el.id] = rel["topics"]
        cat.element_related[el.id] = rel["related"]
        records.append(item)
    for item in data["interventions"]:
        iv = _model(m.Intervention, item)
        cat.interventions[iv.id] = iv
        cat.children[iv.id] = item["relations"]["children"]
        records.append(item)
    for item in data["cases"]:
        case = _model(m.Case, item)
        cat.cases[case.id] = case
        cat.case_interventions[case.id] = item["relations"]["interventions"]
        cat.case_topics[case.id] = item["relations"]["topics"]
        records.append(item)
    for item in data["topics"]:
        topic = _model(m.Topic, item)
        cat.topics[topic.id] = topic
        records.append(item)
    if data["roadmap"]:
        cat.roadmap = _model(m.Roadmap, data["roadmap"])
        records.append(data["roadmap"])
    if data["communication"]:
        cat.communication = _model(m.Communication, data["communication"])
        records.append(data["communication"])
    if data["practice"]:
        cat.practice = _model(m.Practice, data["practice"])
        records.append(data["practice"])
    if data["nse_rules"]:
        cat.nse_rules = _model(m.NseRules, data["nse_rules"])
        records.append(data["nse_rules"])
    cat.origins = {r["id"]: Origin(r["origin"]["path"], r["origin"]["line"]) for r in records if r.get("origin")}
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
            "; ".join(f"{s.document}: {s.section}" + (f" (regels {s.lines})" if s.lines else "") for s in iv.sources),
            page_url(intervention_uri(iv.id)),
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return buffer.getvalue()


def export_files(cat: Catalog) -> dict[str, bytes]:
    """{path below the export directory: content}: the JSON, the CSV and the schema files."""
    data = catalog_to_json(cat)
    files = {
        JSON_FILE: (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        # A byte-order mark so that spreadsheet programs read the UTF-8 text correctly.
        CSV_FILE: ("\ufeff" + interventions_csv(cat)).encode("utf-8"),
    }
    for name, text in render_schemas().items():
        files[f"{SCHEMA_DIR}/{name}"] = text.encode("utf-8")
    return files


def write_export(cat: Catalog, out: Path) -> list[Path]:
    written = []
    for rel, content in export_files(cat).items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written
