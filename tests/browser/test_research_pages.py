"""The page types of issue 13 in the browser: the participation chart has its text alternative next
to it."""

from __future__ import annotations

from typing import Any

from tests.support.page_types import RESEARCH

# Axe (light and dark) and the third-party check cover these pages with every other page type:
# tests/support/page_types.py RESEARCH, used by test_a11y.py and test_privacy.py.


def test_chart_is_named_and_its_table_follows(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/{RESEARCH['participation']}")
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
