"""Site search (Pagefind) in Chromium: the header box, its shortcuts, filters and search quality."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.support.search_quality import KINDS, ROOT, load_queries
from toolbox.catalog import Catalog, load_catalog

QUERIES = load_queries()


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(ROOT)


def page_paths(cat: Catalog) -> dict[str, str]:
    """One page of each type."""
    return {
        "home": "/",
        "element": f"/elementen/{next(iter(cat.elements))}/",
        "intervention": f"/aanpakken/{next(iter(cat.interventions))}/",
        "case": f"/casussen/{next(iter(cat.cases))}/",
        "finder": "/aanpakken/",
        "sector": "/aanpakken/sector-mbo/",
        "roadmap": "/roadmap/",
        "search": "/zoeken/",
    }


def wait_for_header_results(page: Any, q: str) -> None:
    page.wait_for_function("q => document.querySelector('form[data-tb-search]').dataset.tbDone === q", arg=q)


def test_query_set_is_large_and_points_at_real_pages(site_dir: Path) -> None:
    assert len(QUERIES) >= 100
    assert {q.kind for q in QUERIES} == set(KINDS)
    assert 0.25 < sum(q.holdout for q in QUERIES) / len(QUERIES) < 0.4
    missing = []
    for query in QUERIES:
        for target in query.targets:
            path, _, anchor = target.partition("#")
            html = site_dir / path.strip("/") / "index.html"
            if not html.is_file() or (anchor and f'id="{anchor}"' not in html.read_text(encoding="utf-8")):
                missing.append(target)
    assert not missing


def test_filters_match_the_catalog(page: Any, site_url: str, cat: Catalog) -> None:
    page.goto(site_url + "/")
    count_js = """async (filters) => {
      const pf = await import('/pagefind/pagefind.js');
      return (await pf.search(null, {filters})).results.length;
    }"""
    for sector in ("MBO", "HBO", "WO"):
        want = sum(1 for iv in cat.interventions.values() if sector in iv.sectors)
        assert page.evaluate(count_js, {"soort": "Aanpak", "sector": sector}) == want
    assert page.evaluate(count_js, {"soort": "Casus"}) == len(cat.cases)
    assert page.evaluate(count_js, {"soort": "Werkzaam element"}) == len(cat.elements)
    for el in list(cat.elements.values())[:3]:
        want = len(cat.related(el.id, "interventions"))
        assert page.evaluate(count_js, {"soort": "Aanpak", "element": el.title}) == want


def test_navigation_chrome_is_not_indexed(page: Any, site_url: str, site_dir: Path) -> None:
    # Every page's footer says "Made with Material for MkDocs"; only article text may be found.
    in_articles = 0
    for html in site_dir.rglob("index.html"):
        body = re.search(r"data-pagefind-body>(.*?)</article>", html.read_text(encoding="utf-8"), re.S)
        if body and "mkdocs" in body.group(1).lower():
            in_articles += 1
    page.goto(site_url + "/")
    # Pagefind answers a word it lacks with the longest prefix it has (here "m", from "git commit -m"),
    # depending on how the index happens to be chunked; count the results that really contain the word.
    found = page.evaluate(
        "async () => { const pf = await import('/pagefind/pagefind.js'); const r = (await pf.search('mkdocs')).results;"
        " return (await Promise.all(r.map(x => x.data()))).filter(d => /mkdocs/i.test(d.content)).length; }"
    )
    assert found == in_articles
    assert not (site_dir / "zoeken" / "index.html").read_text(encoding="utf-8").count("data-pagefind-body")


def test_header_box_and_shortcuts_on_every_page_type(page: Any, site_url: str, cat: Catalog) -> None:
    for kind, path in page_paths(cat).items():
        page.goto(site_url + path)
        box = page.get_by_role("combobox", name="Zoeken op de site")
        assert box.is_visible(), kind
        for key in ("/", "s"):
            page.evaluate("() => document.activeElement && document.activeElement.blur()")
            page.keyboard.press(key)
            assert page.evaluate("() => document.activeElement.id") == "tb-search-input", (kind, key)
            assert box.input_value() == "", "the shortcut key must not be typed into the box"
        assert page.console_errors == [], kind


def test_shortcut_does_not_steal_typing_in_other_fields(page: Any, site_url: str) -> None:
    page.goto(site_url + "/aanpakken/")
    page.focus("#tb-q")
    page.keyboard.type("s/s")
    assert page.input_value("#tb-q") == "s/s"
    assert page.evaluate("() => document.activeElement.id") == "tb-q"


def test_header_search_shows_results_and_keyboard_moves_through_them(page: Any, site_url: str) -> None:
    page.goto(site_url + "/elementen/")
    page.keyboard.press("/")
    page.keyboard.type("bufferweken")
    wait_for_header_results(page, "bufferweken")
    panel = page.locator("#tb-search-panel")
    assert panel.is_visible()
    links = panel.locator(".tb-search__results a")
    assert links.count() >= 1
    assert links.first.get_attribute("href").endswith("/aanpakken/bufferweek/")
    assert "resultaten" in page.locator(".tb-search__live").text_content()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.getAttribute('href')").endswith("/aanpakken/bufferweek/")
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "tb-search-input"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")  # from the box itself: Enter opens the full results page
    page.wait_for_url(re.compile(r"/zoeken/\?q=bufferweken"))
    page.wait_for_selector("#tb-zoek[data-tb-done]")
    assert page.locator("#tb-zoek-results a").first.get_attribute("href").endswith("/aanpakken/bufferweek/")
    assert page.console_errors == []


def test_header_search_works_on_the_404_page(page: Any, site_url: str) -> None:
    # Material gives the 404 page the absolute base "/", where other pages get a relative one.
    page.goto(site_url + "/404.html")
    page.fill("#tb-search-input", "bufferweken")
    wait_for_header_results(page, "bufferweken")
    href = page.locator("#tb-search-panel .tb-search__results a").first.get_attribute("href")
    assert href.endswith("/aanpakken/bufferweek/")
    assert page.console_errors == []


def test_header_result_follows_the_link(page: Any, site_url: str) -> None:
    page.goto(site_url + "/")
    page.keyboard.press("s")
    page.keyboard.type("rustgevende geluiden")
    wait_for_header_results(page, "rustgevende geluiden")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/aanpakken/mindfulnest/$"))
    assert page.console_errors == []


def test_search_page_filters_narrow_and_keep_state_in_url(page: Any, site_url: str, cat: Catalog) -> None:
    page.goto(site_url + "/zoeken/?q=studenten&soort=Aanpak&sector=MBO")
    page.wait_for_selector("#tb-zoek[data-tb-done]")
    assert page.input_value("#tb-zoek-q") == "studenten"
    assert page.input_value("#tb-zoek-sector") == "MBO"
    status = page.locator("#tb-zoek-status").text_content()
    n = int(status.split()[0])
    assert 0 < n <= sum(1 for iv in cat.interventions.values() if "MBO" in iv.sectors)
    mbo = {f"/aanpakken/{iv.id}/" for iv in cat.interventions.values() if "MBO" in iv.sectors}
    hrefs = page.eval_on_selector_all("#tb-zoek-results a", "as => as.map(a => new URL(a.href).pathname)")
    assert hrefs and set(hrefs) <= mbo
    page.select_option("#tb-zoek-sector", "")
    page.wait_for_function("() => !location.search.includes('sector=')")
    assert page.console_errors == []


def test_search_labels_are_dutch(page: Any, site_url: str) -> None:
    page.goto(site_url + "/")
    form = page.locator("form[data-tb-search]")
    assert form.get_attribute("role") == "search"
    assert form.get_attribute("aria-label") == "Zoeken op de site"
    assert page.get_attribute("#tb-search-input", "placeholder") == "Zoeken (toets /)"
