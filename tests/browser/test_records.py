"""Issue 12 in Chromium, on a phone (390x844) and a laptop (1366x768): the finder's first result
above the fold, visible feedback on every filter change, no layout shift, the compare page and its
URL, the record pages' related items (computed from the catalog), axe on finder and compare."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.test_a11y import AXE
from tests.browser.test_finder import expected_ids, status_text
from toolbox import related
from toolbox.catalog import Catalog, load_catalog

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
VIEWPORTS = {"phone": PHONE, "laptop": LAPTOP}
# Summed layout shifts (without recent input) since the page started, as Lighthouse counts CLS.
CLS_JS = (
    "window.__tbShift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())"
    " if (!e.hadRecentInput) window.__tbShift += e.value; }).observe({type: 'layout-shift', buffered: true});"
)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(ROOT)


@pytest.fixture(params=sorted(VIEWPORTS))
def device(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A page at a phone's or a laptop's size that records console errors."""
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.console_errors = errors
    pg.add_init_script(CLS_JS)
    pg.device = request.param
    yield pg
    context.close()


def open_finder(page: Any, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}/aanpakken/{query}")
    page.wait_for_selector("#tb-finder[data-tb-ready]", state="attached")


def visible_ids(page: Any) -> list[str]:
    return list(
        page.evaluate(
            "() => [...document.querySelectorAll('#tb-results .tb-card')]"
            ".filter(c => c.getClientRects().length > 0).map(c => c.dataset.id)"
        )
    )


def open_filters(page: Any) -> None:
    """On a phone the filters sit behind the "Filters" button; on a laptop they are always shown."""
    toggle = page.locator("#tb-filters-toggle")
    if page.device == "phone":
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert not page.locator("#tb-finder").is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
    else:
        assert not toggle.is_visible()
    assert page.locator("#tb-finder").is_visible()


def test_first_result_and_count_above_the_fold(device: Any, site_url: str, cat: Catalog) -> None:
    open_finder(device, site_url)
    height = VIEWPORTS[device.device]["height"]
    first = device.locator("#tb-results .tb-card").first
    assert first.get_attribute("data-id") == next(iter(cat.interventions))
    status = device.locator("#tb-status").bounding_box()
    title = first.locator(".tb-card__title").bounding_box()
    assert status is not None and title is not None
    assert status["y"] >= 0 and status["y"] + status["height"] <= height
    assert title["y"] >= 0 and title["y"] + title["height"] <= height, "the first result's title is above the fold"
    assert device.locator("#tb-status").text_content() == status_text(len(cat.interventions))
    assert device.console_errors == []


def test_no_layout_shift_when_the_script_starts(device: Any, site_url: str, cat: Catalog) -> None:
    """The cards the page rendered are the ones the script keeps, and nothing moves."""
    # The cards as parsed, before the finder's data has arrived.
    device.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " window.__tbCards = [...document.querySelectorAll('#tb-results .tb-card')]; });"
    )
    device.goto(f"{site_url}/aanpakken/")
    device.wait_for_selector("#tb-finder[data-tb-ready]", state="attached")
    served = device.evaluate("() => window.__tbCards.length")
    device.wait_for_selector("#tb-results .tb-card .tb-plan-btn")  # the plan's buttons are in as well
    kept = device.evaluate(
        "() => window.__tbCards.every((c, i) => c.isConnected && c === document.querySelectorAll('#tb-results .tb-card')[i])"
    )
    assert served == len(cat.interventions) and kept
    assert device.evaluate("window.__tbShift") <= 0.01


@pytest.mark.parametrize("facet", ["sector", "casus", "element"])
def test_a_filter_change_updates_list_count_and_button(device: Any, site_url: str, cat: Catalog, facet: str) -> None:
    open_finder(device, site_url)
    open_filters(device)
    value = device.locator(f'#tb-finder input[name="{facet}"]').first.get_attribute("value")
    device.locator(f'#tb-finder input[name="{facet}"][value="{value}"]').check()
    want = expected_ids(cat, {facet: [value]})
    assert 0 < len(want) < len(cat.interventions)
    device.wait_for_function("t => document.getElementById('tb-status').textContent === t", arg=status_text(len(want)))
    assert visible_ids(device) == want
    assert device.locator("#tb-filter-count").text_content() == "(1)"
    status = device.locator("#tb-status")
    assert status.is_visible() and status.get_attribute("aria-live") == "polite"
    box = status.bounding_box()
    assert box is not None and 0 <= box["y"] <= VIEWPORTS[device.device]["height"], "the count stays in view"
    if device.device == "phone":
        done = device.locator("#tb-filters-done")
        assert done.text_content() == (f"Toon {len(want)} aanpakken" if len(want) != 1 else "Toon 1 aanpak")
        done.click()
        assert not device.locator("#tb-finder").is_visible()
        first = device.locator(f'#tb-results .tb-card[data-id="{want[0]}"] .tb-card__title').bounding_box()
        assert first is not None and 0 <= first["y"] < PHONE["height"]
    assert device.console_errors == []


def compared_titles(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#tb-compare-grid .tb-compare__item h2").all_inner_texts()]


def test_compare_round_trips_its_url(device: Any, site_url: str, cat: Catalog) -> None:
    ids = list(cat.interventions)[1:4]
    open_finder(device, site_url)
    for i in ids:
        device.locator(f'#tb-results input[name="vergelijk"][value="{i}"]').check()
    bar = device.locator("#tb-compare-bar").bounding_box()
    status = device.locator("#tb-status").bounding_box()
    assert bar is not None and status is not None
    # At the bottom of the screen, below the count, whatever is scrolled.
    assert status["y"] + status["height"] <= bar["y"] and bar["y"] + bar["height"] <= VIEWPORTS[device.device]["height"]
    device.locator("#tb-compare-link").click()
    device.wait_for_selector("#tb-compare[data-tb-ready]")
    assert parse_qs(urlparse(device.url).query) == {"ids": [",".join(ids)]}
    titles = [cat.interventions[i].title for i in ids]
    assert compared_titles(device) == titles
    # Each column shows the catalog's elements, sectors and case of its intervention.
    for n, i in enumerate(ids):
        iv = cat.interventions[i]
        col = device.locator("#tb-compare-grid .tb-compare__item").nth(n)
        text = col.inner_text()
        for e in iv.elements:
            assert cat.elements[e].title in text
        assert ", ".join(iv.sectors) in text
        assert (cat.cases[iv.case].title if iv.case else "Geen casus") in text
    boxes = [
        b
        for b in device.locator("#tb-compare-grid .tb-compare__item").evaluate_all(
            "ns => ns.map(n => n.getBoundingClientRect().toJSON())"
        )
    ]
    if device.device == "phone":  # stacked
        assert all(b["x"] == boxes[0]["x"] for b in boxes) and boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
    else:  # side by side, fields lined up
        assert all(b["y"] == boxes[0]["y"] for b in boxes) and boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
        tops = device.locator("#tb-compare-grid .tb-compare__item").evaluate_all(
            "ns => ns.map(n => n.querySelectorAll('.tb-compare__field')[1].getBoundingClientRect().top)"
        )
        assert len(set(tops)) == 1
    # Reload: the same view. Remove one: the URL follows; back: the three again.
    device.reload()
    device.wait_for_selector("#tb-compare[data-tb-ready]")
    assert compared_titles(device) == titles
    device.locator("#tb-compare-grid .tb-compare__remove").first.click()
    assert compared_titles(device) == titles[1:]
    assert parse_qs(urlparse(device.url).query) == {"ids": [",".join(ids[1:])]}
    device.go_back()
    device.wait_for_function("n => document.querySelectorAll('#tb-compare-grid .tb-compare__item').length === n", arg=3)
    assert compared_titles(device) == titles
    assert device.console_errors == []


def test_compare_reports_unknown_ids_in_dutch(device: Any, site_url: str, cat: Catalog) -> None:
    known = next(iter(cat.interventions))
    assert "niet-bestaand" not in cat.interventions
    device.goto(f"{site_url}/vergelijk/?ids={known},niet-bestaand")
    device.wait_for_selector("#tb-compare[data-tb-ready]")
    status = device.locator("#tb-compare-status").inner_text()
    assert "„niet-bestaand”" in status and "bestaat niet (meer) in de toolbox" in status
    assert "kies er nog minstens een" in status
    assert compared_titles(device) == [cat.interventions[known].title]
    device.goto(f"{site_url}/vergelijk/")
    device.wait_for_selector("#tb-compare[data-tb-ready]")
    assert "Nog geen aanpakken gekozen" in device.locator("#tb-compare-status").inner_text()
    assert device.locator("#tb-compare-status a").get_attribute("href") == "../aanpakken/"
    assert compared_titles(device) == []
    assert device.console_errors == []


def links_on(page: Any) -> set[str]:
    hrefs = page.locator("article a[href]").evaluate_all(
        "ns => ns.map(n => new URL(n.href).pathname + new URL(n.href).search)"
    )
    return set(hrefs)


def test_record_pages_show_their_related_items(page: Any, site_url: str, cat: Catalog) -> None:
    """Every intervention, element and case page, against the catalog's records."""
    for iv in cat.interventions.values():
        page.goto(f"{site_url}/aanpakken/{iv.id}/")
        links = links_on(page)
        peer_headings = page.locator("article h2", has_text="Meer aanpakken voor").all_inner_texts()
        for e in iv.elements:
            el = cat.elements[e]
            assert f"/elementen/{e}/" in links
            assert page.locator("article h3", has_text=el.title).count() >= 1
        if iv.case:
            assert f"/casussen/{iv.case}/" in links
        quoted = [e for e in iv.elements if cat.elements[e].quotes]
        assert (page.locator("article blockquote").count() > 0) == bool(quoted), iv.id
        # "Meer aanpakken voor dit element in het mbo": the other interventions with the same
        # element in the same sector, from the records themselves.
        for e in iv.elements:
            for sector in iv.sectors:
                peers = [
                    o.id
                    for o in cat.interventions.values()
                    if o.id != iv.id and e in o.elements and sector in o.sectors
                ]
                for o in peers[: related.PEERS]:
                    assert f"/aanpakken/{o}/" in links, (iv.id, e, sector, o)
                if peers:  # under a heading that names the sector ("... in het hbo en wo")
                    assert any(
                        sector.lower() in h.replace(",", " ").replace("¶", " ").split() for h in peer_headings
                    ), (iv.id, sector)
        assert page.locator(f'.tb-plan-slot[data-plan-id="aanpak/{iv.id}"] .tb-plan-btn').count() == 1
    for el in cat.elements.values():
        page.goto(f"{site_url}/elementen/{el.id}/")
        links = links_on(page)
        ivs = [iv for iv in cat.interventions.values() if el.id in iv.elements]
        groups = page.locator("article .tb-sector-group strong").all_inner_texts()
        for sector in {s for iv in ivs for s in iv.sectors}:
            n = sum(1 for iv in ivs if sector in iv.sectors)
            # "In het mbo (2):" or, when sectors list the same, "In het hbo en wo (2):".
            assert [g for g in groups if sector.lower() in g.replace(",", " ").split() and f"({n}):" in g], (
                el.id,
                sector,
            )
        for iv in ivs:
            assert f"/aanpakken/{iv.id}/" in links
        for c in cat.cases.values():
            assert (f"/casussen/{c.id}/" in links) == (el.id in c.elements), (el.id, c.id)
    for case in cat.cases.values():
        page.goto(f"{site_url}/casussen/{case.id}/")
        urls = [cat.documents[s.document].url for s in case.sources if cat.documents[s.document].url]
        hrefs = page.locator("article a[href]").evaluate_all("ns => ns.map(n => n.getAttribute('href'))")
        if urls:
            assert urls[0] in hrefs, case.id
        else:
            assert page.locator("article", has_text="Volledige uitwerking").count() == 0
    assert page.console_errors == []


def axe(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))",
        WCAG,
    )
    return list(result)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_wcag22_on_finder_and_compare(device: Any, site_url: str, cat: Catalog, scheme: str) -> None:
    device.emulate_media(color_scheme=scheme)
    open_finder(device, site_url)
    open_filters(device)
    sector = device.locator('#tb-finder input[name="sector"]').first
    sector.check()
    for i in expected_ids(cat, {"sector": [str(sector.get_attribute("value"))]})[:2]:
        device.locator(f'#tb-results input[name="vergelijk"][value="{i}"]').check()
    found = axe(device)
    assert found == [], json.dumps(found, indent=1, ensure_ascii=False)
    device.goto(f"{site_url}/vergelijk/?ids=" + ",".join(list(cat.interventions)[:4]) + ",onbekend")
    device.wait_for_selector("#tb-compare[data-tb-ready]")
    found = axe(device)
    assert found == [], json.dumps(found, indent=1, ensure_ascii=False)
