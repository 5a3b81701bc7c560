"""What record pages lead on to (toolbox/related.py), checked against the catalog's own relations."""

from __future__ import annotations

import re

import pytest

from toolbox import models as m
from toolbox import related
from toolbox.catalog import Catalog
from toolbox.render import INLINE, RenderedPage


def others(cat: Catalog, iv: m.Intervention, element: str, sector: str) -> list[str]:
    """The other interventions with `element` in `sector`, in catalog order (from the records, not the relation)."""
    return [o.id for o in cat.interventions.values() if o.id != iv.id and element in o.elements and sector in o.sectors]


@pytest.mark.parametrize("cap", [related.PEERS, 1])
def test_peers_are_the_other_interventions_of_each_element_and_sector(cat: Catalog, cap: int) -> None:
    seen_merge = seen_cap = False
    for iv in cat.interventions.values():
        groups = related.peers(cat, iv, cap)
        for e in iv.elements:
            for sector in iv.sectors:
                want = others(cat, iv, e, sector)
                mine = [g for g in groups if g.element == e and sector in g.sectors]
                if not want:
                    assert mine == [], (iv.id, e, sector)
                    continue
                assert len(mine) == 1, (iv.id, e, sector)
                g = mine[0]
                assert g.ids == want[:cap] and g.total == len(want), (iv.id, e, sector)
                assert g.more == (len(want) > cap)
                seen_cap |= g.more
                seen_merge |= len(g.sectors) > 1
        for g in groups:  # no sector outside the intervention's own, in the order of m.SECTORS
            assert set(g.sectors) <= set(iv.sectors)
            assert g.sectors == [s for s in m.SECTORS if s in g.sectors]
    assert seen_merge, "some intervention lists the same peers in two sectors: they share one group"
    if cap == 1:
        assert seen_cap, "with a cap of 1 some group has more than it shows"


def test_sector_names_read_as_dutch() -> None:
    assert related.Group("x", ["MBO"], [], 0).sector_names == "mbo"
    assert related.Group("x", ["HBO", "WO"], [], 0).sector_names == "hbo en wo"
    assert related.Group("x", ["MBO", "HBO", "WO"], [], 0).sector_names == "mbo, hbo en wo"


def test_quote_is_the_first_of_the_first_element_that_has_quotes(cat: Catalog) -> None:
    with_quote = 0
    for iv in cat.interventions.values():
        q = related.quote_for(cat, iv)
        quoted = [e for e in iv.elements if cat.elements[e].quotes]
        if not quoted:
            assert q is None
            continue
        with_quote += 1
        assert q is not None and q.element == quoted[0] and q.quote == cat.elements[quoted[0]].quotes[0]
    assert with_quote > 0


@pytest.mark.parametrize("cap", [INLINE, 2])
def test_element_interventions_per_sector(cat: Catalog, cap: int) -> None:
    merged = False
    for el in cat.elements.values():
        every = [iv.id for iv in cat.interventions.values() if el.id in iv.elements]
        groups = related.by_sector(cat, el, cap)
        # Together the groups show exactly the first `cap` interventions of the element.
        assert {i for g in groups for i in g.ids} == set(every[:cap]), el.id
        for sector in m.SECTORS:
            want = [i for i in every[:cap] if sector in cat.interventions[i].sectors]
            mine = [g for g in groups if sector in g.sectors]
            assert len(mine) == (1 if want else 0), (el.id, sector)
            if want:
                assert mine[0].ids == want
                assert mine[0].total == sum(1 for i in every if sector in cat.interventions[i].sectors)
        # Sectors share a group only when they list the same; groups keep the order of m.SECTORS.
        assert len({(tuple(g.ids), g.total) for g in groups}) == len(groups)
        assert [s for g in groups for s in g.sectors] == sorted(
            (s for g in groups for s in g.sectors), key=list(m.SECTORS).index
        )
        merged |= any(len(g.sectors) > 1 for g in groups)
    assert merged


def test_case_write_up_is_the_first_source_document_with_an_address(cat: Catalog) -> None:
    for case in cat.cases.values():
        docs = [cat.documents[s.document] for s in case.sources if cat.documents[s.document].url]
        w = related.write_up(cat, case)
        if not docs:
            assert w is None
            continue
        assert w is not None and w.url == docs[0].url and w.title == docs[0].title
        assert w.site and w.site in w.url and not w.site.startswith("www.")


def _links(text: str) -> set[str]:
    """Relative link targets of a generated Markdown page (Markdown and HTML links)."""
    return set(re.findall(r"\]\(([^)\s]+)\)", text)) | set(re.findall(r'href="([^"]+)"', text))


def test_intervention_pages_render_elements_case_quote_and_peers(cat: Catalog, pages: dict[str, RenderedPage]) -> None:
    for iv in cat.interventions.values():
        text = pages[f"aanpakken/{iv.id}.md"].text
        links = _links(text)
        for e in iv.elements:
            el = cat.elements[e]
            assert f"../elementen/{e}.md" in links
            for r in el.recommendations:
                assert related_text(r) in text, (iv.id, e)
        if iv.case:
            assert f"../casussen/{iv.case}.md" in links
        q = related.quote_for(cat, iv)
        if q:
            assert related_text(q.quote.text) in text
        for g in related.peers(cat, iv):
            assert f"in het {g.sector_names}" in text
            for i in g.ids:
                assert f"{i}.md" in links, (iv.id, i)
        assert f'data-plan-id="aanpak/{iv.id}"' in text


def test_element_and_case_pages_lead_on(cat: Catalog, pages: dict[str, RenderedPage]) -> None:
    for el in cat.elements.values():
        text = pages[f"elementen/{el.id}.md"].text
        for g in related.by_sector(cat, el, INLINE):
            assert f"In het {g.sector_names} ({g.total})" in text
        for c in cat.related(el.id, "cases")[:INLINE]:
            assert f"../casussen/{c}.md" in _links(text)
    for case in cat.cases.values():
        w = related.write_up(cat, case)
        if w:
            assert f'href="{w.url}"' in pages[f"casussen/{case.id}.md"].text


def related_text(text: str) -> str:
    """The first words of a field as the page shows them (markup and typography aside)."""
    words = re.sub(r"[*_`\[\]]", "", text).split()
    return " ".join(words[:4])
