"""The record types: each declared once, with its model, where its files live and its page.

Everything that depends on the kinds of records is derived from `TYPES`: loading and reference
checks (`catalog`), reverse relations (from the `Ref` annotations on the models' fields), open
data (`export`), JSON Schema (`schema`), record pages and addresses (`sitemap`, `render`) and
`toolbox new` (`scaffold`). Adding a record type means a model in `models.py`, an entry here, a
page template and its content file; see docs/extending.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, create_model

from toolbox import models as m

# A record type's extra rule: (catalog, record, report) where report(loc, message) adds a problem
# at `loc` inside the record (the message gets the record's label in front).
Report = Callable[[tuple[str | int, ...], str], None]
Check = Callable[[Any, Any, Report], None]


@dataclass(frozen=True)
class Folder:
    """One record per file in `path` (`content/cases/<id>.yaml`)."""

    path: str
    # The file name of a new record (for `toolbox new`), and that name as editors read it.
    name: Callable[[Any], str] = lambda record: f"{record['id']}.yaml"
    shown: str = "<id>.yaml"

    def pattern(self) -> str:
        return f"{self.path}/*.yaml"


@dataclass(frozen=True)
class ListFile:
    """Many records in one file, as the list under `key` (`content/interventions.yaml`).

    `more` is a folder of further files of the same shape (`key:` and a list), one per proposal:
    the contribution form (/bijdragen/) proposes a new record as a new file there, so a pull
    request adds a file instead of editing the long list."""

    path: str
    key: str
    more: str | None = None

    def pattern(self) -> str:
        return self.path


@dataclass(frozen=True)
class SingleFile:
    """One record in one file (`content/roadmap.yaml`)."""

    path: str

    def pattern(self) -> str:
        return self.path


Store = Folder | ListFile | SingleFile


@dataclass(frozen=True)
class Page:
    """The page each record gets: `folder/<id>.md` (or `uri` for a one-record type), from `template`,
    which sees the record as `record` and as `var`."""

    template: str
    var: str
    folder: str | None = None
    uri: str | None = None


@dataclass(frozen=True)
class Schema:
    """The JSON Schema editors get: its file in schemas/ (the YAML files name it on their first
    line) and its Dutch title."""

    file: str
    title: str


@dataclass(frozen=True)
class RecordType:
    name: str  # in code and in references (`Ref("element")`)
    label: str  # Dutch, in messages: "aanpak 'x': ..."
    model: type[m.Record]
    store: Store
    collection: str  # `cat.<collection>` and the key in toolbox.json
    plural: str = ""  # Dutch, for counts ("16 elementen")
    article: str = "de"  # Dutch article of the label: "onbekende aanpak" but "onbekend element"
    single: bool = False  # the catalog holds at most one record of this type (`cat.roadmap`)
    page: Page | None = None
    schema: Schema | None = None
    required: bool = True  # the file (or, for a folder, at least one file) must exist
    sort: Callable[[Any], Any] | None = None  # order in the catalog (default: as read)
    checks: tuple[Check, ...] = ()  # rules beyond the model and its references
    # Computed facts added to a record's relations in toolbox.json (not references).
    derived: Callable[[Any, Any], dict[str, list[str]]] | None = None
    scaffold: bool = False  # `toolbox new <name>` writes a skeleton for it
    edit_field: str | None = None  # where the page's edit link opens: this field's line (default: the id's)

    @property
    def unknown(self) -> str:
        """Dutch for 'unknown <label>', with the adjective the label's article asks for."""
        return f"onbekend {self.label}" if self.article == "het" else f"onbekende {self.label}"

    @property
    def file_model(self) -> type[BaseModel]:
        """The model of a whole file: the record itself, or `{key: [records]}` for a list file."""
        return _file_model(self)


@cache
def _file_model(rt: RecordType) -> type[BaseModel]:
    if not isinstance(rt.store, ListFile):
        return rt.model
    fields: Any = {rt.store.key: (list[rt.model], ...)}  # type: ignore[name-defined]
    return create_model(f"{rt.model.__name__}File", __base__=m.Record, **fields)


# --- rules that the field annotations cannot express ---------------------------------------------


def _parent_is_a_main_intervention(cat: Any, iv: m.Intervention, report: Report) -> None:
    """The `parent` of an intervention is a main intervention, not itself an example."""
    parent = cat.interventions.get(iv.parent) if iv.parent else None
    if parent is not None and parent.parent is not None:
        report(("parent",), f"parent: '{iv.parent}' is zelf al een voorbeeld; kies de hoofdaanpak")


def _stakeholders_are_canonical(cat: Any, rm: m.Roadmap, report: Report) -> None:
    """Every stakeholder of a roadmap item is spelled as in the roadmap's `stakeholders` list."""
    from toolbox.messages import suggest

    canonical = list(rm.stakeholders)
    for ci, cluster in enumerate(rm.clusters):
        for ii, item in enumerate(cluster.items):
            for si, s in enumerate(item.stakeholders):
                if s not in canonical:
                    report(
                        ("clusters", ci, "items", ii, "stakeholders", si),
                        f"roadmap '{item.id}': stakeholders: onbekend betrokkene (niet in de lijst 'stakeholders') "
                        f"'{s}'{suggest(s, canonical)}",
                    )


def _nse_rules_quote_the_guidelines(cat: Any, rules: m.NseRules, report: Report) -> None:
    """Each NSE rule quotes a steering example and neutral examples of the guidelines verbatim."""
    from toolbox.nse_check import rule_problems

    for loc, message in rule_problems(rules, cat.communication):
        report(loc, message)


def _terms_are_in_the_glossary(cat: Any, record: Any, report: Report) -> None:
    """The glossary terms a page names exist in the glossary (content/begrippen.yaml)."""
    from toolbox.messages import suggest

    terms = [t.id for t in cat.glossary.terms] if cat.glossary else []
    if cat.glossary is None and cat.records.get("glossary") is not None:
        return  # the glossary itself is broken: its own errors are reported
    for i, term in enumerate(record.terms):
        if term not in terms:
            report(("terms", i), f"{record.id}: terms: onbekend begrip '{term}'{suggest(term, terms)}")


def _search_words_occur(cat: Any, st: m.SearchTerms, report: Report) -> None:
    """Each synonym's words occur in the content, so the list cannot silently rot."""
    from toolbox.messages import suggest
    from toolbox.search_words import content_words, fold

    texts = [text for rt, record in cat.all_records() if rt.name != "search_terms" for text in _strings(record)]
    known = content_words(texts)
    for ti, term in enumerate(st.terms):
        for wi, word in enumerate(term.words):
            missing = [w for w in fold(word).split() if w not in known]
            if missing:
                report(
                    ("terms", ti, "words", wi),
                    f"zoekwoord '{term.term}': '{missing[0]}' komt nergens in de inhoud voor; een zoekwoord "
                    f"moet naar woorden van de site wijzen{suggest(missing[0], sorted(known))}",
                )


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, BaseModel):
        return [s for name in type(value).model_fields for s in _strings(getattr(value, name))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def _themes_and_rings(cat: Any, iv: m.Intervention) -> dict[str, list[str]]:
    return {"themes": list(cat.themes_of(iv)), "rings": list(cat.rings_of(iv))}


# fmt: off
# name, Dutch label, model, where its files are, collection (`cat.<collection>`), then the rest by name.
TYPES: tuple[RecordType, ...] = (
    RecordType("document", "brondocument", m.SourceDocument, ListFile("content/bronnen.yaml", "documents"),
               "documents", plural="brondocumenten", article="het", schema=Schema("sources.schema.json", "Brondocumenten")),
    RecordType("element", "element", m.Element,
               Folder("content/elements", name=lambda r: f"{r['number']:02d}-{r['id']}.yaml", shown="NN-<id>.yaml"),
               "elements", plural="elementen", article="het", page=Page("element.md.j2", "el", folder="elementen"), edit_field="summary",
               schema=Schema("element.schema.json", "Werkzaam element"), sort=lambda el: el.number, scaffold=True),
    RecordType("intervention", "aanpak", m.Intervention, ListFile("content/interventions.yaml", "interventions", more="content/interventions"),
               "interventions", plural="aanpakken", page=Page("intervention.md.j2", "iv", folder="aanpakken"),
               schema=Schema("interventions.schema.json", "Aanpakken"),
               checks=(_parent_is_a_main_intervention,), derived=_themes_and_rings, scaffold=True, edit_field="description"),
    RecordType("case", "casus", m.Case, Folder("content/cases"), "cases", plural="casussen",
               page=Page("case.md.j2", "case", folder="casussen"), schema=Schema("case.schema.json", "Casus"),
               required=False, scaffold=True, edit_field="description"),
    RecordType("topic", "thema", m.Topic, SingleFile("content/online-onderwijs.yaml"), "topics", plural="thema's", article="het",
               page=Page("topic.md.j2", "topic", folder=""), schema=Schema("topic.schema.json", "Thema")),
    RecordType("roadmap", "roadmap", m.Roadmap, SingleFile("content/roadmap.yaml"), "roadmap", single=True,
               page=Page("roadmap.md.j2", "rm", uri="roadmap.md"), schema=Schema("roadmap.schema.json", "Roadmap"),
               checks=(_stakeholders_are_canonical,)),
    RecordType("communication", "communicatie", m.Communication, SingleFile("content/communicatie.yaml"),
               "communication", single=True, page=Page("communication.md.j2", "com", uri="communicatie.md"),
               schema=Schema("communication.schema.json", "Communicatierichtlijnen")),
    RecordType("practice", "praktijk", m.Practice, SingleFile("content/hbo-praktijk.yaml"), "practice", single=True,
               page=Page("practice.md.j2", "pr", uri="hbo-praktijk.md"), schema=Schema("practice.schema.json", "Praktijk hbo")),
    RecordType("nse_rules", "nse-regels", m.NseRules, SingleFile("content/nse-regels.yaml"), "nse_rules", single=True,
               schema=Schema("nse-rules.schema.json", "NSE-berichtencheck"), checks=(_nse_rules_quote_the_guidelines,)),
    # The report's explanatory pages, its glossary and participation study, the NSE contacts' page (issue 13).
    RecordType("page", "pagina", m.TextPage, Folder("content/onderzoek"), "pages", plural="onderzoekspagina's",
               page=Page("text-page.md.j2", "tp", folder="onderzoek"), schema=Schema("textpage.schema.json", "Tekstpagina"),
               checks=(_terms_are_in_the_glossary,)),
    RecordType("glossary", "begrippen", m.Glossary, SingleFile("content/begrippen.yaml"), "glossary", single=True,
               page=Page("glossary.md.j2", "gl", uri="begrippen.md"), schema=Schema("glossary.schema.json", "Begrippen")),
    RecordType("participation", "deelname", m.ParticipationStudy, SingleFile("content/deelname.yaml"), "participation",
               single=True, page=Page("participation.md.j2", "st", uri="onderzoek/deelname.md"),
               schema=Schema("participation.schema.json", "Deelname-onderzoek"), checks=(_terms_are_in_the_glossary,)),
    RecordType("coordinators", "coordinatoren", m.TextPage, SingleFile("content/nse-coordinatoren.yaml"), "coordinators",
               single=True, page=Page("text-page.md.j2", "tp", uri="communicatie/coordinatoren.md"),
               checks=(_terms_are_in_the_glossary,)),
    # The site search's synonyms and abbreviations (issue 18); read by toolbox/search_words.py.
    RecordType("search_terms", "zoekwoorden", m.SearchTerms, SingleFile("content/zoekwoorden.yaml"), "search_terms",
               single=True, required=False, schema=Schema("zoekwoorden.schema.json", "Zoekwoorden"),
               checks=(_search_words_occur,)),
    # New record types go here (docs/extending.md).
)
# fmt: on

BY_NAME: dict[str, RecordType] = {t.name: t for t in TYPES}
BY_COLLECTION: dict[str, RecordType] = {t.collection: t for t in TYPES}


@dataclass(frozen=True)
class RefField:
    """A field, in a record's model or in a model nested in it, that refers to other records."""

    model: type[BaseModel]
    name: str
    ref: m.Ref


def ref_fields(model: type[BaseModel]) -> list[RefField]:
    """Every `Ref`-annotated field of `model` and of the models nested in it (each model once,
    so recursive models such as sections within sections are fine)."""
    return _ref_fields(model)


@cache
def _ref_fields(model: type[BaseModel]) -> list[RefField]:
    found: list[RefField] = []
    todo, seen = [model], {model}
    while todo:
        current = todo.pop(0)
        for name, info in current.model_fields.items():
            refs = [x for x in info.metadata if isinstance(x, m.Ref)]
            if refs:
                found.append(RefField(current, name, refs[0]))
            for nested in _nested_models(info.annotation):
                if nested not in seen:
                    seen.add(nested)
                    todo.append(nested)
    return found


Loc = tuple[str | int, ...]


def refs_in(record: BaseModel) -> Iterator[tuple[Loc, m.Ref, Any]]:
    """(location in the record, the reference, the id) of every reference a record holds."""
    yield from _refs_in(record, ())


def _refs_in(value: Any, loc: Loc) -> Iterator[tuple[Loc, m.Ref, Any]]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from _refs_in(item, loc + (i,))
        return
    if not isinstance(value, BaseModel):
        return
    for name, info in type(value).model_fields.items():
        item = getattr(value, name)
        ref = next((x for x in info.metadata if isinstance(x, m.Ref)), None)
        if ref is None:
            if isinstance(item, BaseModel | list):
                yield from _refs_in(item, loc + (name,))
        elif isinstance(item, list):
            for i, ident in enumerate(item):
                yield loc + (name, i), ref, ident
        elif item is not None:
            yield loc + (name,), ref, item


def raw_refs(model: type[BaseModel], data: Any) -> Iterator[tuple[Loc, m.Ref, str]]:
    """The references in the raw data of a record that failed its model, so a mistyped id is
    reported in the same run as the record's other errors (only ids that are text are checked)."""
    yield from _raw_refs(model, data, ())


def _raw_refs(model: type[BaseModel], data: Any, loc: Loc) -> Iterator[tuple[Loc, m.Ref, str]]:
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        if name not in data:
            continue
        value = data[name]
        ref = next((x for x in info.metadata if isinstance(x, m.Ref)), None)
        if ref is not None:
            items = enumerate(value) if isinstance(value, list) else [(None, value)]
            for i, ident in items:
                if isinstance(ident, str):
                    yield (loc + (name,) if i is None else loc + (name, i)), ref, ident
            continue
        nested = next(_nested_models(info.annotation), None)
        if nested is not None:
            for i, item in enumerate(value) if isinstance(value, list) else [(None, value)]:
                yield from _raw_refs(nested, item, loc + (name,) if i is None else loc + (name, i))


def unique_fields(model: type[BaseModel]) -> list[tuple[str, m.Unique]]:
    return [(n, u) for n, info in model.model_fields.items() for u in info.metadata if isinstance(u, m.Unique)]


def _nested_models(annotation: Any) -> Iterator[type[BaseModel]]:
    stack, seen = [annotation], set()
    while stack:
        t = stack.pop()
        if isinstance(t, type) and issubclass(t, BaseModel):
            if t not in seen:
                seen.add(t)
                yield t
            continue
        stack.extend(getattr(t, "__args__", ()) or ())
        origin = getattr(t, "__origin__", None)
        if origin is not None and hasattr(t, "__metadata__"):
            stack.append(origin)
