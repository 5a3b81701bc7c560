"""The data files the browser scripts read, as typed models serialised by Python.

Templates do not assemble JSON: each file here has a model, so what the scripts may rely on is
declared once, and record text reaches them as plain text (the scripts write it with
`textContent`, never as markup).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from toolbox.catalog import Catalog
from toolbox.safe_html import plain
from toolbox.sitemap import Links, record_uri
from toolbox.text import summary


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FinderCard(_Data):
    """One intervention as the finder shows and filters it."""

    id: str
    url: str  # relative to the finder page
    title: str
    sector: list[str]
    element: list[str]  # element ids
    thema: list[str]
    niveau: list[str]
    casus: str  # "ja" or "nee": the facet value
    parent: str  # the title of the main intervention, or ""
    first: str  # the first sentence of the description
    text: str  # what the text box searches: title and description


class FinderData(_Data):
    elements: dict[str, str]  # id -> title, for the cards' element line
    cards: list[FinderCard]


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
            parent=cat.interventions[iv.parent].title if iv.parent else "",
            first=summary(iv.description),
            text=plain(f"{iv.title} {iv.description}"),
        )
        for iv in cat.interventions.values()
    ]
    return FinderData(elements={el.id: el.title for el in cat.elements.values()}, cards=cards)
