"""The finder on a catalog larger than the cards its page renders (`synth_site_url`): the script takes
every card from the data file, builds the missing ones in order, and without JavaScript the page
leads to the full list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_finder import box, expected_counts, expected_ids, shown_counts, status_text, visible_ids
from toolbox.catalog import Catalog, load_catalog
from toolbox.render import FINDER_CARDS

SHOWN_AT_ONCE = 100  # finder.js PAGE_SIZE: cards shown before "Toon meer aanpakken"


@pytest.fixture(scope="module")
def cat(synth_repo: Path) -> Catalog:
    return load_catalog(synth_repo)


def open_finder(page: Any, url: str) -> None:
    page.goto(f"{url}/aanpakken/")
    page.wait_for_selector("#tb-finder[data-tb-ready]")


def show_all(page: Any) -> None:
    more = page.locator("#tb-more")
    for _ in range(50):
        if not more.is_visible():
            return
        more.click()
    raise AssertionError("'Toon meer aanpakken' stays visible")


def test_cards_beyond_the_page_come_from_the_data_file(page: Any, synth_site_url: str, cat: Catalog) -> None:
    assert len(cat.interventions) > SHOWN_AT_ONCE > FINDER_CARDS
    open_finder(page, synth_site_url)
    everything = list(cat.interventions)
    assert visible_ids(page) == everything[:SHOWN_AT_ONCE]
    show_all(page)
    assert visible_ids(page) == everything

    # A card the script built looks like one the page rendered, and links to its intervention.
    built = everything[-1]
    iv = cat.interventions[built]
    card = page.locator(f'#tb-results .tb-card[data-id="{built}"]')
    assert card.locator(".tb-card__title a").inner_text() == iv.title
    assert card.locator(".tb-tag--sector").all_inner_texts() == list(iv.sectors)
    assert card.locator(".tb-card__elements").inner_text() == " · ".join(cat.elements[e].title for e in iv.elements)
    served = page.locator(f'#tb-results .tb-card[data-id="{everything[0]}"]')
    assert card.evaluate("c => [...c.children].map(e => e.className)") == served.evaluate(
        "c => [...c.children].map(e => e.className)"
    )
    card.locator(".tb-card__title a").click()
    page.wait_for_url(f"**/aanpakken/{built}/")
    assert page.console_errors == []


def test_filters_and_counts_cover_the_whole_catalog(page: Any, synth_site_url: str, cat: Catalog) -> None:
    open_finder(page, synth_site_url)
    sel = {"sector": ["WO"], "casus": ["ja"]}
    for facet, values in sel.items():
        for v in values:
            box(page, facet, v).check()
    want = expected_ids(cat, sel)
    assert any(list(cat.interventions).index(i) >= FINDER_CARDS for i in want), "the filter must reach built cards"
    show_all(page)
    assert visible_ids(page) == want
    assert shown_counts(page) == {k: expected_counts(cat, sel).get(k, 0) for k in shown_counts(page)}
    page.wait_for_function("t => document.getElementById('tb-status').textContent === t", arg=status_text(len(want)))
    assert page.console_errors == []


def test_without_javascript_the_page_shows_the_first_cards_and_links_the_full_list(
    browser: Any, synth_site_url: str, cat: Catalog
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{synth_site_url}/aanpakken/")
        assert visible_ids(page) == list(cat.interventions)[:FINDER_CARDS]
        page.get_by_role("link", name="lijst van alle aanpakken").click()
        page.wait_for_url("**/aanpakken/alle/")
        assert page.locator("nav.tb-pager a[aria-current=page]").inner_text() == "1"
    finally:
        context.close()
