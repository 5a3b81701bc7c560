"""Element and case pages print as clean A4 handouts: Chromium's PDF, pages counted."""

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


def test_element_pages_print_measured(page: Any, site_url: str) -> None:
    counts = {e: pdf_pages(_print(page, f"{site_url}/elementen/{e}/")) for e in CAT.elements}
    within = sum(1 for n in counts.values() if n <= 2)
    print(f"\nelement handouts (A4 pages): {counts}; {within}/{len(counts)} within two pages")
    assert all(n >= 1 for n in counts.values())


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
