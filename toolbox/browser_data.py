"""The data files the browser scripts read, as typed models serialised by Python.

One builder per data file; `render.render_site` writes each as JSON next to the page that loads
it. The models are the contract with the scripts in `static/assets/`: a field added here is a field
a script may read, and nothing else is in the file. Text is plain (Markdown links written out, no
emphasis marks) because the scripts only ever set it with `textContent`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from toolbox import markup
from toolbox import models as m
from toolbox.catalog import Catalog

Href = Callable[[str], str]  # a page's source path -> URL relative to the page that loads the file

_LINK = re.compile(r"\[([^\]]+)\]\((https://[^)\s]+)\)")
_STRONG = re.compile(r"\*\*([^*]+)\*\*")
_EMPHASIS = re.compile(r"\*([^*]+)\*")


def plain(text: str | None) -> str:
    """Inline Markdown as one line of plain text: `[a](url)` -> `a (url)`, no emphasis marks."""
    text = _LINK.sub(r"\1 (\2)", text or "")
    text = _EMPHASIS.sub(r"\1", _STRONG.sub(r"\1", text))
    return " ".join(text.split())


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


# ---- the action plan (and the self-scan, which fills it) ----------------------------------------

PlanKind = Literal["Aanbeveling", "Aanpak", "Tip"]


class PlanItem(BaseModel):
    """One thing a team can put in its plan."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str  # "<element>/aanbeveling-N", "aanpak/<intervention>" or "<roadmap item>/tip-N"
    kind: PlanKind
    text: str  # what the item says: the recommendation, the intervention's title, the tip
    description: str = ""  # an intervention's first sentence
    url: str = ""  # an intervention's own page
    sectors: list[m.Sector] = []


class PlanGroup(BaseModel):
    """A werkzaam element or a roadmap item, with the items that belong to it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

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


def plan_data(
    cat: Catalog, href: Href, element_uri: Callable[[str], str], intervention_uri: Callable[[str], str]
) -> PlanData:
    """Everything that can be in an action plan, grouped as the plan page shows it."""
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
                description=plain(markup.first_sentence(iv.description)),
                url=href(intervention_uri(iv.id)),
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
                url=href(element_uri(el.id)),
                summary=plain(el.summary),
                ring=el.ring,
                interventions=list(cat.element_interventions.get(el.id, [])),
                items=items,
            )
        )
    if cat.roadmap:
        roadmap = href("roadmap.md")
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
