"""The action plan trusts only the catalog: stored items become links only when the catalog has them.

Issue 15: an item in localStorage that was not in the catalog rendered its stored URL as a live
link (a `javascript:` URL ran on click), and a note that was a number broke the Markdown export.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

STORE = "tb-actieplan-v1"
FLAG = "window.__pwned"


def open_with(page: Any, site_url: str, items: list[dict[str, Any]]) -> None:
    page.goto(f"{site_url}/actieplan/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, json.dumps({"version": 1, "items": items})])
    page.reload()
    page.wait_for_selector('#tb-plan[aria-busy="false"]', state="attached")


def test_a_stored_item_not_in_the_catalog_is_text_not_a_link(page: Any, site_url: str) -> None:
    url = f"javascript:{FLAG}=1"
    open_with(
        page, site_url, [{"id": "aanpak/bestaat-niet", "note": "", "text": "Klik mij", "group": "Oud", "url": url}]
    )
    item = page.locator('[data-plan-item="aanpak/bestaat-niet"]')
    assert "Klik mij" in item.inner_text()
    assert page.locator("#tb-plan a[href]").count() == 0
    item.get_by_text("Klik mij").click()
    page.locator("#tb-plan h2").first.click()
    assert page.evaluate(f"typeof {FLAG}") == "undefined"
    assert page.console_errors == []


def test_a_catalog_item_keeps_its_link_from_the_catalog_data(page: Any, site_url: str) -> None:
    from tests.conftest import ROOT
    from toolbox.catalog import load_catalog

    iv = next(iter(load_catalog(ROOT).interventions.values()))
    stored = {"id": f"aanpak/{iv.id}", "note": "", "text": "x", "group": "x", "url": f"javascript:{FLAG}=1"}
    open_with(page, site_url, [stored])
    hrefs = page.eval_on_selector_all("#tb-plan a[href]", "as => as.map(a => a.href)")
    assert hrefs and all(h.startswith(site_url) for h in hrefs), hrefs


def test_notes_and_texts_that_are_numbers_still_export(page: Any, site_url: str) -> None:
    open_with(page, site_url, [{"id": "aanpak/bestaat-niet", "note": 42, "text": 7, "group": None, "url": 5}])
    with page.expect_download() as download:
        page.click("#tb-plan-md")
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Notitie: 42" in markdown and "7" in markdown
    with page.expect_download() as download:
        page.click("#tb-plan-csv")
    assert "42" in Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert page.console_errors == []
