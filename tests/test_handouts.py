"""Element and case pages print as clean A4 handouts: Chromium's PDF, pages counted.

Issue 12: every element handout fits on at most two A4 pages (by layout: two columns, a serif for
paper, tight spacing; no content is cut), with an 11pt body, a print header (site, page title,
address, date) and no quote split from its attribution."""

from __future__ import annotations

import re
from typing import Any

from tests.conftest import ROOT
from toolbox.catalog import load_catalog

CAT = load_catalog(ROOT)
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(pdf: bytes) -> int:
    """Page objects in a PDF (Chromium writes them uncompressed; /Pages nodes are not counted)."""
    assert pdf.startswith(b"%PDF-")
    return len(_PAGE.findall(pdf))


def _print(page: Any, url: str) -> bytes:
    page.goto(url)
    page.emulate_media(media="print")
    return bytes(page.pdf(format="A4", print_background=False, prefer_css_page_size=True))


def test_pdf_page_counter() -> None:
    assert pdf_pages(b"%PDF-1.4 <</Type /Pages /Count 2>> <</Type /Page>> <</Type/Page /X 1>>") == 2


def test_case_pages_print_on_at_most_two_pages(page: Any, site_url: str) -> None:
    counts = {c: pdf_pages(_print(page, f"{site_url}/casussen/{c}/")) for c in CAT.cases}
    print("\ncase handouts (A4 pages):", counts)
    assert counts and all(n <= 2 for n in counts.values()), counts


def test_every_element_handout_prints_on_at_most_two_pages(page: Any, site_url: str) -> None:
    counts = {e: pdf_pages(_print(page, f"{site_url}/elementen/{e}/")) for e in CAT.elements}
    print(f"\nelement handouts (A4 pages): {counts}")
    assert len(counts) == 16
    assert all(1 <= n <= 2 for n in counts.values()), counts


def test_handout_has_a_print_header_an_11pt_body_and_quotes_kept_whole(page: Any, site_url: str) -> None:
    element = next(e for e in CAT.elements.values() if e.quotes)
    page.goto(f"{site_url}/elementen/{element.id}/")
    page.emulate_media(media="print")
    header = page.locator(".tb-print-header")
    assert header.is_visible()
    text = header.inner_text()
    assert "Samen Sterker toolbox" in text
    assert f"{element.number}. {element.title}" in text
    assert f"{site_url}/elementen/{element.id}/" in text
    assert re.search(r"Afgedrukt op \d{1,2} [a-z]+ \d{4}", text), text
    body = page.locator("article p").nth(2)
    assert body.evaluate("p => getComputedStyle(p).fontSize") == f"{11 * 96 / 72:.4f}".rstrip("0") + "px"
    quote = page.locator("article blockquote").first
    assert quote.evaluate("q => getComputedStyle(q).breakInside") == "avoid"
    # the attribution is inside the quote's box, so it cannot be split from it
    assert quote.locator("p").count() >= 2
    page.emulate_media(media="screen")
    assert not header.is_visible()


def test_print_layout_hides_navigation_and_writes_links_out(page: Any, site_url: str) -> None:
    case = next(iter(CAT.cases.values()))
    page.goto(f"{site_url}/casussen/{case.id}/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-tabs"):
        loc = page.locator(selector)
        assert loc.count() == 0 or not loc.first.is_visible(), selector
    link = page.locator("article a[data-print-href]").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("data-print-href") in after
    assert "127.0.0.1" in after  # an internal link is written out as a full address
    assert page.console_errors == []
