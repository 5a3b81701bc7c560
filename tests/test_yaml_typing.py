"""What the JSON Schema says an editor may type is exactly what validation accepts.

Issue 15: YAML 1.1 typing converted values silently (`on`/`yes` became booleans, `010` became 8,
`1:30` became 90) and `!!str 1` passed where the schema says integer. The cases here are generated
from the schema files in schemas/: for every scalar field of a record, many spellings of a value
are put into a real record; the loader must type each one as the YAML 1.2 core schema says, and
the models must accept it exactly when the JSON Schema does.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from tests.bad_records import BASES, ROOT, BadRecord
from toolbox.load import parse_yaml

# Spellings an editor may type after `field: `, and what the YAML 1.2 core schema makes of each
# (YAML 1.2.2, 10.3.2; explicit tags and quotes as the spec defines them).
SPELLINGS: dict[str, Any] = {
    "5": 5,
    "010": 10,
    "+7": 7,
    "-1": -1,
    "0x1F": 31,
    "0o17": 15,
    "1e1": 10.0,
    "5.0": 5.0,
    "2.5": 2.5,
    ".inf": float("inf"),
    "1:30": "1:30",
    "1_000": "1_000",
    "0b101": "0b101",
    "yes": "yes",
    "no": "no",
    "on": "on",
    "off": "off",
    "y": "y",
    "true": True,
    "False": False,
    "~": None,
    "null": None,
    "2025-10-07": "2025-10-07",
    "!!str 5": "5",
    "'5'": "5",
    '"5"': "5",
    "!!int '5'": 5,
    "!!float 3": 3.0,
    "MBO": "MBO",
    "warm-welkom": "warm-welkom",
    "Een gewone zin": "Een gewone zin",
}
REFUSED_TAGS = ["!!binary SEJP", "!!timestamp 2025-10-07", "!!set {a}", "!!python/int 5", "!foo x", "!!omap [a: 1]"]


@functools.cache
def schema_validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def record_schema(name: str, kind: str) -> dict[str, Any]:
    """The schema of one record (interventions and documents are lists in their file)."""
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    defs = schema.get("$defs", {})
    return {"intervention": defs.get("Intervention"), "document": defs.get("Document")}.get(kind) or schema


def scalar_fields() -> list[tuple[str, str]]:
    """(record kind, field) for every field whose schema allows a scalar: generated from schemas/."""
    out = []
    for kind, (_, schema_name, _) in BASES.items():
        for field, spec in record_schema(schema_name, kind)["properties"].items():
            options = spec.get("anyOf", [spec])
            if any(o.get("type") in ("string", "integer", "number", "boolean") or "enum" in o for o in options):
                out.append((kind, field))
            elif any(
                o.get("type") == "array" and o.get("items", {}).get("type") in ("string", "integer") for o in options
            ):
                out.append((kind, field + "[]"))
    return out


def typed(spelling: str) -> Any:
    doc, problems = parse_yaml(f"v: {spelling}\n", "x.yaml")
    assert doc is not None, problems
    return doc.data["v"]


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_plain_scalars_follow_the_yaml_1_2_core_schema(spelling: str) -> None:
    value, expected = typed(spelling), SPELLINGS[spelling]
    assert value == expected and type(value) is type(expected), (spelling, value)


@pytest.mark.parametrize("spelling", REFUSED_TAGS)
def test_explicit_tags_other_than_the_standard_ones_are_refused(spelling: str) -> None:
    doc, problems = parse_yaml(f"v: {spelling}\n", "x.yaml")
    assert doc is None and problems and "YAML-tag" in problems[0].message and "niet toegestaan" in problems[0].message


@pytest.mark.parametrize("spelling", ["!!bool yes", "!!int 1:30", "!!int 0b101", "!!float 1_000", "!!null 0"])
def test_a_standard_tag_on_a_value_of_another_type_is_refused(spelling: str) -> None:
    doc, problems = parse_yaml(f"v: {spelling}\n", "x.yaml")
    assert doc is None and "kan niet als" in problems[0].message


FIELDS = scalar_fields()


def test_the_schema_has_scalar_fields_to_generate_cases_from() -> None:
    assert len(FIELDS) > 20
    assert ("element", "number") in FIELDS and ("intervention", "numbers[]") in FIELDS


@pytest.mark.parametrize(("kind", "field"), FIELDS, ids=[f"{k}.{f}" for k, f in FIELDS])
def test_validation_accepts_what_the_schema_accepts_and_nothing_else(kind: str, field: str) -> None:
    model, schema_name, base = BASES[kind]
    disagreements = []
    for spelling in SPELLINGS:
        data = copy.deepcopy(base())
        value = typed(spelling)
        if field.endswith("[]"):
            data[field[:-2]] = [value]
        else:
            data[field] = value
        record = BadRecord(f"{kind}.{field}", model, schema_name, data)
        schema_ok = schema_validator(schema_name).is_valid(record.as_file())
        try:
            model.model_validate(data)
            model_ok = True
        except ValidationError:
            model_ok = False
        if schema_ok != model_ok:
            disagreements.append(f"{spelling!r} -> {value!r}: schema {'accepts' if schema_ok else 'refuses'}")
    assert disagreements == [], f"{kind}.{field}: " + "; ".join(disagreements)


@pytest.mark.parametrize(
    ("spelling", "ok"),
    [
        ("2025-10-07", True),
        ("2025-10-07T10:00:00", False),
        ("1700000000", False),
        ("'2025-10-07'", True),
        ("2025-02-30", False),
    ],
)
def test_dates_are_what_the_schema_calls_a_date(spelling: str, ok: bool) -> None:
    from toolbox import models as m

    entry = {"activity": "Start", "when": "7 oktober", "start": typed(spelling)}
    schema = json.loads((ROOT / "schemas" / "communication.schema.json").read_text(encoding="utf-8"))
    timeline = schema["$defs"]["TimelineEntry"]
    checker = jsonschema.Draft202012Validator(
        {**timeline, "$defs": schema["$defs"]}, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert checker.is_valid(entry) is ok
    try:
        m.TimelineEntry.model_validate(entry)
        accepted = True
    except ValidationError:
        accepted = False
    assert accepted is ok


def test_yes_and_on_are_text_in_a_text_field(repo: Any) -> None:
    from tests.conftest import run_toolbox

    path = repo / "content/cases/escaperoom-hanze.yaml"
    path.write_text(re.sub(r"(?m)^time_needed: .*$", "time_needed: on", path.read_text(encoding="utf-8")), "utf-8")
    assert run_toolbox(repo, "validate").returncode == 0
