"""Typed records: the single definition of what valid content is.

The JSON Schema for editors and the field documentation are generated from these models. A field
that holds ids of other records says so with `Ref` in its annotation; `toolbox.catalog` checks
those references and computes the reverse relations from them, so nothing is typed twice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
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


T = TypeVar("T")
NonEmpty = Annotated[list[T], Field(min_length=1)]  # a list that must hold at least one item

Sector = Literal["MBO", "HBO", "WO"]
Theme = Literal["binding", "welzijn"]
Ring = Literal["onderwijs", "extracurriculair", "beleid"]
Horizon = Literal["kort", "midden", "lang"]
TipCategory = Literal["informeren", "faciliteren", "zichtbaar-maken"]
# Who is quoted, in one spelling ("Niet vermeld" where the source does not say who is speaking).
QuoteRole = Literal["Student", "Internationale student", "Onderwijsprofessional", "Docent", "Niet vermeld"]
# The groups of the research index page (/onderzoek/).
ResearchGroup = Literal["onderzoek", "resultaten", "discussie", "opbrengsten"]

SECTORS: tuple[Sector, ...] = ("MBO", "HBO", "WO")
THEMES: dict[Theme, str] = {"binding": "Sociale binding", "welzijn": "Welzijn"}
RINGS: dict[Ring, str] = {
    "onderwijs": "Onderwijs",
    "extracurriculair": "Extracurriculair",
    "beleid": "Beleid en organisatie",
}
HORIZONS: dict[Horizon, str] = {"kort": "Kort", "midden": "Midden", "lang": "Lang"}
RESEARCH_GROUPS: dict[ResearchGroup, str] = {
    "onderzoek": "Het onderzoek",
    "resultaten": "Resultaten",
    "discussie": "Discussie en conclusies",
    "opbrengsten": "Opbrengsten",
}


def _checked(value: str, *, title: bool, article: bool = False) -> str:
    value = value.strip()
    if not value:
        raise ValueError("mag niet leeg zijn")
    # Friendly explanations first; then what the sanitiser would remove from the rendered HTML.
    problems = (
        markup.character_problems(value, title=title)
        or markup.problems_in(value)
        or markup.complexity_problems(value)
        or safe_html.html_problems(value, inline=title, article=article)
    )
    if problems:
        raise ValueError("; ".join(problems))
    return value


def _clean_text(value: str) -> str:
    return _checked(value, title=False)


def _clean_article(value: str) -> str:
    return _checked(value, title=False, article=True)


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
# The report's own long texts: Markdown that may also quote ('>') and hold a simple table.
Article = Annotated[
    str,
    AfterValidator(_clean_article),
    Field(
        description="Markdown: alinea's, lijsten, citaatblokken ('>'), eenvoudige tabellen, **vet**, *cursief* en [links](https://...); geen HTML.",
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


class Link(Record):
    title: Title
    url: Url


class Source(Record):
    document: Annotated[Slug, Ref("document"), Field(description="Het rapport: een id uit content/bronnen.yaml.")]
    section: Annotated[Title, Field(description="De kop van het hoofdstuk of de paragraaf in het rapport.")]
    lines: Lines | None = None


Sources = NonEmpty[Source]


class Quote(Record):
    text: Text
    role: QuoteRole
    institution: Title | None = None


class FigureNote(Record):
    """A figure of the source that does not add up: shown as printed, with what does not match."""

    figure: Annotated[Title, Field(description="Het getal of de passage precies zoals gedrukt.")]
    note: Text


class Entry(Record):
    """One item of a numbered or named list in a section (a perspective, a phase, a reference)."""

    id: Slug | None = None
    number: Annotated[int, Field(ge=1)] | None = None
    title: Title
    text: Markdown | None = None


class Section(Record):
    """A part of a text page with its own anchor: the report's words, and where they come from."""

    id: Annotated[Slug, Field(description="Anker op de pagina (#id).")]
    title: Title
    body: Article | None = None
    entries: list[Entry] = []
    closing: Article | None = None
    highlights: Annotated[list[Text], Field(description="Kaders en uitgelichte zinnen van het rapport.")] = []
    quotes: list[Quote] = []
    notes: Annotated[list[Text], Field(description="Noot van de redactie, zichtbaar op de pagina.")] = []
    figure_notes: list[FigureNote] = []
    sections: list[Section] = []
    sources: Sources

    @model_validator(mode="after")
    def _has_content(self) -> Section:
        if not (self.body or self.entries or self.sections):
            raise ValueError("een sectie heeft 'body', 'entries' of 'sections' nodig")
        return self


class TextPage(Record):
    """An explanatory page in the report's own words (research pages, the coordinators page)."""

    id: Slug
    title: Title
    summary: Text
    group: Annotated[ResearchGroup | None, Field(description="Groep op de onderzoekspagina (/onderzoek/).")] = None
    order: Annotated[int, Field(ge=1, description="Plaats binnen de groep op de onderzoekspagina.")] | None = None
    intro: Article | None = None
    notes: list[Text] = []
    sections: NonEmpty[Section]
    terms: Annotated[list[Slug], Field(description="Begrippen (id's uit content/begrippen.yaml) op deze pagina.")] = []
    figure: Annotated[
        Literal["integraal-model"] | None, Field(description="Figuur die de site bij de eerste sectie tekent.")
    ] = None
    sources: Sources

    _unique_terms = field_validator("terms")(lambda v: _unique(v, "begrip"))

    @model_validator(mode="after")
    def _unique_anchors(self) -> TextPage:
        _unique(section_anchors(self.sections), "anker")
        return self


def section_anchors(sections: list[Section]) -> list[str]:
    """Every anchor (#id) the sections put on a page, in page order."""
    out: list[str] = []
    for sec in sections:
        out.append(sec.id)
        out += [e.id for e in sec.entries if e.id]
        out += section_anchors(sec.sections)
    return out


class Definition(Record):
    text: Markdown
    source: Source


class Term(Record):
    id: Annotated[Slug, Field(description="Anker op de begrippenpagina (#id).")]
    term: Title
    definitions: NonEmpty[Definition]


class Glossary(Record):
    id: Slug
    title: Title
    intro: Text
    terms: NonEmpty[Term]
    sources: Sources

    @field_validator("terms")
    @classmethod
    def _unique_ids(cls, terms: list[Term]) -> list[Term]:
        _unique([t.id for t in terms], "begrip")
        return terms


class Cohort(Record):
    """A column of the participation tables: an institution or one of its groups, as printed."""

    id: Slug
    label: Title
    institution: Title
    sector: Sector
    n: Annotated[int, Field(ge=0, description="N zoals gedrukt in de kop van de tabel.")]


class Count(Record):
    count: Annotated[int, Field(ge=0)] | None = None  # None: the table prints nothing in this cell
    percent: Annotated[int, Field(ge=0, le=100)] | None = None  # as printed; None when none is printed


class CountRow(Record):
    label: Title
    cells: NonEmpty[Count]


class TableNote(Record):
    column: Slug | None = None  # a cohort id; None for the table (or study) as a whole
    row: Title | None = None
    note: Text


class CountTable(Record):
    id: Slug
    title: Title
    rows: NonEmpty[CountRow]
    notes: list[TableNote] = []
    source: Source


class ParticipationStudy(Record):
    """The follow-up study on taking part: its method and its tables per institution."""

    id: Slug
    title: Title
    summary: Text
    respondents: Annotated[int, Field(ge=0, description="Aantal studenten zoals genoemd in de methode.")]
    international_respondents: Annotated[int, Field(ge=0)]
    cohorts: NonEmpty[Cohort]
    tables: NonEmpty[CountTable]
    notes: list[TableNote] = []
    sections: list[Section] = []
    terms: list[Slug] = []
    sources: Sources

    @model_validator(mode="after")
    def _cells_match_columns(self) -> ParticipationStudy:
        ids = [c.id for c in self.cohorts]
        _unique(ids, "kolom")
        for table in self.tables:
            for row in table.rows:
                if len(row.cells) != len(ids):
                    raise ValueError(
                        f"tabel '{table.id}', rij '{row.label}': {len(row.cells)} cellen, maar {len(ids)} kolommen"
                    )
            for note in table.notes:
                if note.column is not None and note.column not in ids:
                    raise ValueError(f"tabel '{table.id}': noot bij onbekende kolom '{note.column}'")
        return self


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
    recommendations: NonEmpty[Text]
    related: Annotated[
        list[Slug], Ref("element", symmetric=True, self_message="een element kan niet aan zichzelf verwant zijn")
    ] = []
    sources: Sources

    _unique_related = field_validator("related")(lambda v: _unique(v, "element"))


class Submission(Record):
    """Where a practice example comes from: the institution that submitted it, not a report."""

    institution: Annotated[Title, Field(description="De instelling die het praktijkvoorbeeld heeft ingediend.")]
    team: Annotated[Title | None, Field(description="Optioneel: de afdeling of het team binnen de instelling.")] = None
    date: Annotated[Date, Field(description="Datum van indienen (JJJJ-MM-DD).")]
    contact: Annotated[
        Title | None,
        Field(description="Contact bij de instelling: een functie of een algemeen e-mailadres, geen privé-adres."),
    ] = None
    url: Annotated[Url | None, Field(description="Webpagina van de instelling over deze aanpak.")] = None

    @model_validator(mode="after")
    def _reachable(self) -> Submission:
        if self.contact is None and self.url is None:
            raise ValueError("een praktijkvoorbeeld noemt een 'contact' of een 'url' (of allebei)")
        return self


class Intervention(Record):
    # `_one_provenance` as JSON Schema, so editors see it while typing (and the form checks it).
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["sources"], "properties": {"sources": {"minItems": 1}}},
                {"required": ["submitted"], "properties": {"submitted": {"type": "object"}}},
            ],
            "if": {"required": ["submitted"], "properties": {"submitted": {"type": "object"}}},
            "then": {"properties": {"numbers": {"maxItems": 0}}},
            # The Dutch messages of `_one_provenance`, for the contribution form's checks.
            "x-messages": {
                "anyOf": "noem in 'sources' het rapport waar de aanpak in staat; of, voor een praktijkvoorbeeld van een instelling, vul 'submitted' in",
                "then": "een praktijkvoorbeeld staat niet in bijlage 7 van het rapport; laat 'numbers' leeg",
            },
        }
    )

    id: Annotated[
        Slug,
        Field(
            description="Unieke naam voor het webadres: kleine letters, cijfers en streepjes, bijvoorbeeld 'koffie-uurtje-met-de-mentor'."
        ),
    ]
    title: Annotated[Title, Field(description="De naam van de aanpak, op één regel.")]
    numbers: Annotated[
        list[Annotated[int, Field(ge=1, le=58), NUMBER]],
        Unique("rij {value} van bijlage 7 hoort al bij aanpak '{other}'"),
        Field(description="De rijnummers in bijlage 7 van het NRO-rapport; leeg als de aanpak daar niet in staat."),
    ] = []
    parent: Annotated[
        Slug | None,
        Ref("intervention", reverse="children", self_message="een aanpak kan niet onder zichzelf vallen"),
        Field(description="Optioneel: de hoofdaanpak, als dit een voorbeeld ervan is."),
    ] = None
    elements: Annotated[
        list[Slug],
        Field(
            min_length=1, description="De werkzame elementen waar de aanpak bij hoort; het eerste is het belangrijkste."
        ),
        Ref("element", reverse="interventions"),
    ]
    sectors: Annotated[
        list[Sector], Field(min_length=1, description="Voor welke onderwijssectoren: MBO, HBO en/of WO.")
    ]
    description: Annotated[
        Markdown,
        Field(
            description="De beschrijving, volledig en neutraal, in de woorden van de bron; geen namen of andere persoonsgegevens van studenten. Markdown mag; HTML niet."
        ),
    ]
    case: Annotated[
        Slug | None,
        Ref("case", reverse="interventions"),
        Field(description="Optioneel: de casus die deze aanpak uitwerkt."),
    ] = None
    examples: Annotated[
        list[Slug],
        Field(description="Andere aanpakken die bijlage 7 als voorbeeld van deze aanpak noemt."),
        Ref("intervention", self_message="een aanpak kan niet haar eigen voorbeeld zijn"),
    ] = []
    editorial_note: Annotated[
        Markdown | None, Field(description="Zichtbare noot waar de toolbox afwijkt van de indeling van de bron.")
    ] = None
    submitted: Annotated[
        Submission | None,
        Field(
            description="Alleen voor een praktijkvoorbeeld van een instelling (niet uit een rapport): wie het indiende, wanneer, en hoe je de instelling bereikt."
        ),
    ] = None
    sources: Annotated[
        list[Source],
        Field(description="Het rapport waarin de aanpak staat; een praktijkvoorbeeld (met 'submitted') mag zonder."),
    ] = []

    @property
    def is_practice_example(self) -> bool:
        return self.submitted is not None

    @model_validator(mode="after")
    def _one_provenance(self) -> Intervention:
        if self.submitted is None and not self.sources:
            raise PydanticCustomError(
                "provenance",
                "noem in 'sources' het rapport waar de aanpak in staat; of, voor een praktijkvoorbeeld van een instelling, vul 'submitted' in",
            )
        if self.submitted is not None and self.numbers:
            raise PydanticCustomError(
                "provenance", "een praktijkvoorbeeld staat niet in bijlage 7 van het rapport; laat 'numbers' leeg"
            )
        return self

    _unique_numbers = field_validator("numbers")(lambda v: _unique(v, "nummer"))
    _unique_elements = field_validator("elements")(lambda v: _unique(v, "element"))
    _unique_sectors = field_validator("sectors")(lambda v: _unique(v, "sector"))


class CasePart(Record):
    title: Title
    text: Markdown
    source: Source


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
    additions: Annotated[
        list[CasePart], Field(description="Tekst over dezelfde aanpak uit een ander document, apart getoond.")
    ] = []
    editorial_note: Markdown | None = None
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
    explanation: Annotated[Markdown | None, Field(description="De toelichting uit het verdiepingsdocument.")] = None
    note: Markdown | None = None
    tips: NonEmpty[Tip]
    stakeholders: list[Title] = []
    horizon: list[Horizon] = []
    sources: Sources


class Cluster(Record):
    id: Slug
    title: Title
    intro: Markdown | None = None
    items: NonEmpty[RoadmapItem]


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
    stakeholders: NonEmpty[Title]
    clusters: NonEmpty[Cluster]
    background: Annotated[
        list[Section], Field(description="Hoofdstukken 1-5: wat studentsucces is, perspectieven, fasen, model.")
    ] = []
    sources: Sources


class ResponseTips(Record):
    category: TipCategory
    title: Title
    tips: NonEmpty[Text]


class TimelineEntry(Record):
    activity: Title
    when: Annotated[Title, Field(description="Wanneer, in de woorden van de bron ('eind mei 2026').")]
    group: Title | None = None
    start: Annotated[Date | None, Field(description="Alleen waar de bron een dag noemt.")] = None
    end: Date | None = None
    note: Text | None = None
    editor_note: Annotated[Text | None, Field(description="Voor redacteuren; niet op de site.")] = None

    @model_validator(mode="after")
    def _in_order(self) -> TimelineEntry:
        if self.end is not None and (self.start is None or self.end < self.start):
            raise ValueError("'end' vraagt een 'start' die ervoor ligt")
        return self


class SendGroup(Record):
    group: Title
    dates: NonEmpty[Date]


class SendSchedule(Record):
    title: Title
    moments: NonEmpty[Title]
    groups: NonEmpty[SendGroup]
    source: Source

    @model_validator(mode="after")
    def _one_date_per_moment(self) -> SendSchedule:
        for g in self.groups:
            if len(g.dates) != len(self.moments):
                raise ValueError(f"groep {g.group}: {len(g.dates)} datums voor {len(self.moments)} momenten")
        return self


class RolePoints(Record):
    role: Title
    points: NonEmpty[Text]


class ResultChannel(Record):
    title: Title
    points: NonEmpty[Text]
    links: list[Link] = []


class FeedbackAction(Record):
    feedback: Text
    action: Text


class Communication(Record):
    id: Slug
    title: Title
    intro: Markdown
    rule: Text
    neutral_examples: NonEmpty[Text]
    steering_intro: Text
    steering_examples: NonEmpty[Text]
    doubt: Markdown | None = None
    response_tips: list[ResponseTips] = []
    facts: list[Text] = []
    timeline: list[TimelineEntry] = []
    send_schedule: SendSchedule | None = None
    roles_intro: Text | None = None
    roles: list[RolePoints] = []
    results_note: Text | None = None
    result_channels: list[ResultChannel] = []
    own_actions: Annotated[list[Text], Field(description="'Wat kun je zelf doen?' voor NSE-contactpersonen.")] = []
    material_update: Markdown | None = None
    feedback_actions: list[FeedbackAction] = []
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
    suggestions: NonEmpty[Text]  # verbatim Communication.neutral_examples
    patterns: Annotated[list[Annotated[str, AfterValidator(_portable_pattern)]], Field(min_length=1)]


class NseRules(Record):
    id: Slug
    title: Title
    disclaimer: Text
    rules: NonEmpty[NseRule]


class Conclusion(Record):
    """A conclusion with its recommendations, twice in the report's own words."""

    number: Annotated[int, Field(ge=1), NUMBER]
    title: Title
    paragraph: Annotated[Title, Field(description="Paragraaf van hoofdstuk 4, bijvoorbeeld '4.1'.")]
    summary: Annotated[Markdown, Field(description="Het genummerde punt uit de samenvatting.")]
    text: Annotated[Markdown, Field(description="De paragraaf uit hoofdstuk 4.")]
    sources: Sources


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
    outro: Markdown | None = None
    introduction: list[Section] = []
    method: list[Section] = []
    results: list[Section] = []
    conclusion_intro: Markdown | None = None
    limitations: Section | None = None
    boxes: list[PracticeBox] = []
    inventory: list[InventoryCategory] = []
    participants: list[Title] = []
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
    funder: Annotated[
        Title | None, Field(description="Wie het onderzoek financierde (niet de uitgever of de auteur).")
    ] = None


SearchWord = Annotated[
    str,
    StringConstraints(pattern=r"^[^\s<>]+( [^\s<>]+)*$", max_length=80),
    Field(
        description="Een woord (of een paar woorden) zoals het in de inhoud staat, bijvoorbeeld 'studieloopbaanbegeleiding'."
    ),
]


class SearchTerm(Record):
    """What visitors type (an abbreviation, an everyday word) and the content's words it stands for."""

    term: Annotated[SearchWord, Field(description="Wat bezoekers typen, bijvoorbeeld 'SLB' of 'uitval'.")]
    words: Annotated[
        list[SearchWord],
        Field(min_length=1, description="De woorden uit de inhoud waarop de zoekfunctie dan ook zoekt."),
    ]


class SearchTerms(Record):
    """The site search's synonyms and abbreviations (content/zoekwoorden.yaml, issue 18)."""

    id: Slug
    terms: Annotated[list[SearchTerm], Field(min_length=1)]

    @field_validator("terms")
    @classmethod
    def _unique_terms(cls, terms: list[SearchTerm]) -> list[SearchTerm]:
        _unique([t.term.lower() for t in terms], "zoekwoord")
        return terms
