"""What a record page leads on to, computed from the catalog (issue 12: record pages that lead on).

The templates of the intervention, element and case pages render these; nothing here writes
markup or addresses. Every list keeps catalog order, and lists that grow with the catalog are
capped (the caller links the finder or the element's list pages for the rest), so no page grows
with the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from toolbox import models as m
from toolbox.catalog import Catalog

# Other interventions shown per element and sector on an intervention page; the finder has the rest.
PEERS = 6


@dataclass(frozen=True)
class Group:
    """Interventions of one element in one or more sectors: the first `ids` of `total`."""

    element: str
    sectors: list[m.Sector]
    ids: list[str]
    total: int

    @property
    def more(self) -> bool:
        return self.total > len(self.ids)

    @property
    def sector_names(self) -> str:
        """The sectors as Dutch prose: "mbo", "hbo en wo", "mbo, hbo en wo"."""
        names = [s.lower() for s in self.sectors]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


@dataclass(frozen=True)
class QuoteOf:
    """A quote and the element it is quoted under."""

    element: str
    quote: m.Quote


@dataclass(frozen=True)
class WriteUp:
    """Where the full write-up of a case is published: a source document with an address."""

    title: str
    url: str

    @property
    def site(self) -> str:
        """The host, as a link text (`samensterkerinhetonderwijs.nl`)."""
        host = urlparse(self.url).netloc
        return host.removeprefix("www.")


def _in_sector(cat: Catalog, ids: list[str], sector: m.Sector) -> list[str]:
    return [i for i in ids if sector in cat.interventions[i].sectors]


def _add(groups: list[Group], element: str, sector: m.Sector, ids: list[str], total: int) -> None:
    """Add a sector's list to `groups`, or its sector to the group that lists the same."""
    same = next((g for g in groups if g.ids == ids and g.total == total), None)
    if same:
        same.sectors.append(sector)
    else:
        groups.append(Group(element, [sector], ids, total))


def peers(cat: Catalog, iv: m.Intervention, cap: int = PEERS) -> list[Group]:
    """Per element of `iv` and sector of `iv`: the other interventions with that element in that
    sector. Sectors that would list the same interventions share one group."""
    groups: list[Group] = []
    for e in iv.elements:
        others = [i for i in cat.related(e, "interventions") if i != iv.id]
        mine: list[Group] = []
        for sector in m.SECTORS:
            ids = _in_sector(cat, others, sector) if sector in iv.sectors else []
            if ids:
                _add(mine, e, sector, ids[:cap], len(ids))
        groups += mine
    return groups


def quote_for(cat: Catalog, iv: m.Intervention) -> QuoteOf | None:
    """The first quote of the intervention's elements, in the order the intervention names them."""
    for e in iv.elements:
        if cat.elements[e].quotes:
            return QuoteOf(e, cat.elements[e].quotes[0])
    return None


def by_sector(cat: Catalog, el: m.Element, cap: int, every: list[str] | None = None) -> list[Group]:
    """The element's first `cap` interventions (as its page lists them), grouped per sector; `total`
    counts all of them in that sector; sectors with the same list share a group. `every`: the
    interventions to group (the page passes those from the report, listing practice examples
    apart); all of the element's by default."""
    every = cat.related(el.id, "interventions") if every is None else every
    shown = every[:cap]
    groups: list[Group] = []
    for sector in m.SECTORS:
        ids = _in_sector(cat, shown, sector)
        if ids:
            _add(groups, el.id, sector, ids, len(_in_sector(cat, every, sector)))
    return groups


def write_up(cat: Catalog, case: m.Case) -> WriteUp | None:
    """The first document the case's sources name that has a web address (the project's website)."""
    for s in case.sources:
        doc = cat.documents[s.document]
        if doc.url:
            return WriteUp(doc.title, str(doc.url))
    return None
