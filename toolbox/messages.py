"""Dutch messages for editors: pydantic validation errors translated, and "bedoelde je" hints."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from toolbox.load import Loc, YamlFile
from toolbox.problems import Problem, char_name, quote

_TYPE_NAMES = {
    "string_type": "tekst",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "int_from_float": "een geheel getal",
    "list_type": "een lijst",
    "dict_type": "een groep velden (veld: waarde)",
    "model_type": "een groep velden (veld: waarde)",
    "model_attributes_type": "een groep velden (veld: waarde)",
    "bool_type": "ja/nee (true/false)",
    "date_type": "een datum (JJJJ-MM-DD)",
    "date_parsing": "een datum (JJJJ-MM-DD)",
    "date_from_datetime_parsing": "een datum (JJJJ-MM-DD)",
    "date_from_datetime_inexact": "een datum (JJJJ-MM-DD) zonder tijd",
    "float_type": "een getal",
    "float_parsing": "een getal",
    "bool_parsing": "ja/nee (true/false)",
    "finite_number": "een eindig getal",
}


def suggest(value: object, choices: list[str]) -> str:
    """A Dutch 'did you mean' hint, or an empty string."""
    text = str(value)
    # Stray spaces (`"hbo "` in quotes) are invisible in the editor: say so with the hint.
    spaces = " zonder de spatie" if text != text.strip() else ""
    bare = text.strip()
    for choice in choices:
        if choice.lower() == bare.lower():
            return f" (bedoelde je '{choice}'{spaces}?)"
    close = difflib.get_close_matches(bare, choices, n=1, cutoff=0.6)
    return f" (bedoelde je '{close[0]}'{spaces}?)" if close else ""


def _field_name(loc: Loc) -> str:
    names = [str(p) for p in loc if isinstance(p, str)]
    return names[-1] if names else "record"


def _model_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names allowed at `loc` (walks nested models), for hints on unknown fields."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    stack = [annotation]
    while stack:
        t = stack.pop()
        if isinstance(t, type) and issubclass(t, BaseModel):
            return t
        stack.extend(getattr(t, "__args__", ()) or ())
        if hasattr(t, "__origin__") and t.__origin__ is not None and hasattr(t, "__metadata__"):
            stack.append(t.__origin__)
    return None


def translate(
    error: ValidationError, doc: YamlFile, model: type[BaseModel], base: Loc = (), label: str = ""
) -> list[Problem]:
    """One Dutch problem per pydantic error, located at the offending key or value."""
    problems = []
    prefix = f"{label}: " if label else ""
    for err in error.errors(include_url=False):
        loc: Loc = tuple(err["loc"])
        full = base + loc
        kind = err["type"]
        field = _field_name(loc)
        value = err.get("input")
        if kind == "missing":
            problems.append(doc.problem(full[:-1], f"{prefix}verplicht veld '{field}' ontbreekt"))
        elif kind == "extra_forbidden":
            hint = suggest(field, _model_fields(model, loc[:-1]))
            problems.append(doc.problem(full, f"{prefix}onbekend veld '{field}'{hint}", key=True))
        elif kind in ("literal_error", "enum"):
            choices = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
            hint = suggest(value, choices)
            problems.append(
                doc.problem(full, f"{prefix}{field} {quote(value)} is ongeldig; kies uit {', '.join(choices)}{hint}")
            )
        elif kind == "string_pattern_mismatch":
            if field in ("lines",):
                msg = f"{field} {quote(value)} is ongeldig; schrijf een regelnummer of bereik, bijvoorbeeld '120-135'"
            elif field == "date":
                msg = f"{field} {quote(value)} is ongeldig; schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD"
            else:
                msg = f"{field} {quote(value)} is geen geldige id{_odd_character(value)}; gebruik kleine letters, cijfers en streepjes (bijv. 'warm-welkom')"
            problems.append(doc.problem(full, prefix + msg))
        elif kind in _TYPE_NAMES and value is None:
            problems.append(doc.problem(full, f"{prefix}{field} is leeg; {_EMPTY_FIX.get(kind, _EMPTY_TEXT)}"))
        elif kind in _TYPE_NAMES:
            problems.append(doc.problem(full, f"{prefix}{field} moet {_TYPE_NAMES[kind]} zijn{_now(kind, value)}"))
        elif kind == "too_short":
            problems.append(doc.problem(full, f"{prefix}{field} mag niet leeg zijn"))
        elif kind in ("string_too_long", "too_long"):  # `too_long`: a length limit after an AfterValidator
            limit = err.get("ctx", {}).get("max_length")
            unit = "tekens" if isinstance(value, str) else "items"
            problems.append(doc.problem(full, f"{prefix}{field} is te lang (maximaal {limit} {unit})"))
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            problems.append(
                doc.problem(full, f"{prefix}{field} {value} valt buiten het toegestane bereik ({_bound(err)})")
            )
        elif kind == "provenance":  # the record's own rule (models.Intervention), already Dutch
            problems.append(doc.problem(full, f"{prefix}{err['msg']}"))
        elif kind == "value_error":
            reason = str(err.get("ctx", {}).get("error", err["msg"]))
            problems.append(doc.problem(full, f"{prefix}{field}: {reason}"))
        else:
            # pydantic's own message is English: editors get the field, the value and the data model.
            shown = f" {quote(value)}" if isinstance(value, str | int | float) else ""
            problems.append(
                doc.problem(
                    full, f"{prefix}{field}{shown} is ongeldig; zie docs/data-model.md voor wat dit veld verwacht"
                )
            )
    return problems


_EMPTY_TEXT = (
    "schrijf de tekst achter de dubbele punt, of op de regels eronder na '|' (twee spaties verder ingesprongen); "
    "is het veld optioneel, verwijder dan de hele regel"
)
# What to write in a field left empty (`description:` with nothing after it), per expected type.
_EMPTY_FIX = {
    "list_type": "schrijf een lijst, bijvoorbeeld [MBO, HBO], of verwijder de regel als het veld optioneel is",
    "int_type": "schrijf een getal, of verwijder de regel als het veld optioneel is",
    "int_parsing": "schrijf een getal, of verwijder de regel als het veld optioneel is",
    "dict_type": "schrijf de velden eronder (twee spaties ingesprongen), of verwijder de regel",
    "model_type": "schrijf de velden eronder (twee spaties ingesprongen), of verwijder de regel",
    "model_attributes_type": "schrijf de velden eronder (twee spaties ingesprongen), of verwijder de regel",
    "date_type": "schrijf een datum als JJJJ-MM-DD, of verwijder de regel als het veld optioneel is",
    "bool_type": "schrijf true of false, of verwijder de regel als het veld optioneel is",
}


def _now(kind: str, value: object) -> str:
    """What the field holds now, in words, with the usual fix."""
    if isinstance(value, dict | list):
        return ""
    if kind == "string_type" and isinstance(value, bool):
        return f" (nu de ja/nee-waarde {str(value).lower()}; zet tekst tussen aanhalingstekens)"
    if kind == "string_type" and isinstance(value, int | float):
        return f" (nu het getal {value}; zet het tussen aanhalingstekens als het tekst is)"
    return f" (nu: {quote(value, 40)})"


def _odd_character(value: object) -> str:
    """For an id with a character that looks like an allowed one but is not: name it."""
    if not isinstance(value, str):
        return ""
    odd = next((c for c in value if not c.isascii() or not c.isprintable()), None)
    return f": teken {char_name(odd)} lijkt op een gewone letter of is onzichtbaar" if odd else ""


def _bound(err: Any) -> str:
    ctx = err.get("ctx", {})
    words = {"ge": "minimaal", "le": "maximaal", "gt": "groter dan", "lt": "kleiner dan"}
    return ", ".join(f"{words[k]} {v}" for k, v in ctx.items() if k in words)
