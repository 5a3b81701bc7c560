"""The action plan: buttons on record pages, the plan page, storage, reorder, notes and exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from tests.browser.plan_helpers import open_plan
from tests.conftest import ROOT
from toolbox.catalog import load_catalog

CAT = load_catalog(ROOT)


def _element_with_recommendations() -> Any:
    return max(CAT.elements.values(), key=lambda e: len(e.recommendations))


def test_every_plannable_item_gets_a_button(page: Any, site_url: str) -> None:
    el = _element_with_recommendations()
    page.goto(f"{site_url}/elementen/{el.id}/")
    ids = page.eval_on_selector_all("[data-plan-button]", "bs => bs.map(b => b.dataset.planButton)")
    assert ids == [f"{el.id}/aanbeveling-{i}" for i in range(1, len(el.recommendations) + 1)]

    assert CAT.roadmap is not None
    page.goto(f"{site_url}/roadmap/")
    ids = page.eval_on_selector_all("[data-plan-button]", "bs => bs.map(b => b.dataset.planButton)")
    expected = [
        f"{it.id}/tip-{i}" for cl in CAT.roadmap.clusters for it in cl.items for i in range(1, len(it.tips) + 1)
    ]
    assert ids == expected

    iv = next(iter(CAT.interventions.values()))
    page.goto(f"{site_url}/aanpakken/{iv.id}/")
    assert page.eval_on_selector_all("[data-plan-button]", "bs => bs.map(b => b.dataset.planButton)") == [
        f"aanpak/{iv.id}"
    ]
    assert page.console_errors == []


def test_plan_collects_groups_reorders_and_survives_reload(page: Any, site_url: str) -> None:
    el = _element_with_recommendations()
    assert CAT.roadmap is not None
    item = CAT.roadmap.clusters[0].items[0]
    iv = next(i for i in CAT.interventions.values() if i.elements[0] == el.id)

    page.goto(f"{site_url}/elementen/{el.id}/")
    btn = page.locator(f'[data-plan-button="{el.id}/aanbeveling-1"]')
    btn.click()
    assert btn.get_attribute("aria-pressed") == "true"
    page.locator(f'[data-plan-button="{el.id}/aanbeveling-2"]').click()
    page.goto(f"{site_url}/roadmap/")
    page.locator(f'[data-plan-button="{item.id}/tip-1"]').click()
    page.goto(f"{site_url}/aanpakken/{iv.id}/")
    page.locator(f'[data-plan-button="aanpak/{iv.id}"]').click()

    open_plan(page, f"{site_url}/actieplan/")
    groups = page.locator(".tb-plan__group")
    assert groups.count() == 2
    first = groups.nth(0)
    assert f"{el.number}. {el.title}" in first.locator("h2").inner_text()
    assert first.locator(".tb-plan__item").count() == 3  # two recommendations and the intervention
    roadmap_group = groups.nth(1)
    assert item.title in roadmap_group.locator("h2").inner_text()
    meta = roadmap_group.locator(".tb-plan__meta").all_inner_texts()
    assert any(item.stakeholders[0] in m for m in meta)
    assert any("Tijdspad" in m for m in meta) == bool(item.horizon)

    # Reorder with the keyboard: focus "omlaag" on the first item and press Enter.
    order = first.locator(".tb-plan__item").evaluate_all("ls => ls.map(l => l.dataset.planItem)")
    page.locator(f'[data-plan-item="{order[0]}"] [data-action="omlaag"]').focus()
    page.keyboard.press("Enter")
    new_order = (
        page.locator(".tb-plan__group")
        .nth(0)
        .locator(".tb-plan__item")
        .evaluate_all("ls => ls.map(l => l.dataset.planItem)")
    )
    assert new_order == [order[1], order[0], order[2]]
    assert page.evaluate("document.activeElement.closest('[data-plan-item]').dataset.planItem") == order[0]

    note = page.locator(f'[data-plan-item="{order[0]}"] textarea')
    note.fill("Bespreken in het teamoverleg van maart")
    open_plan(page)
    assert (
        page.locator(".tb-plan__group")
        .nth(0)
        .locator(".tb-plan__item")
        .evaluate_all("ls => ls.map(l => l.dataset.planItem)")
        == new_order
    )
    assert (
        page.locator(f'[data-plan-item="{order[0]}"] textarea').input_value()
        == "Bespreken in het teamoverleg van maart"
    )
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if not k.startswith("/.__")] == ["tb-actieplan-v1"]  # the rest is the theme's
    assert "alleen in deze browser bewaard" in page.inner_text("article")

    # Back on the record page the button shows the item is in the plan.
    page.goto(f"{site_url}/elementen/{el.id}/")
    assert page.locator(f'[data-plan-button="{el.id}/aanbeveling-1"]').get_attribute("aria-pressed") == "true"
    assert page.console_errors == []


def test_exports_and_clear(page: Any, site_url: str) -> None:
    el = _element_with_recommendations()
    page.goto(f"{site_url}/elementen/{el.id}/")
    page.locator(f'[data-plan-button="{el.id}/aanbeveling-1"]').click()
    open_plan(page, f"{site_url}/actieplan/")
    page.locator("textarea").first.fill('=SOM(1) "aanhalingstekens"')

    with page.expect_download() as dl:
        page.click("#tb-plan-md")
    md = Path(dl.value.path()).read_text(encoding="utf-8")
    assert md.startswith("# Mijn actieplan")
    assert f"## Werkzaam element: {el.number}. {el.title}" in md
    assert "Notitie: =SOM(1)" in md

    with page.expect_download() as dl:
        page.click("#tb-plan-csv")
    raw = Path(dl.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw), delimiter=";"))
    assert rows[0][:4] == ["volgorde", "groep", "soort", "tekst"]
    assert rows[1][2] == "Aanbeveling"
    assert rows[1][7] == '\'=SOM(1) "aanhalingstekens"'  # no spreadsheet formula
    assert rows[1][8].endswith(f"/elementen/{el.id}/")

    page.on("dialog", lambda d: d.accept())
    page.click("#tb-plan-clear")
    assert page.locator(".tb-plan__empty").is_visible()
    open_plan(page)
    assert page.locator(".tb-plan__item").count() == 0
    assert page.console_errors == []


def test_plan_text_is_never_parsed_as_html(page: Any, site_url: str) -> None:
    open_plan(page, f"{site_url}/actieplan/")
    page.evaluate(
        """localStorage.setItem('tb-actieplan-v1', JSON.stringify({version: 1, items: [
        {id: 'weg/oud', note: '<img src=x onerror=window.pwned=1>', text: '<b>oud</b>', group: '<i>g</i>'}]}))"""
    )
    open_plan(page)
    assert page.locator(".tb-plan__item").count() == 1
    assert page.locator(".tb-plan__item b, .tb-plan__group i, .tb-plan img").count() == 0
    assert "<b>oud</b>" in page.inner_text(".tb-plan__item")
    assert page.evaluate("window.pwned") is None


def test_plan_prints_without_controls(page: Any, site_url: str) -> None:
    el = _element_with_recommendations()
    page.goto(f"{site_url}/elementen/{el.id}/")
    page.locator("[data-plan-button]").first.click()
    open_plan(page, f"{site_url}/actieplan/")
    page.locator("textarea").first.fill("Notitie voor op papier")
    page.emulate_media(media="print")
    assert not page.locator("#tb-plan-md").is_visible()
    assert not page.locator("textarea").first.is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator(".tb-plan__note-print").first.inner_text() == "Notitie voor op papier"
