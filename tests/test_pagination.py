"""Long lists are split into pages so that no page grows with the catalog (issue 7), and nothing is
lost on the way: without JavaScript every intervention and case stays reachable (issue 4).

The list mechanics are tested directly; the pages on a synthetic catalog (`synth_site_dir`, the real
repository grown by the benchmark's generator) that is large enough to split every kind of list.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.conftest import ROOT
from tests.support.html import internal_links, links_with_subpages, resolve
from toolbox import render
from toolbox.catalog import Catalog, load_catalog
from toolbox.models import SECTORS
from toolbox.render import FINDER_CARDS, INLINE, PER_PAGE, grouped, paginate
from toolbox.sitemap import list_uri

PAGE_LIMIT = 80 * 1024  # issue 7: no HTML page above 80 KB


def test_list_pages_live_below_the_first_page() -> None:
    assert list_uri("aanpakken/sector-mbo.md", 1) == "aanpakken/sector-mbo.md"
    assert list_uri("aanpakken/sector-mbo.md", 3) == "aanpakken/sector-mbo/pagina-3.md"
    assert list_uri("casussen/index.md", 2) == "casussen/pagina-2.md"
    assert list_uri("elementen/maatwerk/aanpakken.md", 2) == "elementen/maatwerk/aanpakken/pagina-2.md"


def test_paginate_puts_every_item_on_exactly_one_page() -> None:
    items = list(range(250))
    pages = paginate("x.md", items, 100)
    assert [len(p.items) for p in pages] == [100, 100, 50]
    assert [i for p in pages for i in p.items] == items
    assert [p.uri for p in pages] == ["x.md", "x/pagina-2.md", "x/pagina-3.md"]
    assert (pages[1].number, pages[1].start, pages[1].end, pages[1].total) == (2, 101, 200, 250)
    assert [p.uri for p in paginate("x.md", [], 100)] == ["x.md"]  # an empty list keeps its page


def test_pager_links_first_last_and_neighbours() -> None:
    pages = paginate("x.md", list(range(1000)), 10)
    assert pages[4].window() == [1, None, 3, 4, 5, 6, 7, None, 100]
    assert pages[0].window() == [1, 2, 3, None, 100]
    assert pages[-1].window() == [1, None, 98, 99, 100]
    assert paginate("x.md", [1, 2], 10)[0].window() == [1]


def test_grouped_keeps_the_order_jinja_groupby_would_sort() -> None:
    entries = [("b", 1), ("b", 2), ("a", 3), ("b", 4)]
    assert list(grouped(entries)) == [("b", [1, 2]), ("a", [3]), ("b", [4])]
    assert list(grouped([])) == []


def _md_links(uri: str, text: str) -> set[str]:
    """Targets of the Markdown links in a generated page, as paths below the docs directory."""
    return {
        posixpath.normpath(posixpath.join(posixpath.dirname(uri), t)) for t in re.findall(r"\]\(([^)#?]+\.md)", text)
    }


def test_element_case_lists_are_capped_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real catalog with a tiny cap: the element page shows the first cases, its list pages all."""
    monkeypatch.setattr(render, "INLINE", 2)
    monkeypatch.setattr(render, "PER_PAGE", 2)
    cat = load_catalog(ROOT)
    pages = render.render_site(cat)
    long = [e for e in cat.elements if len(cat.related(e, "cases")) > 2]
    assert long, "the real catalog has elements with more than two cases"
    for e in long:
        want = {f"casussen/{c}.md" for c in cat.related(e, "cases")}
        page = f"elementen/{e}.md"
        assert len(_md_links(page, pages[page].text) & want) == 2
        first = f"elementen/{e}/casussen.md"
        listed = set()
        for uri in [first] + [list_uri(first, n) for n in range(2, len(want) + 1)]:
            if uri in pages:
                listed |= _md_links(uri, pages[uri].text)
        assert want <= listed, e
        assert first in _md_links(page, pages[page].text)


# ---- the pages of a catalog that is larger than every limit -----------------------------------


@pytest.fixture(scope="module")
def synth_cat(synth_repo: Path) -> Catalog:
    return load_catalog(synth_repo)


def _sector_entries(cat: Catalog, sector: str) -> int:
    return sum(
        1 for e in cat.elements for i in cat.related(e, "interventions") if sector in cat.interventions[i].sectors
    )


def test_the_synthetic_catalog_splits_every_kind_of_list(synth_cat: Catalog) -> None:
    """Without this, the tests below would pass without testing any pagination."""
    assert len(synth_cat.interventions) > max(FINDER_CARDS, PER_PAGE)
    assert max(len(ids) for ids in [synth_cat.related(e, "interventions") for e in synth_cat.elements]) > INLINE
    # Element case lists are split at a larger size: see test_element_case_lists_are_capped_too.
    assert max(_sector_entries(synth_cat, s) for s in SECTORS) > PER_PAGE


def test_no_page_above_the_limit_and_lists_are_capped(synth_site_dir: Path, synth_cat: Catalog) -> None:
    sizes = {p.relative_to(synth_site_dir).as_posix(): p.stat().st_size for p in synth_site_dir.rglob("*.html")}
    assert max(sizes.values()) <= PAGE_LIMIT, max(sizes, key=sizes.__getitem__)
    finder = (synth_site_dir / "aanpakken/index.html").read_text(encoding="utf-8")
    served = re.sub(r"(?s)<template\b.*?</template>", "", finder)  # the script's card template is not a card
    assert served.count('<li class="tb-card"') == FINDER_CARDS
    for el in synth_cat.elements.values():
        links = {
            url for _, url, _ in internal_links(synth_site_dir, synth_site_dir / "elementen" / el.id / "index.html")
        }
        shown = [i for i in synth_cat.related(el.id, "interventions") if f"/aanpakken/{i}/" in links]
        assert len(shown) == min(INLINE, len(synth_cat.related(el.id, "interventions"))), el.id
        has_list = (synth_site_dir / "elementen" / el.id / "aanpakken" / "index.html").is_file()
        assert has_list == (len(synth_cat.related(el.id, "interventions")) > INLINE)


def test_finder_data_file_holds_every_card(synth_site_dir: Path, synth_cat: Catalog) -> None:
    data = json.loads((synth_site_dir / "aanpakken/kaarten.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in data["cards"]] == list(synth_cat.interventions)
    assert data["elements"] == {e.id: e.title for e in synth_cat.elements.values()}
    for card in data["cards"]:
        iv = synth_cat.interventions[card["id"]]
        assert card["sector"] == list(iv.sectors) and card["element"] == list(iv.elements)
        assert card["thema"] == synth_cat.themes_of(iv) and card["niveau"] == synth_cat.rings_of(iv)
        assert card["casus"] == ("ja" if iv.case else "nee")
        assert (
            resolve(synth_site_dir, urljoin("/aanpakken/", card["url"]))
            == synth_site_dir / "aanpakken" / iv.id / "index.html"
        )


def test_without_javascript_the_finder_leads_to_every_intervention(synth_site_dir: Path, synth_cat: Catalog) -> None:
    finder_links = {url for _, url, _ in internal_links(synth_site_dir, synth_site_dir / "aanpakken/index.html")}
    assert "/aanpakken/alle/" in finder_links
    assert (synth_site_dir / "aanpakken/alle/pagina-2/index.html").is_file()
    links = links_with_subpages(synth_site_dir, "aanpakken/alle")
    assert {f"/aanpakken/{i}/" for i in synth_cat.interventions} <= links


@pytest.mark.parametrize("sector", SECTORS)
def test_sector_pages_list_every_intervention_of_their_sector(
    synth_site_dir: Path, synth_cat: Catalog, sector: str
) -> None:
    page = f"aanpakken/sector-{sector.lower()}"
    links = links_with_subpages(synth_site_dir, page)
    want = {f"/aanpakken/{iv.id}/" for iv in synth_cat.interventions.values() if sector in iv.sectors}
    assert want <= links
    assert not {f"/aanpakken/{iv.id}/" for iv in synth_cat.interventions.values()} - want & links
    pages = -(-_sector_entries(synth_cat, sector) // PER_PAGE)
    assert (synth_site_dir / page / f"pagina-{pages}" / "index.html").is_file() == (pages > 1)
    assert not (synth_site_dir / page / f"pagina-{pages + 1}").exists()


def test_element_pages_with_their_lists_link_every_intervention_and_case(
    synth_site_dir: Path, synth_cat: Catalog
) -> None:
    for el in synth_cat.elements.values():
        links = links_with_subpages(synth_site_dir, f"elementen/{el.id}")
        assert {f"/aanpakken/{i}/" for i in synth_cat.related(el.id, "interventions")} <= links, el.id
        assert {f"/casussen/{c}/" for c in synth_cat.related(el.id, "cases")} <= links, el.id


def test_case_overview_links_every_case(synth_site_dir: Path, synth_cat: Catalog) -> None:
    links = links_with_subpages(synth_site_dir, "casussen")
    assert {f"/casussen/{c}/" for c in synth_cat.cases} <= links


def test_action_plan_loads_its_items_from_a_data_file(synth_site_dir: Path, synth_cat: Catalog) -> None:
    page = (synth_site_dir / "actieplan/index.html").read_text(encoding="utf-8")
    assert 'data-items="onderdelen.json"' in page and "tb-plan-data" not in page
    data = json.loads((synth_site_dir / "actieplan/onderdelen.json").read_text(encoding="utf-8"))
    items = {it["id"]: it for g in data["groups"] for it in g["items"]}
    for iv in synth_cat.interventions.values():
        url = items[f"aanpak/{iv.id}"]["url"]
        assert (
            resolve(synth_site_dir, urljoin("/actieplan/", url)) == synth_site_dir / "aanpakken" / iv.id / "index.html"
        )
