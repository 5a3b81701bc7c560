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
    """Many records in one file, as the list under `key` (`content/interventions.yaml`)."""

    path: str
    key: str

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
    single: bool = False  # the catalog holds at most one record of this type (`cat.roadmap`)
    page: Page | None = None
    schema: Schema | None = None
    required: bool = True  # the file (or, for a folder, at least one file) must exist
    sort: Callable[[Any], Any] | None = None  # order in the catalog (default: as read)
    checks: tuple[Check, ...] = ()  # rules beyond the model and its references
    # Computed facts added to a record's relations in toolbox.json (not references).
    derived: Callable[[Any, Any], dict[str, list[str]]] | None = None
    scaffold: bool = False  # `toolbox new <name>` writes a skeleton for it

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


def _themes_and_rings(cat: Any, iv: m.Intervention) -> dict[str, list[str]]:
    return {"themes": list(cat.themes_of(iv)), "rings": list(cat.rings_of(iv))}


# fmt: off
# name, Dutch label, model, where its files are, collection (`cat.<collection>`), then the rest by name.
TYPES: tuple[RecordType, ...] = (
    RecordType("document", "brondocument", m.SourceDocument, ListFile("content/bronnen.yaml", "documents"),
               "documents", plural="brondocumenten", schema=Schema("sources.schema.json", "Brondocumenten")),
    RecordType("element", "element", m.Element,
               Folder("content/elements", name=lambda r: f"{r['number']:02d}-{r['id']}.yaml", shown="NN-<id>.yaml"),
               "elements", plural="elementen", page=Page("element.md.j2", "el", folder="elementen"),
               schema=Schema("element.schema.json", "Werkzaam element"), sort=lambda el: el.number, scaffold=True),
    RecordType("intervention", "aanpak", m.Intervention, ListFile("content/interventions.yaml", "interventions"),
               "interventions", plural="aanpakken", page=Page("intervention.md.j2", "iv", folder="aanpakken"),
               schema=Schema("interventions.schema.json", "Aanpakken"),
               checks=(_parent_is_a_main_intervention,), derived=_themes_and_rings, scaffold=True),
    RecordType("case", "casus", m.Case, Folder("content/cases"), "cases", plural="casussen",
               page=Page("case.md.j2", "case", folder="casussen"), schema=Schema("case.schema.json", "Casus"),
               required=False, scaffold=True),
    RecordType("topic", "thema", m.Topic, SingleFile("content/online-onderwijs.yaml"), "topics", plural="thema's",
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
    # New record types go here (docs/extending.md).
)
# fmt: on

BY_NAME: dict[str, RecordType] = {t.name: t for t in TYPES}
BY_COLLECTION: dict[str, RecordType] = {t.collection: t for t in TYPES}


@dataclass(frozen=True)
class RefField:
    """A field, somewhere inside a model, that refers to other records."""

    path: tuple[str, ...]  # field names from the record down to the field (lists are walked)
    ref: m.Ref


def ref_fields(model: type[BaseModel]) -> list[RefField]:
    """Every `Ref`-annotated field of `model` and of the models nested in it."""
    return _ref_fields(model)


@cache
def _ref_fields(model: type[BaseModel]) -> list[RefField]:
    found: list[RefField] = []
    for name, info in model.model_fields.items():
        refs = [x for x in info.metadata if isinstance(x, m.Ref)]
        if refs:
            found.append(RefField((name,), refs[0]))
        for nested in _nested_models(info.annotation):
            found.extend(RefField((name, *f.path), f.ref) for f in _ref_fields(nested))
    return found


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


def values_at(
    data: Any, path: tuple[str, ...], loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(location, value) of every value at `path` in a record's model, walking lists; None skipped."""
    if data is None:
        return
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from values_at(item, path, loc + (i,))
        return
    if not path:
        yield loc, data
        return
    yield from values_at(getattr(data, path[0], None), path[1:], loc + (path[0],))


def reverse_relations() -> dict[str, list[tuple[RecordType, RefField]]]:
    """For each target type: the (source type, field) pairs whose references it receives."""
    out: dict[str, list[tuple[RecordType, RefField]]] = {}
    for rt in TYPES:
        for f in ref_fields(rt.model):
            if f.ref.reverse or f.ref.symmetric:
                out.setdefault(f.ref.target, []).append((rt, f))
    return out
