"""JSON Schema files for editors, generated from the models (the single definition).

Each YAML file names its schema in a first-line `# yaml-language-server: $schema=...` comment, so
VS Code and other editors complete field names and enum values and underline mistakes while
typing. The models stay authoritative: `toolbox validate` also checks references between records.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from toolbox import models as m

SCHEMA_DIR = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class SchemaFile:
    name: str  # file name in schemas/
    model: type[BaseModel]
    title: str  # Dutch, shown by editors
    files: str  # which YAML files use it, for the description


SCHEMAS: tuple[SchemaFile, ...] = (
    SchemaFile("element.schema.json", m.Element, "Werkzaam element", "content/elements/NN-<id>.yaml"),
    SchemaFile("interventions.schema.json", m.InterventionFile, "Aanpakken", "content/interventions.yaml"),
    SchemaFile("case.schema.json", m.Case, "Casus", "content/cases/<id>.yaml"),
    SchemaFile("topic.schema.json", m.Topic, "Thema", "content/online-onderwijs.yaml"),
    SchemaFile("roadmap.schema.json", m.Roadmap, "Roadmap", "content/roadmap.yaml"),
    SchemaFile("communication.schema.json", m.Communication, "Communicatierichtlijnen", "content/communicatie.yaml"),
    SchemaFile("practice.schema.json", m.Practice, "Praktijk hbo", "content/hbo-praktijk.yaml"),
    SchemaFile("sources.schema.json", m.DocumentFile, "Brondocumenten", "content/bronnen.yaml"),
    SchemaFile("nse-rules.schema.json", m.NseRules, "NSE-berichtencheck", "content/nse-regels.yaml"),
    # Issue 13: the report's explanatory pages, the glossary and the participation study.
    SchemaFile(
        "textpage.schema.json", m.TextPage, "Tekstpagina", "content/onderzoek/<id>.yaml, content/nse-coordinatoren.yaml"
    ),
    SchemaFile("glossary.schema.json", m.Glossary, "Begrippen", "content/begrippen.yaml"),
    SchemaFile("participation.schema.json", m.ParticipationStudy, "Deelname-onderzoek", "content/deelname.yaml"),
)


def _drop_generated_titles(node: Any) -> Any:
    """Remove pydantic's English field titles ("Target Group"); editors show the Dutch description."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for prop in props.values():
                if isinstance(prop, dict):
                    prop.pop("title", None)
        for value in node.values():
            _drop_generated_titles(value)
    elif isinstance(node, list):
        for value in node:
            _drop_generated_titles(value)
    return node


def schema_for(spec: SchemaFile) -> dict[str, Any]:
    body = _drop_generated_titles(spec.model.model_json_schema(mode="validation"))
    body.pop("title", None)
    return {
        "$schema": DIALECT,
        "title": spec.title,
        "description": (
            f"Schema voor {spec.files} in de Samen Sterker toolbox, gemaakt uit toolbox/models.py "
            "(niet met de hand aanpassen; draai `toolbox schema`). `toolbox validate` controleert daarnaast "
            "of verwijzingen naar andere records bestaan."
        ),
        **body,
    }


def render_schemas() -> dict[str, str]:
    """{file name: JSON text} for every schema, in a stable layout so diffs stay small."""
    return {s.name: json.dumps(schema_for(s), ensure_ascii=False, indent=2, sort_keys=True) + "\n" for s in SCHEMAS}


def write_schemas(root: Path) -> list[str]:
    """Write the schema files into `root/schemas`; return the names that changed."""
    out = root / SCHEMA_DIR
    out.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in render_schemas().items():
        target = out / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def stale_schemas(root: Path) -> list[str]:
    """Names of schema files that are missing or differ from what the models generate."""
    out = root / SCHEMA_DIR
    return [
        name
        for name, text in render_schemas().items()
        if not (out / name).is_file() or (out / name).read_text(encoding="utf-8") != text
    ]
