"""The page types of issue 13 in the browser: no axe-core violations (light and dark), no third-party
requests, and the participation chart has its text alternative next to it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_a11y import SCHEMES, run_axe
from tests.browser.test_privacy import watch_requests

PAGES = {
    "research-index": "onderzoek/",
    "text-page": "onderzoek/methode/",
    "integrated-model": "onderzoek/integraal-model/",
    "participation": "onderzoek/deelname/",
    "glossary": "begrippen/",
    "coordinators": "communicatie/coordinatoren/",
    "roadmap-background": "roadmap/studentsucces/",
    "roadmap-explanations": "roadmap/toelichting/",
    "practice-chapter": "hbo-praktijk/leiderschap/",
}


@pytest.fixture(scope="module")
def axe_path() -> Path:
    from tests.browser.test_a11y import AXE

    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci` in the repository root")
    return AXE


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_finds_no_violations(page: Any, site_url: str, axe_path: Path, name: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/{PAGES[name]}")
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    violations = run_axe(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_makes_no_third_party_requests(page: Any, site_dir: Path, site_url: str, name: str) -> None:
    assert (site_dir / PAGES[name] / "index.html").is_file(), f"{PAGES[name]} not built"
    foreign = watch_requests(page, site_url)
    page.goto(f"{site_url}/{PAGES[name]}")
    page.wait_for_load_state("networkidle")
    assert foreign == []


def test_chart_is_named_and_its_table_follows(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/{PAGES['participation']}")
    charts = page.locator("figure.tb-bars svg[role=img]")
    assert charts.count() == 2
    for i in range(2):
        svg = charts.nth(i)
        title_id = svg.get_attribute("aria-labelledby")
        assert (page.locator(f"[id='{title_id}']").text_content() or "").endswith("aantallen per instelling")
    tables = page.locator("table.tb-count-table")
    assert tables.count() == 2
    assert tables.nth(1).locator("tbody tr").count() == 2
    assert tables.nth(1).locator("thead th").count() == 6  # the answer column and five institutions
    note = page.locator("#deelname-noot-1")
    assert "54 van de 86" in note.inner_text()
    page.locator("a[href='#deelname-noot-1']").click()
    assert page.evaluate("location.hash") == "#deelname-noot-1"
