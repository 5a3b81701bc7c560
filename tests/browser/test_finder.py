"""The finder on /aanpakken/ in Chromium: every result set and count is computed from the catalog."""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from toolbox.catalog import Catalog, load_catalog
from toolbox.models import Intervention

ROOT = Path(__file__).resolve().parents[2]
FACETS = ("sector", "element", "thema", "niveau", "casus", "herkomst")

Selection = dict[str, list[str]]


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(ROOT)


def facet_values(cat: Catalog, iv: Intervention) -> dict[str, list[str]]:
    """What the data says about one intervention, per facet."""
    return {
        "sector": list(iv.sectors),
        "element": list(iv.elements),
        "thema": list(cat.themes_of(iv)),
        "niveau": list(cat.rings_of(iv)),
        "casus": ["ja" if iv.case else "nee"],
        "herkomst": ["praktijkvoorbeeld" if iv.submitted else "rapport"],
    }


def matches(cat: Catalog, iv: Intervention, sel: Selection, skip: str | None = None) -> bool:
    """OR within a facet, AND across facets (optionally ignoring one facet)."""
    values = facet_values(cat, iv)
    return all(set(chosen) & set(values[f]) for f, chosen in sel.items() if chosen and f != skip)


def expected_ids(cat: Catalog, sel: Selection) -> list[str]:
    return [iv.id for iv in cat.interventions.values() if matches(cat, iv, sel)]


def expected_counts(cat: Catalog, sel: Selection) -> dict[str, int]:
    """The count each value would give with the other facets' current selections."""
    counts: dict[str, int] = {}
    for iv in cat.interventions.values():
        for facet, values in facet_values(cat, iv).items():
            if matches(cat, iv, sel, skip=facet):
                for v in values:
                    counts[f"{facet}:{v}"] = counts.get(f"{facet}:{v}", 0) + 1
    return counts


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def all_values(cat: Catalog) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for iv in cat.interventions.values():
        for facet, values in facet_values(cat, iv).items():
            for v in values:
                seen[(facet, v)] = None
    # Both origins are offered, also before the first practice example arrives.
    seen.update({("herkomst", "rapport"): None, ("herkomst", "praktijkvoorbeeld"): None})
    return [k for k in seen if k != ("casus", "nee")]  # "zonder casus" is not offered as a filter


def visible_ids(page: Any) -> list[str]:
    ids: list[str] = page.evaluate(
        "() => [...document.querySelectorAll('#tb-results .tb-card')]"
        ".filter(c => getComputedStyle(c).display !== 'none').map(c => c.dataset.id)"
    )
    hidden_but_shown = page.evaluate(
        "() => [...document.querySelectorAll('#tb-results .tb-card[hidden]')]"
        ".filter(c => getComputedStyle(c).display !== 'none').length"
    )
    assert hidden_but_shown == 0
    return ids


def shown_counts(page: Any) -> dict[str, int]:
    pairs: list[list[str]] = page.evaluate(
        "() => [...document.querySelectorAll('#tb-finder .tb-n[data-n]')].map(s => [s.dataset.n, s.textContent])"
    )
    return {key: int(text.strip("()")) for key, text in pairs}


def box(page: Any, facet: str, value: str) -> Any:
    return page.locator(f'#tb-finder input[name="{facet}"][value="{value}"]')


def open_finder(page: Any, site_url: str, query: dict[str, Any] | None = None) -> None:
    suffix = "?" + urlencode(query, doseq=True) if query else ""
    page.goto(f"{site_url}/aanpakken/{suffix}")
    page.wait_for_selector("#tb-finder[data-tb-ready]")


def url_state(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def status_text(n: int) -> str:
    return "Geen aanpakken gevonden" if n == 0 else ("1 aanpak gevonden" if n == 1 else f"{n} aanpakken gevonden")


VISIBLE_IDS_JS = (
    "() => [...document.querySelectorAll('#tb-results .tb-card')]"
    ".filter(c => getComputedStyle(c).display !== 'none').map(c => c.dataset.id)"
)


def assert_view(page: Any, cat: Catalog, sel: Selection) -> None:
    want = expected_ids(cat, sel)
    # The finder applies URL state and history changes asynchronously (popstate, card data):
    # wait until the list has settled on the expected result, then assert everything.
    with contextlib.suppress(Exception):
        page.wait_for_function(
            f"want => JSON.stringify(({VISIBLE_IDS_JS})()) === JSON.stringify(want)", arg=want, timeout=5000
        )
    assert visible_ids(page) == want
    assert shown_counts(page) == {k: expected_counts(cat, sel).get(k, 0) for k in shown_counts(page)}
    page.wait_for_function("t => document.getElementById('tb-status').textContent === t", arg=status_text(len(want)))


def test_without_javascript_every_intervention_is_listed(browser: Any, site_url: str, cat: Catalog) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/aanpakken/?sector=MBO")
        assert visible_ids(page) == list(cat.interventions)
        assert not page.locator("#tb-finder").is_visible()
    finally:
        context.close()


def test_every_value_offered_and_counted(page: Any, site_url: str, cat: Catalog) -> None:
    open_finder(page, site_url)
    offered = page.evaluate(
        "() => [...document.querySelectorAll('#tb-finder input[type=checkbox]')].map(b => [b.name, b.value])"
    )
    assert sorted(map(tuple, offered)) == sorted(all_values(cat))
    assert_view(page, cat, {})
    assert page.console_errors == []


@pytest.mark.parametrize("facet", FACETS)
def test_each_facet_value_gives_the_records_the_data_says(page: Any, site_url: str, cat: Catalog, facet: str) -> None:
    open_finder(page, site_url)
    values = [v for f, v in all_values(cat) if f == facet]
    assert values
    for value in values:
        box(page, facet, value).check()
        assert_view(page, cat, {facet: [value]})
        assert url_state(page) == {facet: [value]}
        box(page, facet, value).uncheck()
    assert visible_ids(page) == list(cat.interventions)
    assert page.console_errors == []


def test_combined_facets_or_within_and_across(page: Any, site_url: str, cat: Catalog) -> None:
    open_finder(page, site_url)
    elements = list(cat.elements)
    sel: Selection = {"sector": ["MBO"], "thema": ["welzijn"], "element": elements[6:10]}
    for facet, values in sel.items():
        for v in values:
            box(page, facet, v).check()
    assert expected_ids(cat, sel), "the combination must leave some results to be a useful test"
    assert_view(page, cat, sel)
    # Adding a second sector widens (OR); adding "met casus" narrows (AND).
    box(page, "sector", "HBO").check()
    sel["sector"].append("HBO")
    assert_view(page, cat, sel)
    box(page, "casus", "ja").check()
    sel["casus"] = ["ja"]
    assert_view(page, cat, sel)
    assert page.console_errors == []


@pytest.mark.parametrize(
    ("query", "sector"), [("buddy", "HBO"), ("Docent Student", "HBO"), ("CAFE", "WO"), ("welzijn online", "WO")]
)
def test_text_box_narrows_accent_and_case_insensitive(
    page: Any, site_url: str, cat: Catalog, query: str, sector: str
) -> None:
    open_finder(page, site_url)
    box(page, "sector", sector).check()
    page.fill("#tb-q", query)
    words = fold(query).split()

    def text(iv: Intervention) -> str:
        parts: Iterable[str] = [iv.title, iv.description, *iv.sectors, *(cat.elements[e].title for e in iv.elements)]
        if iv.parent:
            parts = [*parts, "voorbeeld bij", cat.interventions[iv.parent].title]
        if iv.case:
            parts = [*parts, "casus"]
        return fold(" ".join(parts))

    want = [i for i in expected_ids(cat, {"sector": [sector]}) if all(w in text(cat.interventions[i]) for w in words)]
    assert want, f"{query!r} should find something in the data"
    page.wait_for_function(
        "n => document.querySelectorAll('#tb-results .tb-card:not([hidden])').length === n", arg=len(want)
    )
    assert visible_ids(page) == want
    assert url_state(page) == {"sector": [sector], "q": [query]}
    assert page.console_errors == []


def test_url_round_trip_and_back_button(page: Any, site_url: str, cat: Catalog) -> None:
    element = next(iter(cat.elements))
    query = {"sector": ["MBO", "WO"], "element": [element]}
    open_finder(page, site_url, query)
    sel: Selection = {"sector": ["MBO", "WO"], "element": [element]}
    assert_view(page, cat, sel)
    assert box(page, "sector", "MBO").is_checked() and box(page, "element", element).is_checked()

    box(page, "casus", "ja").check()
    assert_view(page, cat, {**sel, "casus": ["ja"]})
    assert url_state(page)["casus"] == ["ja"]

    page.go_back()
    page.wait_for_function("() => !location.search.includes('casus')")
    assert_view(page, cat, sel)
    assert not box(page, "casus", "ja").is_checked()
    page.go_forward()
    page.wait_for_function("() => location.search.includes('casus')")
    assert_view(page, cat, {**sel, "casus": ["ja"]})

    # The same URL in a fresh page gives the same list (a bookmarked or shared view).
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    assert_view(page, cat, {**sel, "casus": ["ja"]})
    assert page.console_errors == []


def test_clear_all_filters(page: Any, site_url: str, cat: Catalog) -> None:
    open_finder(page, site_url, {"sector": "WO", "thema": "binding", "q": "studenten"})
    assert len(visible_ids(page)) < len(cat.interventions)
    page.get_by_role("button", name="Wis alle filters").click()
    assert_view(page, cat, {})
    assert page.input_value("#tb-q") == ""
    assert urlparse(page.url).query == ""
    assert page.console_errors == []


def test_keyboard_only(page: Any, site_url: str, cat: Catalog) -> None:
    open_finder(page, site_url)
    page.focus("#tb-q")
    page.keyboard.type("student")
    page.keyboard.press("Enter")  # must not submit the form and reload the page
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    assert focused == ["sector", "MBO"]
    page.keyboard.press("Space")
    assert box(page, "sector", "MBO").is_checked()
    want = [
        i
        for i in expected_ids(cat, {"sector": ["MBO"]})
        if "student" in fold(cat.interventions[i].title + " " + cat.interventions[i].description)
    ]
    # The text box answers through the site search (asynchronously): wait for its count.
    page.wait_for_function(
        "n => document.querySelectorAll('#tb-results .tb-card:not([hidden])').length === n", arg=len(want)
    )
    assert visible_ids(page) == want
    page.keyboard.press("Space")
    assert not box(page, "sector", "MBO").is_checked()
    assert page.evaluate("() => location.pathname").endswith("/aanpakken/")
    assert page.console_errors == []


def test_live_region_is_polite_and_dutch(page: Any, site_url: str, cat: Catalog) -> None:
    open_finder(page, site_url)
    status = page.locator("#tb-status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    box(page, "casus", "ja").check()
    n = len(expected_ids(cat, {"casus": ["ja"]}))
    page.wait_for_function("t => document.getElementById('tb-status').textContent === t", arg=status_text(n))
    # Every control has a label.
    unlabelled = page.evaluate(
        "() => [...document.querySelectorAll('#tb-finder input')].filter(i => !i.labels || !i.labels.length).length"
    )
    assert unlabelled == 0
    assert page.console_errors == []
