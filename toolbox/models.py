"""Typed records: the single definition of what valid content is.

The JSON Schema for editors and the field documentation are generated from these models. A field
that holds ids of other records says so with `Ref` in its annotation; `toolbox.catalog` checks
those references and computes the reverse relations from them, so nothing is typed twice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from toolbox import markup, safe_html

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Ref:
    """Field metadata: the value (or each item) is the id of a record of type `target`.

    `reverse` names the relation the target gets (`cat.related(target_id, reverse)`); a `symmetric`
    relation is the same in both directions (element 1 related to 2 is 2 related to 1).
    `self_message` is the Dutch error for a record that refers to itself (allowed when None).
    """

    target: str
    reverse: str | None = None
    symmetric: bool = False
    self_message: str | None = None


@dataclass(frozen=True)
class Unique:
    """Field metadata: no two records of a type share this value (or, for a list, any item).

    `message` is Dutch, with `{value}` and `{other}` (the id of the record that has it already).
    """

    message: str


Sector = Literal["MBO", "HBO", "WO"]
Theme = Literal["binding", "welzijn"]
Ring = Literal["onderwijs", "extracurriculair", "beleid"]
Horizon = Literal["kort", "midden", "lang"]
TipCategory = Literal["informeren", "faciliteren", "zichtbaar-maken"]

SECTORS: tuple[Sector, ...] = ("MBO", "HBO", "WO")
THEMES: dict[Theme, str] = {"binding": "Sociale binding", "welzijn": "Welzijn"}
RINGS: dict[Ring, str] = {
    "onderwijs": "Onderwijs",
    "extracurriculair": "Extracurriculair",
    "beleid": "Beleid en organisatie",
}
HORIZONS: dict[Horizon, str] = {"kort": "Kort", "midden": "Midden", "lang": "Lang"}


def _checked(value: str, *, title: bool) -> str:
    value = value.strip()
    if not value:
        raise ValueError("mag niet leeg zijn")
    # Friendly explanations first; then what the sanitiser would remove from the rendered HTML.
    problems = (
        markup.character_problems(value, title=title)
        or markup.problems_in(value)
        or markup.complexity_problems(value)
        or safe_html.html_problems(value, inline=title)
    )
    if problems:
        raise ValueError("; ".join(problems))
    return value


def _clean_text(value: str) -> str:
    return _checked(value, title=False)


def _clean_title(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("moet op één regel staan")
    return _checked(value, title=True)


def _https(value: str) -> str:
    if not value.startswith("https://") or " " in value:
        raise ValueError(f"'{value}' is geen https://-adres")
    return value


def _number_typed_as_number(value: Any) -> Any:
    # What the JSON Schema calls an integer and nothing else: YAML `"5"` and `!!str 5` are text,
    # and `true` is not 1 (pydantic's lax mode would accept all three).
    if isinstance(value, str | bool):
        raise PydanticCustomError("int_type", "geen geheel getal")
    return value


def _date_typed_as_date(value: Any) -> Any:
    # JSON Schema's `format: date` (JJJJ-MM-DD) and nothing else: no time, no Unix timestamp.
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise PydanticCustomError("date_type", "geen datum")
    return value


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NUMBER = BeforeValidator(_number_typed_as_number)
Date = Annotated[dt.date, BeforeValidator(_date_typed_as_date)]

# The text rules as JSON Schema too, so editors see mistakes while typing (see toolbox/schema.py).
_NO_HTML: dict[str, Any] = {"not": {"pattern": markup._RAW_HTML.pattern}}
_TEXT_SCHEMA: dict[str, Any] = {"pattern": r"\S", **_NO_HTML}
_TITLE_SCHEMA: dict[str, Any] = {"pattern": r"^\s*[^\n]*\S[^\n]*\s*$", **_NO_HTML}

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="Id: kleine letters, cijfers en streepjes, bijvoorbeeld 'warm-welkom'."),
]
Markdown = Annotated[
    str,
    AfterValidator(_clean_text),
    Field(
        description="Markdown: alinea's, lijsten, **vet**, *cursief* en [links](https://...); geen HTML.",
        json_schema_extra=_TEXT_SCHEMA,
    ),
]
Text = Annotated[
    str, AfterValidator(_clean_text), Field(description="Tekst, zonder HTML.", json_schema_extra=_TEXT_SCHEMA)
]
Title = Annotated[
    str,
    AfterValidator(_clean_title),
    Field(max_length=200, description="Tekst op één regel, zonder Markdown.", json_schema_extra=_TITLE_SCHEMA),
]
Url = Annotated[
    str,
    AfterValidator(_https),
    Field(description="Webadres dat met https:// begint.", json_schema_extra={"pattern": "^https://[^ ]*$"}),
]
Lines = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]+(-[0-9]+)?$"),
    Field(description="Regelnummer of bereik in de brontekst, bijvoorbeeld '120-135'."),
]


class Record(BaseModel):
    """Base of every record: unknown fields are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", strict=False, validate_default=False)


def _unique(values: list[Any], what: str) -> list[Any]:
    seen = set()
    for v in values:
        if v in seen:
            raise ValueError(f"{what} '{v}' staat dubbel in de lijst")
        seen.add(v)
    return values


class Source(Record):
    document: Annotated[Slug, Ref("document")]
    section: Title
    lines: Lines | None = None


Sources = Annotated[list[Source], Field(min_length=1)]


class Quote(Record):
    text: Text
    role: Title
    institution: Title | None = None


class Element(Record):
    id: Slug
    number: Annotated[int, Field(ge=1, le=16), NUMBER, Unique("nummer {value} is al gebruikt door '{other}'")]
    title: Title
    theme: Theme
    ring: Ring
    summary: Text
    findings: Markdown
    participation: Markdown | None = None
    quotes: list[Quote] = []
    literature: Markdown | None = None
    recommendations: Annotated[list[Text], Field(min_length=1)]
    related: Annotated[
        list[Slug], Ref("element", symmetric=True, self_message="een element kan niet aan zichzelf verwant zijn")
    ] = []
    sources: Sources

    _unique_related = field_validator("related")(lambda v: _unique(v, "element"))


class Intervention(Record):
    id: Slug
    title: Title
    numbers: Annotated[
        list[Annotated[int, Field(ge=1, le=58), NUMBER]],
        Unique("rij {value} van bijlage 7 hoort al bij aanpak '{other}'"),
    ] = []
    parent: Annotated[
        Slug | None, Ref("intervention", reverse="children", self_message="een aanpak kan niet onder zichzelf vallen")
    ] = None
    elements: Annotated[list[Slug], Field(min_length=1), Ref("element", reverse="interventions")]
    sectors: Annotated[list[Sector], Field(min_length=1)]
    description: Markdown
    case: Annotated[Slug | None, Ref("case", reverse="interventions")] = None
    sources: Sources

    _unique_numbers = field_validator("numbers")(lambda v: _unique(v, "nummer"))
    _unique_elements = field_validator("elements")(lambda v: _unique(v, "element"))
    _unique_sectors = field_validator("sectors")(lambda v: _unique(v, "sector"))


class Case(Record):
    id: Slug
    title: Title
    institution: Title
    sector: Sector
    summary: Text
    description: Markdown
    elements: Annotated[list[Slug], Field(min_length=1), Ref("element", reverse="cases")]
    target_group: Text | None = None
    goal: Text | None = None
    time_needed: Text | None = None
    tips: list[Text] = []
    sources: Sources

    _unique_elements = field_validator("elements")(lambda v: _unique(v, "element"))


class Topic(Record):
    id: Slug
    title: Title
    summary: Text
    findings: Markdown
    quotes: list[Quote] = []
    elements: Annotated[list[Slug], Ref("element", reverse="topics")] = []
    cases: Annotated[list[Slug], Ref("case", reverse="topics")] = []
    sources: Sources


class Tip(Record):
    text: Text
    group: Title | None = None


class RoadmapItem(Record):
    id: Slug
    number: Annotated[int, Field(ge=1), NUMBER]
    title: Title
    note: Markdown | None = None
    tips: Annotated[list[Tip], Field(min_length=1)]
    stakeholders: list[Title] = []
    horizon: list[Horizon] = []
    sources: Sources


class Cluster(Record):
    id: Slug
    title: Title
    items: Annotated[list[RoadmapItem], Field(min_length=1)]


class HorizonMeaning(Record):
    id: Horizon
    label: Title
    meaning: Text


class Roadmap(Record):
    id: Slug
    title: Title
    intro: Markdown
    stakeholders_note: Text | None = None
    horizons: list[HorizonMeaning]
    stakeholders: Annotated[list[Title], Field(min_length=1)]
    clusters: Annotated[list[Cluster], Field(min_length=1)]
    sources: Sources


class ResponseTips(Record):
    category: TipCategory
    title: Title
    tips: Annotated[list[Text], Field(min_length=1)]


class TimelineEntry(Record):
    activity: Title
    start: Date
    end: Date | None = None
    note: Text | None = None


class Link(Record):
    title: Title
    url: Url


class Communication(Record):
    id: Slug
    title: Title
    intro: Markdown
    rule: Text
    neutral_examples: Annotated[list[Text], Field(min_length=1)]
    steering_intro: Text
    steering_examples: Annotated[list[Text], Field(min_length=1)]
    doubt: Markdown | None = None
    response_tips: list[ResponseTips] = []
    facts: list[Text] = []
    timeline: list[TimelineEntry] = []
    links: list[Link] = []
    wellbeing_offer: Markdown | None = None
    sources: Sources


def _portable_pattern(value: str) -> str:
    """A regular expression that Python and the browser read alike (see content/nse-regels.yaml)."""
    import re

    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"patroon '{value}' is geen geldige reguliere expressie ({exc})") from None
    for bad in ("(?<", "(?P", "(?i", "(?s", "(?m", "(?x", "(?#", "\\A", "\\Z"):
        if bad in value:
            raise ValueError(f"patroon '{value}': '{bad}' werkt niet in de browser; gebruik alleen (?: ...)")
    if re.sub(r"\\[A-Za-z]", "", value) != re.sub(r"\\[A-Za-z]", "", value).lower():
        raise ValueError(f"patroon '{value}': schrijf patronen in kleine letters (de tekst wordt eerst omgezet)")
    return value


class NseRule(Record):
    """One rule of the NSE message check, tied to a steering example of the guidelines."""

    id: Slug
    title: Title
    example: Text  # verbatim one of Communication.steering_examples
    suggestions: Annotated[list[Text], Field(min_length=1)]  # verbatim Communication.neutral_examples
    patterns: Annotated[list[Annotated[str, AfterValidator(_portable_pattern)]], Field(min_length=1)]


class NseRules(Record):
    id: Slug
    title: Title
    disclaimer: Text
    rules: Annotated[list[NseRule], Field(min_length=1)]


class Conclusion(Record):
    number: Annotated[int, Field(ge=1), NUMBER]
    title: Title
    text: Markdown
    recommendations: list[Text] = []


class PracticeBox(Record):
    number: Annotated[int, Field(ge=1), NUMBER]
    title: Title
    institution: Title | None = None
    text: Markdown


class InventoryCategory(Record):
    category: Title
    central: list[Text] = []
    curriculum: list[Text] = []


class Practice(Record):
    id: Slug
    title: Title
    summary: Text
    intro: Markdown
    conclusions: list[Conclusion] = []
    boxes: list[PracticeBox] = []
    inventory: list[InventoryCategory] = []
    sources: Sources


class SourceDocument(Record):
    """A report or deck the content is transcribed from (content/bronnen.yaml)."""

    id: Slug
    title: Title
    subtitle: Title | None = None
    authors: list[Title] = []
    organisation: Title | None = None
    date: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
    kind: Title
    description: Text
    url: Url | None = None
    note: Text | None = None
