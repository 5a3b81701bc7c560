"""The accessibility statement reports the checks the tests run, and a recorded result for each."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.browser.test_a11y import CHECKED
from toolbox.accessibility import AXE_TAGS, PAGE_TYPE_LABELS, SCHEMES, load_results


def test_recorded_results_cover_every_checked_page_type_and_the_tests_configuration() -> None:
    results = load_results()
    assert results is not None, "run bench/accessibility.py"
    assert {p.page_type: p.path for p in results.pages} == CHECKED
    assert results.tags == list(AXE_TAGS) and "wcag22aa" in results.tags
    assert results.schemes == list(SCHEMES)
    assert all(set(p.violations) == set(SCHEMES) for p in results.pages)
    assert results.rules > 50  # axe runs dozens of rules for these tags, not a handful


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def test_statement_page_shows_status_checks_results_and_contact(site_dir: Path) -> None:
    results = load_results()
    assert results is not None
    text = (site_dir / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    headings = [_text(h).rstrip("¶") for h in re.findall(r"<h2[^>]*>(.*?)</h2>", text, re.S)]
    assert headings[:5] == [
        "Status",
        "Wat we controleren",
        "Resultaten per soort pagina",
        "Bekende beperkingen",
        "Een probleem melden",
    ]
    for tag in AXE_TAGS:
        assert f"<code>{tag}</code>" in text
    body = re.search(r"<tbody>(.*?)</tbody>", text, re.S)
    assert body
    rows = re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S)
    assert len(rows) == len(results.pages)
    for row, result in zip(rows, results.pages, strict=True):
        cells = [_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        assert cells[0] == PAGE_TYPE_LABELS[result.page_type]
        assert cells[1] == f"/{result.path}"
        for cell, scheme in zip(cells[2:], results.schemes, strict=True):
            found = result.violations[scheme]
            assert (cell == "geen problemen gevonden") == (not found), (result.page_type, scheme, cell)
