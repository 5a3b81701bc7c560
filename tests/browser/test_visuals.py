"""Visual overviews drawn from the data: the ring model, the element x sector matrix, the roadmap views."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from toolbox import models as m
from toolbox.catalog import load_catalog

CAT = load_catalog(ROOT)


def test_ring_model_links_every_element_on_its_ring(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/")
    svg = page.locator("svg.tb-rings__svg")
    assert svg.get_attribute("aria-labelledby") == "tb-rings-title"
    links = svg.locator("a").evaluate_all(
        "as => as.map(a => [a.getAttribute('aria-label'), new URL(a.getAttribute('href'), location.href).pathname])"
    )
    expected = [
        [f"{el.number}. {el.title} ({m.RINGS[el.ring].lower()})", f"/elementen/{el.id}/"]
        for ring in m.RINGS
        for el in CAT.elements.values()
        if el.ring == ring
    ]
    assert links == expected
    # The ring lists stay as the text alternative.
    for label in m.RINGS.values():
        assert page.locator(".tb-model__lists h3").filter(has_text=label).count() == 1
    # Keyboard: the element links are focusable and open the element.
    svg.locator("a").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    first = next(el for el in CAT.elements.values() if el.ring == "onderwijs")
    assert page.url.endswith(f"/elementen/{first.id}/")
    assert page.console_errors == []


def test_sector_matrix_counts_come_from_the_data(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/")
    cells = page.locator(".tb-matrix__table td a").evaluate_all(
        "as => as.map(a => [a.getAttribute('href'), a.textContent, a.getAttribute('aria-label')])"
    )
    expected = []
    for el in CAT.elements.values():
        for s in m.SECTORS:
            n = sum(1 for i in CAT.interventions.values() if el.id in i.elements and s in i.sectors)
            expected.append([f"aanpakken/?element={el.id}&sector={s}", str(n)])
    assert [c[:2] for c in cells] == expected
    assert all(c[2] and c[2].startswith(c[1] + " aanpak") for c in cells)
    assert page.locator(".tb-matrix__table caption").count() == 1


def test_matrix_cell_opens_the_finder_with_those_filters(page: Any, site_url: str) -> None:
    if not (ROOT / "static/assets/finder/finder.js").read_text(encoding="utf-8").strip():
        pytest.skip("the finder script is not there yet")
    el, sector = next(
        (e, s)
        for e in CAT.elements.values()
        for s in m.SECTORS
        if sum(1 for i in CAT.interventions.values() if e.id in i.elements and s in i.sectors) > 1
    )
    want = sorted(i.id for i in CAT.interventions.values() if el.id in i.elements and sector in i.sectors)
    page.goto(f"{site_url}/")
    page.locator(f'.tb-matrix__table a[href$="?element={el.id}&sector={sector}"]').click()
    page.wait_for_selector("#tb-finder[data-tb-ready]")
    visible = page.locator(".tb-card").evaluate_all(
        "cs => cs.filter(c => !c.hidden && getComputedStyle(c).display !== 'none').map(c => c.dataset.id)"
    )
    assert sorted(visible) == want


def test_roadmap_views_by_horizon_and_stakeholder(page: Any, site_url: str) -> None:
    rm = CAT.roadmap
    assert rm is not None
    items = [it for cl in rm.clusters for it in cl.items]
    page.goto(f"{site_url}/roadmap/")
    page.click("text=roadmap per termijn en per betrokkene")
    # click() returns once the navigation commits, before the new page is parsed: wait for its load
    page.wait_for_url(f"{site_url}/roadmap/overzicht/", wait_until="load")

    bars = page.locator("svg.tb-horizon__svg a").evaluate_all("as => as.map(a => a.getAttribute('aria-label'))")
    assert len(bars) == len(items)
    for label, it in zip(bars, items, strict=True):
        assert label.startswith(f"{it.number}. {it.title}: ")
        for h in it.horizon:
            assert m.HORIZONS[h].lower() in label
    assert page.locator("svg.tb-horizon__svg .tb-horizon__bar").count() == sum(1 for it in items if it.horizon)

    # Text alternative per horizon: the same factors as the data.
    for h in rm.horizons:
        heading = page.locator(f"h3#{h.id}")
        assert heading.count() == 1
        listed = heading.evaluate(
            "h => { let n = h.nextElementSibling; while (n && n.tagName !== 'UL') n = n.nextElementSibling;"
            " return [...n.querySelectorAll('a')].map(a => a.textContent); }"
        )
        assert listed == [f"{it.number}. {it.title}" for it in items if h.id in it.horizon]

    # Per stakeholder: every canonical role with exactly the factors that name it.
    summaries = page.locator(".tb-stakeholders summary").all_inner_texts()
    assert len(summaries) == len(rm.stakeholders)
    for s, summary in zip(rm.stakeholders, summaries, strict=True):
        n = sum(1 for it in items if s in it.stakeholders)
        assert summary.startswith(f"{s} ({n} ")
    assert page.console_errors == []


def test_visual_pages_have_no_script_in_record_text(site_dir: Path) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert html.count('<svg viewBox="0 0 600 600"') == 1
    assert "<script>" not in html.split('class="tb-rings')[1].split("</svg>")[0]
