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

from toolbox.registry import TYPES, Folder, ListFile, RecordType

SCHEMA_DIR = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class SchemaFile:
    name: str  # file name in schemas/
    model: type[BaseModel]
    title: str  # Dutch, shown by editors
    files: str  # which YAML files use it, for the description


def _files(rt: RecordType) -> str:
    if isinstance(rt.store, Folder):
        return f"{rt.store.path}/{rt.store.shown}"
    if isinstance(rt.store, ListFile) and rt.store.more:
        return f"{rt.store.path} en {rt.store.more}/<id>.yaml"
    return rt.store.path


# One schema per record type, for the file its records are written in.
SCHEMAS: tuple[SchemaFile, ...] = tuple(
    SchemaFile(rt.schema.file, rt.file_model, rt.schema.title, _files(rt)) for rt in TYPES if rt.schema
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


def generated_files(root: Path) -> dict[str, str]:
    """{path below the repository: text} of every file generated from the models: the schemas,
    and docs/data-model.md where the repository has its developer docs."""
    from toolbox.model_doc import DOC, render_data_model

    files = {f"{SCHEMA_DIR}/{name}": text for name, text in render_schemas().items()}
    if (root / DOC).parent.is_dir():
        files[DOC] = render_data_model()
    return files


def write_schemas(root: Path) -> list[str]:
    """Write the generated files into `root`; return the paths that changed."""
    changed = []
    for rel, text in generated_files(root).items():
        target = root / rel
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(rel)
    return changed


def stale_schemas(root: Path) -> list[str]:
    """Paths of generated files that are missing or differ from what the models generate."""
    return [
        rel
        for rel, text in generated_files(root).items()
        if not (root / rel).is_file() or (root / rel).read_text(encoding="utf-8") != text
    ]
