"""One shared list of bad records: the models and the JSON Schema must both reject every one.

Each example is a real shipped record with one change, so it differs from valid data only in
the rule it breaks.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from toolbox import models as m
from toolbox.load import read_yaml

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BadRecord:
    name: str
    model: type[BaseModel]
    schema: str  # file in schemas/
    data: dict[str, Any]

    def as_file(self) -> dict[str, Any]:
        """The record as it appears in its YAML file (interventions are one list)."""
        if self.model is m.Intervention:
            return {"interventions": [self.data]}
        if self.model is m.SourceDocument:
            return {"documents": [self.data]}
        return self.data


def _load(rel: str) -> Any:
    doc, problems = read_yaml(ROOT / rel, rel)
    assert doc is not None, problems
    return doc.data


def _intervention() -> dict[str, Any]:
    return dict(_load("content/interventions.yaml")["interventions"][0])


def _element() -> dict[str, Any]:
    return dict(
        _load(sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "elements").glob("*.yaml"))[0])
    )


def _case() -> dict[str, Any]:
    return dict(_load(sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "cases").glob("*.yaml"))[0]))


def _document() -> dict[str, Any]:
    return dict(_load("content/bronnen.yaml")["documents"][0])


Change = Callable[[dict[str, Any]], None]
BASES: dict[str, tuple[type[BaseModel], str, Callable[[], dict[str, Any]]]] = {
    "intervention": (m.Intervention, "interventions.schema.json", _intervention),
    "element": (m.Element, "element.schema.json", _element),
    "case": (m.Case, "case.schema.json", _case),
    "document": (m.SourceDocument, "sources.schema.json", _document),
}


def _set(key: str, value: Any) -> Change:
    return lambda d: d.__setitem__(key, value)


def _drop(key: str) -> Change:
    return lambda d: d.pop(key)


def _source(key: str, value: Any) -> Change:
    return lambda d: d["sources"][0].__setitem__(key, value)


CHANGES: list[tuple[str, str, Change]] = [
    ("intervention", "missing title", _drop("title")),
    ("intervention", "missing sources", _drop("sources")),
    ("intervention", "unknown field", _set("titel", "Dubbel")),
    ("intervention", "sector in lower case", _set("sectors", ["mbo"])),
    ("intervention", "sector HO", _set("sectors", ["HO"])),
    ("intervention", "no elements", _set("elements", [])),
    ("intervention", "no sectors", _set("sectors", [])),
    ("intervention", "id with capitals and spaces", _set("id", "Mijn Aanpak")),
    ("intervention", "id with trailing dash", _set("id", "mijn-aanpak-")),
    ("intervention", "appendix row out of range", _set("numbers", [59])),
    ("intervention", "empty description", _set("description", "")),
    ("intervention", "blank description", _set("description", "   \n")),
    ("intervention", "raw HTML in description", _set("description", "Tekst <script>alert(1)</script>")),
    ("intervention", "title on two lines", _set("title", "Eerste regel\nTweede regel")),
    ("intervention", "title too long", _set("title", "x" * 201)),
    ("intervention", "title is a number", _set("title", 5)),
    ("intervention", "elements is text", _set("elements", "warm-welkom")),
    ("intervention", "empty source list", _set("sources", [])),
    ("intervention", "source without section", lambda d: d["sources"][0].pop("section")),
    ("intervention", "source lines as words", _source("lines", "12 tot 14")),
    ("intervention", "source document not a slug", _source("document", "NRO 2025")),
    ("element", "number 17", _set("number", 17)),
    ("element", "number 0", _set("number", 0)),
    ("element", "unknown theme", _set("theme", "binding-en-welzijn")),
    ("element", "unknown ring", _set("ring", "curriculum")),
    ("element", "no recommendations", _set("recommendations", [])),
    ("element", "empty recommendation", _set("recommendations", [""])),
    ("element", "quote without role", _set("quotes", [{"text": "Fijn."}])),
    ("element", "quote with unknown field", _set("quotes", [{"text": "Fijn.", "role": "student", "naam": "Anna"}])),
    ("case", "sector HO", _set("sector", "HO")),
    ("case", "sectors as a list", _set("sector", ["HBO"])),
    ("case", "missing institution", _drop("institution")),
    ("case", "tips as text", _set("tips", "Begin klein")),
    ("case", "HTML in summary", _set("summary", "<b>Vet</b>")),
    ("document", "date with slashes", _set("date", "2025/01")),
    ("document", "url without https", _set("url", "ftp://example.org")),
]


def bad_records() -> list[BadRecord]:
    out = []
    for kind, name, change in CHANGES:
        model, schema, base = BASES[kind]
        data = copy.deepcopy(base())
        change(data)
        out.append(BadRecord(f"{kind}: {name}", model, schema, data))
    return out
