"""The visible design of issue 12, measured in Chromium: colours as computed, sizes as laid out.

Contrast is WCAG's ratio of the computed text colour to the computed background (walking up to the
first opaque background), in the light and the dark scheme; targets are bounding boxes.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import ROOT
from tests.support.page_types import representative_pages
from toolbox.catalog import load_catalog

CAT = load_catalog(ROOT)
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}

# Contrast of an element's text against the first opaque background behind it.
CONTRAST_JS = """el => {
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  let node = el, bg = null;
  while (node && node.nodeType === 1) {
    const c = rgba(getComputedStyle(node).backgroundColor);
    if (c[3] >= 0.99) { bg = c; break; }
    node = node.parentElement;
  }
  bg = bg || [255, 255, 255, 1];
  const fg = rgba(getComputedStyle(el).color);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def _contrast(locator: Any) -> float:
    # Material fades button colours over 125 ms: measure the colours the transition ends at.
    locator.evaluate("el => Promise.all(el.getAnimations().map(a => a.finished))")
    return float(locator.evaluate(CONTRAST_JS))


@pytest.fixture()
def site_pages(site_dir: Any) -> dict[str, str]:
    return representative_pages(site_dir, ("home", "element", "intervention", "case", "finder", "roadmap"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_buttons_keep_aa_contrast_on_hover_and_focus(page: Any, site_url: str, scheme: str) -> None:
    """The primary button's hover/focus colour was white on #ff6e42 (2.78:1)."""
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/zelfscan/")
    page.wait_for_selector("#tb-scan-apply")
    for selector in ("#tb-scan-apply", "#tb-scan-reset"):  # a primary and a plain button
        button = page.locator(selector)
        assert _contrast(button) >= 4.5, (selector, "at rest")
        button.hover()
        assert _contrast(button) >= 4.5, (selector, "hover")
        page.mouse.move(0, 0)
        button.focus()
        assert _contrast(button) >= 4.5, (selector, "focus")
        colours = button.evaluate("b => getComputedStyle(b).backgroundColor")
        assert colours != "rgb(255, 110, 66)", selector


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_headings_are_dark_and_readable(page: Any, site_url: str, site_pages: dict[str, str], scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    for name, path in site_pages.items():
        page.goto(f"{site_url}/{path}")
        for selector in ("article h1", "article h2"):
            assert _contrast(page.locator(selector).first) >= 7, (name, selector)


def test_more_results_button_stays_hidden_when_all_results_are_shown(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/zoeken/?q=escaperoom")
    page.wait_for_selector("#tb-zoek-results li")
    more = page.locator("#tb-zoek-more")
    assert more.get_attribute("hidden") is not None  # the script says: nothing more to show
    assert not more.is_visible()
    assert more.evaluate("b => getComputedStyle(b).display") == "none"


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_add_to_plan_buttons_are_at_least_24px(
    page: Any, site_url: str, site_pages: dict[str, str], viewport: Any
) -> None:
    page.set_viewport_size(viewport)
    for name in ("intervention", "element"):
        page.goto(f"{site_url}/{site_pages[name]}")
        page.wait_for_selector(".tb-plan-btn")
        boxes = page.locator(".tb-plan-btn").evaluate_all(
            "bs => bs.filter(b => b.offsetParent).map(b => b.getBoundingClientRect()).map(r => [r.width, r.height])"
        )
        assert boxes, name
        assert all(w >= 24 and h >= 24 for w, h in boxes), (name, boxes)


def test_element_sector_table_breaks_no_word_on_a_phone(page: Any, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/")
    split = page.evaluate(
        """() => {
        const out = [];
        for (const a of document.querySelectorAll('.tb-matrix__table th a')) {
          const text = a.firstChild;
          const re = /\\S+/g; let m;
          while ((m = re.exec(text.textContent))) {
            const r = document.createRange();
            r.setStart(text, m.index); r.setEnd(text, m.index + m[0].length);
            const lines = new Set([...r.getClientRects()].map(c => Math.round(c.top)));
            if (lines.size > 1) out.push(m[0]);
          }
        }
        return out;
    }"""
    )
    assert page.locator(".tb-matrix__table th a").count() == len(CAT.elements)
    assert split == []


def test_no_empty_navigation_column_but_the_phone_menu_still_works(
    page: Any, site_url: str, site_pages: dict[str, str]
) -> None:
    page.set_viewport_size(LAPTOP)
    for name in ("home", "intervention", "element", "finder"):
        page.goto(f"{site_url}/{site_pages[name]}")
        assert not page.locator(".md-sidebar--primary").is_visible(), name
    page.goto(f"{site_url}/{site_pages['roadmap']}")  # a section with two pages keeps its column
    nav = page.locator(".md-sidebar--primary")
    assert nav.is_visible()
    assert nav.get_by_role("link", name="Communicatie over de NSE").is_visible()
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/{site_pages['intervention']}")
    page.locator(".md-header label[for=__drawer]").click()
    assert page.locator(".md-sidebar--primary").get_by_role("link", name="Casussen").first.is_visible()


def test_header_shows_a_text_wordmark_and_eight_navigation_entries(page: Any, site_url: str) -> None:
    page.set_viewport_size(LAPTOP)
    page.goto(f"{site_url}/aanpakken/")
    mark = page.locator(".md-header .tb-wordmark")
    assert mark.inner_text().splitlines()[0].strip() == "Samen Sterker"
    assert mark.evaluate("a => new URL(a.href).pathname") == "/"
    tabs = page.locator(".md-tabs__link").all_inner_texts()
    assert [t.strip() for t in tabs] == [
        "Home",
        "Elementen",
        "Aanpakken",
        "Casussen",
        "Roadmap & communicatie",
        "Onderzoek",
        "Actieplan",
        "Over",
    ]
    assert page.locator(".md-content__button").count() == 0  # no pencil


@pytest.mark.parametrize("name", ["element", "intervention", "case"])
def test_record_footer_leads_to_the_editors_view(
    page: Any, site_url: str, site_pages: dict[str, str], name: str
) -> None:
    page.goto(f"{site_url}/{site_pages[name]}")
    article = page.locator("article")
    assert "tekstversie" not in article.inner_text()
    assert "gemaakt uit" not in article.inner_text()
    editors = page.locator("#tb-redactie")
    assert not editors.is_visible()
    improve = page.locator(".tb-record-footer").get_by_role("link", name="Verbeter deze pagina")
    href = improve.get_attribute("href")
    if href == "#tb-redactie":
        improve.click()
    else:  # the contribution form is set for this record; the editors' view has its own link
        page.locator(".tb-record-footer a[href='#tb-redactie']").click()
    assert editors.is_visible()
    assert editors.locator("a[rel=edit]").get_attribute("href", timeout=1000)
    assert "content/" in editors.inner_text()
    lines = page.locator(".tb-lines")
    if lines.count():
        assert lines.first.is_visible()
        assert "tekstversie" in article.inner_text()


def test_citations_name_authors_year_title_section_and_link(
    page: Any, site_url: str, site_pages: dict[str, str]
) -> None:
    page.goto(f"{site_url}/{site_pages['intervention']}")
    iv = CAT.interventions[site_pages["intervention"].split("/")[1]]
    source = iv.sources[0]
    doc = CAT.documents[source.document]
    item = page.locator("#bron ~ ul li").first
    text = item.inner_text()
    assert doc.authors[0] in text and doc.date[:4] in text and doc.title in text
    assert source.section.split(":")[0] in text
    if doc.url:
        assert item.locator(f"a[href='{doc.url}']").count() == 1


def test_visitor_texts_without_developer_artefacts(page: Any, site_url: str, site_pages: dict[str, str]) -> None:
    page.goto(f"{site_url}/aanpakken/")
    page.wait_for_selector("#tb-finder[data-tb-ready]")
    assert "Zonder JavaScript" not in page.locator("article").inner_text()
    page.goto(f"{site_url}/communicatie/")
    timeline = page.evaluate(
        """() => { const out = []; let n = document.getElementById('tijdlijn').nextElementSibling;
        while (n && n.tagName !== 'H2') { out.push(n.innerText); n = n.nextElementSibling; } return out.join('\\n'); }"""
    )
    assert "Communicatiesessie" in timeline
    assert not any(word in timeline for word in ("extractie", "regel", "tekstversie", "001:"))
    page.goto(f"{site_url}/{site_pages['case']}")
    assert page.locator("article a[href='https://samensterkerinhetonderwijs.nl/']").count() >= 1


def test_home_page_says_what_whose_and_three_ways_in(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/")
    ways = page.locator(".tb-start .tb-start__title").all_inner_texts()
    assert ways == ["Zoek een aanpak", "Bekijk de elementen", "Maak een actieplan"]
    text = page.locator("article").inner_text()
    report = CAT.documents["nro-2025"]
    assert all(a in text for a in report.authors)
    assert report.funder and f"gefinancierd door het {report.funder}" in text
    assert page.locator("article a[href$='zelfscan/']").count() >= 1
    assert "Roadmap naar studentsucces" in text and "Roadmap to" not in text


def test_nothing_overflows_a_phone_screen(page: Any, site_url: str, site_pages: dict[str, str]) -> None:
    """The header's wordmark, toggle and search fit 390px; no page scrolls sideways."""
    page.set_viewport_size(PHONE)
    for name in ("home", "intervention", "element"):
        page.goto(f"{site_url}/{site_pages[name]}")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
        mark = page.locator(".tb-wordmark__name").bounding_box()
        search = page.locator("#tb-search-input").bounding_box()
        assert mark and search and search["x"] + search["width"] <= PHONE["width"]
        assert page.locator(".tb-wordmark__name").evaluate(
            "e => e.scrollWidth <= e.parentElement.parentElement.clientWidth"
        )
