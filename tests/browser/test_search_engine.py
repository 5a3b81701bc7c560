"""The site search as visitors use it (issue 18): corrections, synonyms, compounds, partial matches,
deep links, only content indexed, the finder's text box, and the quality over the query set."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tests.support.search_quality import KINDS, OURS_TOP5_JS, PLAIN_TOP5_JS, hits, load_queries, rates

STOP_WORDS_SHOWN = {"met", "een", "de", "het", "hoe", "ik", "we", "in", "wat"}


def header_search(page: Any, site_url: str, q: str, path: str = "/") -> Any:
    page.goto(site_url + path)
    page.fill("#tb-search-input", q)
    page.wait_for_function("q => document.querySelector('form[data-tb-search]').dataset.tbDone === q", arg=q)
    return page.locator("#tb-search-panel")


def search_page(page: Any, site_url: str, q: str) -> None:
    page.goto(site_url + "/zoeken/?q=" + q)
    page.wait_for_function("q => document.getElementById('tb-zoek').dataset.tbDone === q", arg=q)


def result_paths(page: Any, selector: str) -> list[str]:
    hrefs = page.eval_on_selector_all(selector, "as => as.map(a => a.href)")
    return [urlparse(h).path + ("#" + urlparse(h).fragment if urlparse(h).fragment else "") for h in hrefs]


def test_a_typo_finds_its_target_and_says_what_it_searched(page: Any, site_url: str) -> None:
    panel = header_search(page, site_url, "studieloekt")
    note = panel.locator(".tb-search__didyoumean")
    assert note.text_content().startswith("Bedoelde je studieloket?")
    assert result_paths(page, "#tb-search-panel .tb-search__results a")[0] == "/aanpakken/studieloket/"
    assert "Bedoelde je studieloket" in page.locator(".tb-search__live").text_content()
    # Plain Pagefind (as before) does not find it: the correction is what does.
    assert "/aanpakken/studieloket/" not in page.evaluate(PLAIN_TOP5_JS, "studieloekt")
    # A correctly spelled word gets no note.
    panel = header_search(page, site_url, "studieloket")
    assert panel.locator(".tb-search__didyoumean").count() == 0
    assert page.console_errors == []


def test_a_synonym_from_the_editors_list_finds_the_records_that_mean_it(page: Any, site_url: str) -> None:
    # content/zoekwoorden.yaml: psycholoog -> studentpsycholoog; the guest lessons are given by
    # "Studentpsychologen", a compound Pagefind does not split.
    search_page(page, site_url, "psycholoog")
    assert "/aanpakken/gastlessen/" in result_paths(page, "#tb-zoek-results a")[:5]
    assert "/aanpakken/gastlessen/" not in page.evaluate(PLAIN_TOP5_JS, "psycholoog")
    assert page.console_errors == []


def test_two_words_the_content_writes_as_one_compound(page: Any, site_url: str) -> None:
    panel = header_search(page, site_url, "studenten café")
    first = panel.locator(".tb-search__results a").first
    assert urlparse(first.get_attribute("href")).path.endswith("/aanpakken/studentencafe/")
    assert first.locator("mark").first.text_content().lower().startswith("studentencaf")
    assert "/aanpakken/studentencafe/" not in page.evaluate(PLAIN_TOP5_JS, "studenten café")
    assert page.console_errors == []


def test_a_sentence_falls_back_to_partial_matches_without_stop_words(page: Any, site_url: str) -> None:
    # No page has all of "vind", "studieloket" and "mindfulnest": pages with most of them come first.
    q = "hoe vind ik een studieloket met mindfulnest"
    page.goto(site_url + "/")
    assert page.evaluate(PLAIN_TOP5_JS, q) == []  # every word must match
    search_page(page, site_url, q)
    assert page.locator("#tb-zoek-notes .tb-search__partial").is_visible()
    paths = result_paths(page, "#tb-zoek-results a")
    assert hits(paths[:5], ("/aanpakken/studieloket/",)) and hits(paths[:5], ("/aanpakken/mindfulnest/",))
    marks = {
        m.lower().strip(".,")
        for m in page.eval_on_selector_all("#tb-zoek-results mark", "ms => ms.map(m => m.textContent)")
    }
    assert marks, "the matched words are highlighted"
    assert not marks & STOP_WORDS_SHOWN, marks
    # "met" and "een" neither match nor light up.
    search_page(page, site_url, "studenten met een beperking")
    marks = {m.lower() for m in page.eval_on_selector_all("#tb-zoek-results mark", "ms => ms.map(m => m.textContent)")}
    assert marks and not marks & {"met", "een"}
    assert page.console_errors == []


def test_a_deep_link_lands_on_the_roadmap_factor(page: Any, site_url: str) -> None:
    panel = header_search(page, site_url, "toetsing")
    first = panel.locator(".tb-search__results a").first
    assert first.get_attribute("href").endswith("/roadmap/#toetsing")
    assert first.locator(".tb-search__section").text_content() == "\u2192 6. Toetsing"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/roadmap/#toetsing$"))
    heading = page.locator("h3#toetsing")
    assert heading.text_content().startswith("6. Toetsing")
    assert heading.evaluate("h => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert page.console_errors == []


def test_a_deep_link_to_an_element_section(page: Any, site_url: str) -> None:
    search_page(page, site_url, "wat zegt de literatuur over persoonlijke aandacht")
    paths = result_paths(page, "#tb-zoek-results a")
    assert "/elementen/persoonlijke-aandacht/#wat-zegt-de-literatuur" in paths[:5]


def test_the_editors_guide_is_not_found(page: Any, site_url: str, site_dir: Path) -> None:
    # "webeditor" is in the editors' guide on /over/ (from CONTRIBUTING.md) and nowhere else.
    about = (site_dir / "over" / "index.html").read_text(encoding="utf-8")
    assert "webeditor" in about.lower()
    search_page(page, site_url, "webeditor")
    assert page.locator("#tb-zoek-results a").count() == 0
    assert page.locator("#tb-zoek-status").text_content().startswith("Geen resultaten")
    # The rest of /over/ (the sources) still is.
    search_page(page, site_url, "privacy cookies")
    assert "/over/" in {urlparse(p).path for p in result_paths(page, "#tb-zoek-results a")}
    assert page.console_errors == []


def test_more_results_button_only_when_there_are_more(page: Any, site_url: str) -> None:
    search_page(page, site_url, "bufferweek")
    assert not page.locator("#tb-zoek-more").is_visible()
    search_page(page, site_url, "studenten")
    more = page.locator("#tb-zoek-more")
    assert more.is_visible()
    before = page.locator("#tb-zoek-results > li").count()
    more.click()
    page.wait_for_function("n => document.querySelectorAll('#tb-zoek-results > li').length > n", arg=before)
    assert page.console_errors == []


def test_results_show_kind_and_sector_badges(page: Any, site_url: str) -> None:
    search_page(page, site_url, "bufferweek")
    first = page.locator("#tb-zoek-results > li").first
    badges = first.locator(".tb-badge").all_text_contents()
    assert badges[0] == "Aanpak"
    assert set(badges[1:]) <= {"MBO", "HBO", "WO"} and len(badges) > 1


def test_the_finder_box_answers_like_the_search_and_points_elsewhere(page: Any, site_url: str) -> None:
    # The name of a case that is not also an intervention: no intervention, but a pointer to the case.
    page.goto(site_url + "/aanpakken/?q=welzijnsmonitor")
    page.wait_for_selector("#tb-finder[data-tb-ready]")
    page.wait_for_function(
        "() => /Ook gevonden/.test((document.getElementById('tb-elsewhere') || {}).textContent || '')"
    )
    note = page.locator("#tb-elsewhere")
    assert re.search(r"Ook gevonden: .*\b\d+ casus(sen)?\b", note.text_content())
    link = note.locator("a")
    assert urlparse(link.get_attribute("href")).path.endswith("/zoeken/")
    # A typo in the finder's box finds the card the header box finds.
    page.fill("#tb-q", "bufferwaek")
    page.wait_for_function("() => document.querySelectorAll('#tb-results .tb-card:not([hidden])').length === 1")
    assert page.locator("#tb-results .tb-card:not([hidden])").get_attribute("data-id") == "bufferweek"
    page.wait_for_function(
        "() => /Bedoelde je bufferweek\\?/.test(document.getElementById('tb-elsewhere').textContent)"
    )
    assert page.console_errors == []


def test_search_quality_over_the_query_set(page: Any, site_url: str) -> None:
    page.goto(site_url + "/")
    queries = load_queries()
    rows = [(q, hits(page.evaluate(OURS_TOP5_JS, q.q), q.targets)) for q in queries]
    for part in (False, True):
        got = rates([(q, h) for q, h in rows if q.holdout == part])
        hit, total = got["all"]
        assert hit / total >= 0.9, (part, got)
        for kind in KINDS:
            hit, total = got[kind]
            assert hit / total >= 0.75, (part, kind, got)
    assert page.console_errors == []
