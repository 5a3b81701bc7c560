"""The data files the browser scripts read, as typed models serialised by Python.

One builder per data file; `render.render_site` writes each as JSON next to the page that loads
it. The models are the contract with the scripts in `static/assets/`: a field added here is a field
a script may read, and nothing else is in the file. Text is plain (`safe_html.plain`) because the
scripts only ever set it with `textContent`, never as markup.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from toolbox import models as m
from toolbox.catalog import Catalog
from toolbox.safe_html import plain as _plain
from toolbox.sitemap import Links, record_uri
from toolbox.text import summary


def plain(text: str | None) -> str:
    """A field's text for the plan's items and exports: links keep their address, `a (https://...)`."""
    return _plain(text or "", urls=True)


class BrowserData(BaseModel):
    """Base of every browser data model: fixed fields, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def to_json(data: BrowserData) -> str:
    """Compact, deterministic JSON (UTF-8 as is); fields left at their default are omitted."""
    return json.dumps(
        data.model_dump(mode="json", exclude_defaults=True),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )


# ---- the finder -------------------------------------------------------------------------------


class FinderCard(BrowserData):
    """One intervention as the finder shows and filters it."""

    id: str
    url: str  # relative to the finder page
    title: str
    sector: list[str]
    element: list[str]  # element ids
    thema: list[str]
    niveau: list[str]
    casus: str  # "ja" or "nee": the facet value
    herkomst: Literal["rapport", "praktijkvoorbeeld"]  # the facet value: from a report, or an institution's example
    instelling: str  # the institution that submitted a practice example, or ""
    parent: str  # the title of the main intervention, or ""
    first: str  # the first sentence of the description
    text: str  # what the text box searches: title and description


class FinderData(BrowserData):
    elements: dict[str, str]  # id -> title, for the cards' element line
    cards: list[FinderCard]


def facet_counts(cards: list[FinderCard]) -> dict[str, int]:
    """`facet:value` -> cards with that value: the counts the finder shows before anything is
    chosen, rendered into the page so that they do not change when the script starts."""
    counts: dict[str, int] = {}
    for c in cards:
        for facet, values in (
            ("sector", c.sector),
            ("element", c.element),
            ("thema", c.thema),
            ("niveau", c.niveau),
            ("casus", [c.casus]),
            ("herkomst", [c.herkomst]),
        ):
            for v in values:
                counts[f"{facet}:{v}"] = counts.get(f"{facet}:{v}", 0) + 1
    return counts


def finder_cards(cat: Catalog, links: Links) -> FinderData:
    cards = [
        FinderCard(
            id=iv.id,
            url=links.href(record_uri("intervention", iv.id)),
            title=iv.title,
            sector=list(iv.sectors),
            element=list(iv.elements),
            thema=list(cat.themes_of(iv)),
            niveau=list(cat.rings_of(iv)),
            casus="ja" if iv.case else "nee",
            herkomst="praktijkvoorbeeld" if iv.submitted else "rapport",
            instelling=iv.submitted.institution if iv.submitted else "",
            parent=cat.interventions[iv.parent].title if iv.parent else "",
            first=summary(iv.description),
            text=_plain(f"{iv.title}\n\n{iv.description}"),
        )
        for iv in cat.interventions.values()
    ]
    return FinderData(elements={el.id: el.title for el in cat.elements.values()}, cards=cards)


# ---- the compare page -------------------------------------------------------------------------


class CompareLink(BrowserData):
    """A record the compare page links to: its title and page (relative to the compare page)."""

    title: str
    url: str


class CompareItem(BrowserData):
    """One intervention as the compare page shows it beside others."""

    id: str
    url: str
    title: str
    sectors: list[m.Sector]
    elements: list[CompareLink]
    rings: list[str]  # labels of the elements' levels (m.RINGS)
    themes: list[str]  # labels of the elements' themes (m.THEMES)
    case: CompareLink | None = None
    description: list[str]  # paragraphs, plain text
    sources: list[str]  # "document, section" (line numbers are for editors)


class CompareData(BrowserData):
    items: list[CompareItem]


def compare_data(cat: Catalog, links: Links) -> CompareData:
    href = links.href
    items = []
    for iv in cat.interventions.values():
        case = cat.cases[iv.case] if iv.case else None
        sources = [f"{_plain(cat.documents[s.document].title)}, {_plain(s.section)}" for s in iv.sources]
        if iv.numbers:
            sources.insert(
                0,
                "Bijlage 7 van het rapport, "
                + ("rij " if len(iv.numbers) == 1 else "rijen ")
                + ", ".join(map(str, iv.numbers)),
            )
        items.append(
            CompareItem(
                id=iv.id,
                url=href(record_uri("intervention", iv.id)),
                title=_plain(iv.title),
                sectors=list(iv.sectors),
                elements=[
                    CompareLink(
                        title=f"{cat.elements[e].number}. {_plain(cat.elements[e].title)}",
                        url=href(record_uri("element", e)),
                    )
                    for e in iv.elements
                ],
                rings=[m.RINGS[r] for r in cat.rings_of(iv)],
                themes=[m.THEMES[t] for t in cat.themes_of(iv)],
                case=CompareLink(
                    title=f"{_plain(case.title)} ({_plain(case.institution)}, {case.sector})",
                    url=href(record_uri("case", case.id)),
                )
                if case
                else None,
                description=[p for p in (plain(par) for par in iv.description.split("\n\n")) if p],
                sources=list(dict.fromkeys(sources)),
            )
        )
    return CompareData(items=items)


# ---- the action plan (and the self-scan, which fills it) ----------------------------------------

PlanKind = Literal["Aanbeveling", "Aanpak", "Tip"]


class PlanItem(BrowserData):
    """One thing a team can put in its plan."""

    id: str  # "<element>/aanbeveling-N", "aanpak/<intervention>" or "<roadmap item>/tip-N"
    kind: PlanKind
    text: str  # what the item says: the recommendation, the intervention's title, the tip
    description: str = ""  # an intervention's first sentence
    url: str = ""  # an intervention's own page
    sectors: list[m.Sector] = []


class PlanGroup(BrowserData):
    """A werkzaam element or a roadmap item, with the items that belong to it."""

    id: str
    kind: str
    title: str
    url: str
    summary: str = ""  # the element's summary, or the roadmap item's note
    ring: m.Ring | None = None  # elements only
    # Every intervention of the element (the catalog's relation, any position in `elements`), in
    # catalog order; the self-scan suggests them. An intervention's item sits in the group of its
    # first element only.
    interventions: list[str] = []
    stakeholders: list[str] = []
    horizon: list[str] = []
    items: list[PlanItem]


class PlanData(BrowserData):
    groups: list[PlanGroup]


def plan_data(cat: Catalog, links: Links) -> PlanData:
    """Everything that can be in an action plan, grouped as the plan page shows it."""
    href = links.href
    groups: list[PlanGroup] = []
    for el in cat.elements.values():
        items = [
            PlanItem(id=f"{el.id}/aanbeveling-{n}", kind="Aanbeveling", text=plain(r))
            for n, r in enumerate(el.recommendations, start=1)
        ]
        items += [
            PlanItem(
                id=f"aanpak/{iv.id}",
                kind="Aanpak",
                text=plain(iv.title),
                description=summary(iv.description),
                url=href(record_uri("intervention", iv.id)),
                sectors=list(iv.sectors),
            )
            for iv in cat.interventions.values()
            if iv.elements[0] == el.id
        ]
        groups.append(
            PlanGroup(
                id=el.id,
                kind="Werkzaam element",
                title=f"{el.number}. {plain(el.title)}",
                url=href(record_uri("element", el.id)),
                summary=plain(el.summary),
                ring=el.ring,
                interventions=list(cat.related(el.id, "interventions")),
                items=items,
            )
        )
    if cat.roadmap:
        roadmap = href(record_uri("roadmap"))
        for cluster in cat.roadmap.clusters:
            for item in cluster.items:
                groups.append(
                    PlanGroup(
                        id=item.id,
                        kind=f"Roadmap: {plain(cluster.title)}",
                        title=f"{item.number}. {plain(item.title)}",
                        url=f"{roadmap}#{item.id}",
                        summary=plain(item.note),
                        stakeholders=[plain(s) for s in item.stakeholders],
                        horizon=[m.HORIZONS[h] for h in item.horizon],
                        items=[
                            PlanItem(
                                id=f"{item.id}/tip-{n}",
                                kind="Tip",
                                text=(f"{plain(tip.group)}: " if tip.group else "") + plain(tip.text),
                            )
                            for n, tip in enumerate(item.tips, start=1)
                        ],
                    )
                )
    return PlanData(groups=groups)


# ---- the NSE message check --------------------------------------------------------------------


class NseCheckData(BrowserData):
    """The rules of `content/nse-regels.yaml` with the guideline they explain."""

    rule: str  # the guideline's rule, shown with every flag
    disclaimer: str
    rules: list[m.NseRule]


def nse_check_data(cat: Catalog) -> NseCheckData | None:
    if cat.nse_rules is None or cat.communication is None:
        return None
    return NseCheckData(rule=cat.communication.rule, disclaimer=cat.nse_rules.disclaimer, rules=cat.nse_rules.rules)


# ---- the contribution form (/bijdragen/) --------------------------------------------------------


class FormType(BrowserData):
    """A record type as the contribution form proposes or corrects it."""

    name: str  # the registry's name
    word: str  # in the form's address: ?nieuw=<word>, ?wijzig=<word>/<id>
    label: str  # Dutch
    collection: str  # the key in toolbox.json
    new: bool  # the form proposes new records of this type
    record_schema: dict[str, Any]  # the record's JSON Schema (toolbox.contribute.record_schema)
    list_key: str = ""  # records are a list under this key in their file (content/interventions.yaml)
    new_file: str = ""  # the path of a new record's file; {id} is its id
    schema_file: str  # the file in schemas/ that the YAML's first line names


class FormRepository(BrowserData):
    new_file: str  # GitHub's "new file" editor; the form adds ?filename=...&value=...
    edit_file: str  # the web editor of an existing file; the form adds its path
    issues: str  # the issue form


class ContributeData(BrowserData):
    types: list[FormType]
    records: str  # toolbox.json, relative to the form's page: the records a correction starts from
    taken: list[str]  # ids a new record cannot have: every record's, and those of list pages
    repository: FormRepository | None = None


def contribute_data(cat: Catalog, repo: Any, links: Links) -> ContributeData:
    from toolbox import contribute
    from toolbox.registry import ListFile
    from toolbox.sitemap import data_uri

    types = []
    for rt, word, new in contribute.form_types():
        assert rt.schema is not None
        types.append(
            FormType(
                name=rt.name,
                word=word,
                label=rt.label,
                collection=rt.collection,
                new=new,
                record_schema=contribute.record_schema(cat, rt),
                list_key=rt.store.key if isinstance(rt.store, ListFile) else "",
                new_file=(contribute.file_for_new(rt) or "") if new else "",
                schema_file=rt.schema.file,
            )
        )
    repository = FormRepository(new_file=repo.new_file, edit_file=repo.edit_file, issues=repo.issues) if repo else None
    from toolbox.sitemap import reserved_ids

    taken = sorted(set(cat.origins) | reserved_ids(cat.types))
    return ContributeData(
        types=types, records=links.file_href(data_uri("toolbox.json")), taken=taken, repository=repository
    )
