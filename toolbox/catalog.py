"""All records of a repository, every reference resolved and reverse relations computed.

`load_catalog(root)` is the one way in: it reads the files, validates each record against its
model and then checks the references between records, collecting every problem before it
raises, so editors see all of them at once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from toolbox import models as m
from toolbox.errors import suggest, translate
from toolbox.load import Document, Loc, read_yaml
from toolbox.nse_check import nse_rule_problems
from toolbox.problems import ContentError, Problem

ELEMENTS_DIR = "content/elements"
CASES_DIR = "content/cases"
INTERVENTIONS_FILE = "content/interventions.yaml"
DOCUMENTS_FILE = "content/bronnen.yaml"
ROADMAP_FILE = "content/roadmap.yaml"
COMMUNICATION_FILE = "content/communicatie.yaml"
TOPIC_FILE = "content/online-onderwijs.yaml"
PRACTICE_FILE = "content/hbo-praktijk.yaml"
NSE_RULES_FILE = "content/nse-regels.yaml"
SINGLE_FILES = (DOCUMENTS_FILE, ROADMAP_FILE, COMMUNICATION_FILE, TOPIC_FILE, PRACTICE_FILE, NSE_RULES_FILE)

# Page addresses the renderer uses for overview and list pages; a record with such an id would
# overwrite one of them.
RESERVED_IDS = frozenset(
    {"alle", "index", "sector-mbo", "sector-hbo", "sector-wo", "zoeken", "actieplan", "zelfscan", "data", "over"}
    | {"communicatie", "elementen", "aanpakken", "casussen"}
)
PAGE_ID = re.compile(r"^pagina-[0-9]+$")

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class Origin:
    """Where a record is written, for error messages and edit links."""

    path: str
    line: int


@dataclass
class Catalog:
    root: Path
    documents: dict[str, m.Document] = field(default_factory=dict)
    elements: dict[str, m.Element] = field(default_factory=dict)
    interventions: dict[str, m.Intervention] = field(default_factory=dict)
    cases: dict[str, m.Case] = field(default_factory=dict)
    topics: dict[str, m.Topic] = field(default_factory=dict)
    roadmap: m.Roadmap | None = None
    communication: m.Communication | None = None
    practice: m.Practice | None = None
    nse_rules: m.NseRules | None = None
    origins: dict[str, Origin] = field(default_factory=dict)
    # Reverse relations, computed by `_link`; never typed by editors.
    element_interventions: dict[str, list[str]] = field(default_factory=dict)
    element_cases: dict[str, list[str]] = field(default_factory=dict)
    element_topics: dict[str, list[str]] = field(default_factory=dict)
    element_related: dict[str, list[str]] = field(default_factory=dict)
    case_interventions: dict[str, list[str]] = field(default_factory=dict)
    case_topics: dict[str, list[str]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)

    def themes_of(self, intervention: m.Intervention) -> list[m.Theme]:
        return sorted({self.elements[e].theme for e in intervention.elements}, key=list(m.THEMES).index)

    def rings_of(self, intervention: m.Intervention) -> list[m.Ring]:
        return sorted({self.elements[e].ring for e in intervention.elements}, key=list(m.RINGS).index)


def source_files(root: Path) -> list[Path]:
    """Every YAML file the catalog reads (for caching and for `mkdocs serve` to watch)."""
    files = [root / INTERVENTIONS_FILE, *(root / p for p in SINGLE_FILES)]
    for folder in (ELEMENTS_DIR, CASES_DIR):
        if (root / folder).is_dir():
            files.extend(sorted((root / folder).glob("*.yaml")))
    return [f for f in files if f.is_file()]


class _Collector:
    """Parses files and validates records, keeping every problem."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        # Ids of records that failed validation: references to them are not reported again,
        # so one broken record does not bury the editor in follow-up errors.
        self.broken: set[str] = set()

    def read(self, rel: str, required: bool = True) -> Document | None:
        path = self.root / rel
        if not path.is_file():
            if required:
                self.problems.append(Problem(rel, 1, 1, "bestand ontbreekt"))
            return None
        doc, problems = read_yaml(path, rel)
        self.problems.extend(problems)
        return doc

    def model(self, doc: Document, model: type[R], loc: Loc = (), label: str = "") -> R | None:
        data: Any = doc.data
        for part in loc:
            data = data[part]
        if not isinstance(data, dict):
            self.problems.append(
                doc.problem(loc, f"{label + ': ' if label else ''}verwacht een groep velden (veld: waarde)")
            )
            return None
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            self.problems.extend(translate(exc, doc, model, loc, label))
            if isinstance(data.get("id"), str):
                self.broken.add(data["id"])
            return None


def _label(kind: str, data: Any) -> str:
    ident = data.get("id") if isinstance(data, dict) else None
    return f"{kind} '{ident}'" if isinstance(ident, str) else kind


def load_catalog(root: Path | str) -> Catalog:
    """Load and check every record under `root`; raise ContentError listing all problems."""
    root = Path(root)
    c = _Collector(root)
    cat = Catalog(root=root)
    docs: dict[str, tuple[Document, Loc]] = {}  # record id -> where it was written

    def register(record: Any, doc: Document, loc: Loc, kind: str) -> None:
        if record.id in RESERVED_IDS or PAGE_ID.match(record.id):
            c.problems.append(
                doc.problem(
                    loc + ("id",),
                    f"{kind}: id '{record.id}' is gereserveerd voor een overzichtspagina; kies een andere id",
                )
            )
            return
        if record.id in docs:
            first = cat.origins[record.id]
            c.problems.append(
                doc.problem(loc + ("id",), f"{kind}: id '{record.id}' is al in gebruik (in {first.path}:{first.line})")
            )
            return
        docs[record.id] = (doc, loc)
        cat.origins[record.id] = Origin(doc.path, doc.locate(loc)[0])

    if (doc := c.read(DOCUMENTS_FILE)) and (file := c.model(doc, m.DocumentFile)):
        for i, d in enumerate(file.documents):
            if d.id in cat.documents:
                c.problems.append(doc.problem(("documents", i, "id"), f"document-id '{d.id}' staat dubbel"))
            cat.documents[d.id] = d

    element_files = sorted((root / ELEMENTS_DIR).glob("*.yaml")) if (root / ELEMENTS_DIR).is_dir() else []
    if not element_files:
        c.problems.append(Problem(ELEMENTS_DIR, 1, 1, "map met werkzame elementen ontbreekt of is leeg"))
    for path in element_files:
        rel = f"{ELEMENTS_DIR}/{path.name}"
        if (doc := c.read(rel)) and (el := c.model(doc, m.Element, label=_label("element", doc.data))):
            register(el, doc, (), "element")
            cat.elements.setdefault(el.id, el)

    if doc := c.read(INTERVENTIONS_FILE):
        data = doc.data
        if not isinstance(data, dict) or not isinstance(data.get("interventions"), list):
            c.problems.append(doc.problem((), "verwacht een veld 'interventions' met een lijst van aanpakken"))
        else:
            extra = [k for k in data if k != "interventions"]
            for k in extra:
                c.problems.append(doc.problem((k,), f"onbekend veld '{k}'", key=True))
            for i, item in enumerate(data["interventions"]):
                loc: Loc = ("interventions", i)
                if iv := c.model(doc, m.Intervention, loc, _label("aanpak", item)):
                    register(iv, doc, loc, "aanpak")
                    cat.interventions.setdefault(iv.id, iv)

    case_files = sorted((root / CASES_DIR).glob("*.yaml")) if (root / CASES_DIR).is_dir() else []
    for path in case_files:
        rel = f"{CASES_DIR}/{path.name}"
        if (doc := c.read(rel)) and (case := c.model(doc, m.Case, label=_label("casus", doc.data))):
            register(case, doc, (), "casus")
            cat.cases.setdefault(case.id, case)

    singles: list[tuple[str, type[m.Topic | m.Roadmap | m.Communication | m.Practice | m.NseRules], str, str]] = [
        (TOPIC_FILE, m.Topic, "topics", "thema"),
        (ROADMAP_FILE, m.Roadmap, "roadmap", "roadmap"),
        (COMMUNICATION_FILE, m.Communication, "communication", "communicatie"),
        (PRACTICE_FILE, m.Practice, "practice", "praktijk"),
        (NSE_RULES_FILE, m.NseRules, "nse_rules", "nse-regels"),
    ]
    for rel, model, attr, kind in singles:
        if (doc := c.read(rel)) and (rec := c.model(doc, model, label=kind)):
            register(rec, doc, (), kind)
            if attr == "topics":
                assert isinstance(rec, m.Topic)
                cat.topics[rec.id] = rec
            else:
                setattr(cat, attr, rec)

    _check_references(cat, docs, c.problems, c.broken)
    if c.problems:
        raise ContentError(c.problems)
    _link(cat)
    return cat


def _check_references(
    cat: Catalog, docs: dict[str, tuple[Document, Loc]], problems: list[Problem], broken: set[str]
) -> None:
    element_ids = list(cat.elements)
    case_ids = list(cat.cases)
    iv_ids = list(cat.interventions)

    def ref(owner: str, field_loc: Loc, value: str, choices: list[str], what: str, label: str) -> None:
        if value not in choices and value not in broken:
            doc, loc = docs[owner]
            problems.append(
                doc.problem(
                    loc + field_loc, f"{label}: {_field(field_loc)}: onbekend {what} '{value}'{suggest(value, choices)}"
                )
            )

    def check_sources(owner: str, sources: list[m.Source], base: Loc, label: str) -> None:
        for i, s in enumerate(sources):
            ref(owner, base + ("sources", i, "document"), s.document, list(cat.documents), "brondocument", label)

    numbers_seen: dict[int, str] = {}
    for el in cat.elements.values():
        label = f"element '{el.id}'"
        for i, r in enumerate(el.related):
            if r == el.id:
                doc, loc = docs[el.id]
                problems.append(
                    doc.problem(
                        loc + ("related", i), f"{label}: related: een element kan niet aan zichzelf verwant zijn"
                    )
                )
            else:
                ref(el.id, ("related", i), r, element_ids, "element", label)
        check_sources(el.id, el.sources, (), label)
    by_number: dict[int, str] = {}
    for el in cat.elements.values():
        if el.number in by_number:
            doc, loc = docs[el.id]
            problems.append(
                doc.problem(
                    loc + ("number",),
                    f"element '{el.id}': nummer {el.number} is al gebruikt door '{by_number[el.number]}'",
                )
            )
        by_number.setdefault(el.number, el.id)

    for iv in cat.interventions.values():
        label = f"aanpak '{iv.id}'"
        for i, e in enumerate(iv.elements):
            ref(iv.id, ("elements", i), e, element_ids, "element", label)
        if iv.case is not None:
            ref(iv.id, ("case",), iv.case, case_ids, "casus", label)
        if iv.parent is not None:
            if iv.parent == iv.id:
                doc, loc = docs[iv.id]
                problems.append(
                    doc.problem(loc + ("parent",), f"{label}: parent: een aanpak kan niet onder zichzelf vallen")
                )
            else:
                ref(iv.id, ("parent",), iv.parent, iv_ids, "aanpak", label)
                parent = cat.interventions.get(iv.parent)
                if parent is not None and parent.parent is not None:
                    doc, loc = docs[iv.id]
                    problems.append(
                        doc.problem(
                            loc + ("parent",),
                            f"{label}: parent: '{iv.parent}' is zelf al een voorbeeld; kies de hoofdaanpak",
                        )
                    )
        for i, n in enumerate(iv.numbers):
            if n in numbers_seen:
                doc, loc = docs[iv.id]
                problems.append(
                    doc.problem(
                        loc + ("numbers", i),
                        f"{label}: numbers: rij {n} van bijlage 7 hoort al bij aanpak '{numbers_seen[n]}'",
                    )
                )
            numbers_seen.setdefault(n, iv.id)
        check_sources(iv.id, iv.sources, (), label)

    for case in cat.cases.values():
        label = f"casus '{case.id}'"
        for i, e in enumerate(case.elements):
            ref(case.id, ("elements", i), e, element_ids, "element", label)
        check_sources(case.id, case.sources, (), label)

    for topic in cat.topics.values():
        label = f"thema '{topic.id}'"
        for i, e in enumerate(topic.elements):
            ref(topic.id, ("elements", i), e, element_ids, "element", label)
        for i, k in enumerate(topic.cases):
            ref(topic.id, ("cases", i), k, case_ids, "casus", label)
        check_sources(topic.id, topic.sources, (), label)

    if (rm := cat.roadmap) is not None:
        canonical = list(rm.stakeholders)
        for ci, cluster in enumerate(rm.clusters):
            for ii, item in enumerate(cluster.items):
                base: Loc = ("clusters", ci, "items", ii)
                for si, s in enumerate(item.stakeholders):
                    ref(
                        rm.id,
                        base + ("stakeholders", si),
                        s,
                        canonical,
                        "betrokkene (niet in de lijst 'stakeholders')",
                        f"roadmap '{item.id}'",
                    )
                check_sources(rm.id, item.sources, base, f"roadmap '{item.id}'")
        check_sources(rm.id, rm.sources, (), "roadmap")
    if cat.nse_rules is not None:
        problems.extend(nse_rule_problems(cat.nse_rules, cat.communication, *docs[cat.nse_rules.id]))
    for single in (cat.communication, cat.practice):
        if single is not None:
            check_sources(single.id, single.sources, (), single.id)


def _field(loc: Loc) -> str:
    """The name of the field a reference sits in, as editors see it in the YAML."""
    return next((str(p) for p in reversed(loc) if isinstance(p, str)), "")


def _link(cat: Catalog) -> None:
    """Compute every reverse relation from the forward references."""
    cat.elements = dict(sorted(cat.elements.items(), key=lambda kv: kv[1].number))
    ei: dict[str, list[str]] = defaultdict(list)
    ci: dict[str, list[str]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    for iv in cat.interventions.values():
        for e in iv.elements:
            ei[e].append(iv.id)
        if iv.case:
            ci[iv.case].append(iv.id)
        if iv.parent:
            children[iv.parent].append(iv.id)
    ec: dict[str, list[str]] = defaultdict(list)
    for case in cat.cases.values():
        for e in case.elements:
            ec[e].append(case.id)
    et: dict[str, list[str]] = defaultdict(list)
    ct: dict[str, list[str]] = defaultdict(list)
    for topic in cat.topics.values():
        for e in topic.elements:
            et[e].append(topic.id)
        for k in topic.cases:
            ct[k].append(topic.id)
    related: dict[str, set[str]] = defaultdict(set)
    for el in cat.elements.values():
        for r in el.related:
            related[el.id].add(r)
            related[r].add(el.id)
    number = {e.id: e.number for e in cat.elements.values()}
    cat.element_interventions = {e: ei.get(e, []) for e in cat.elements}
    cat.element_cases = {e: ec.get(e, []) for e in cat.elements}
    cat.element_topics = {e: et.get(e, []) for e in cat.elements}
    cat.element_related = {e: sorted(related.get(e, set()), key=number.__getitem__) for e in cat.elements}
    cat.case_interventions = {k: ci.get(k, []) for k in cat.cases}
    cat.case_topics = {k: ct.get(k, []) for k in cat.cases}
    cat.children = {i: children.get(i, []) for i in cat.interventions}
