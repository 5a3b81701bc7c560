"""Accessibility (WCAG 2.2 AA): axe-core finds no violations on any page type, light or dark.

axe-core comes from npm (`npm ci` installs it into node_modules/) and is injected into each page.
It runs every rule tagged for WCAG 2.0, 2.1 and 2.2 level A and AA, and axe's best practices
(`toolbox.accessibility.AXE_TAGS`); every violation counts, whatever its impact. The Material
palette follows the visitor's `prefers-color-scheme`, which the tests emulate. The accessibility
statement (/toegankelijkheid/) reports this same configuration and the results of
`bench/accessibility.py`, which runs these checks through `prepare` and `run_axe` below.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_privacy import PAGES
from tests.conftest import ROOT
from toolbox.accessibility import AXE_TAGS, SCHEMES

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHECKED = {**PAGES, "search-panel": PAGES["home"], "accessibility": "toegankelijkheid/"}


def prepare(page: Any, name: str) -> None:
    """Bring the page into the state a visitor would check: filters applied, results shown."""
    if name == "finder":
        page.wait_for_selector("#tb-finder[data-tb-ready]")
        page.locator("#tb-finder input[name=sector]").first.check()
        page.locator("#tb-finder input[name=thema]").first.check()
        page.wait_for_function("() => location.search.includes('sector=') && location.search.includes('thema=')")
    if name == "search":
        page.wait_for_selector("#tb-zoek-results li", timeout=5000)
    if name == "compare":
        page.wait_for_selector("#tb-compare[data-tb-ready]")
    if name == "search-panel":  # the header search with its result list open
        page.locator("#tb-search-input").fill("welzijn")
        page.wait_for_selector("#tb-search-panel li", timeout=5000)


def run_axe(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}))",
        list(AXE_TAGS),
    )
    return list(result)


@pytest.fixture(scope="module")
def axe_path() -> Path:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci` in the repository root")
    return AXE


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("name", sorted(CHECKED))
def test_axe_finds_no_violations(page: Any, site_url: str, axe_path: Path, name: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/{CHECKED[name]}")
    prepare(page, name)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    assert page.get_attribute("html", "lang") == "nl"
    violations = run_axe(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


def test_keyboard_focus_is_visible(page: Any, site_url: str) -> None:
    """Every link and control shows a focus indicator when reached with Tab."""
    page.goto(f"{site_url}/{PAGES['finder']}")
    missing: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            const ring = s.boxShadow && s.boxShadow !== 'none';
            return {name: el.tagName + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || '').trim().slice(0, 30),
                    visible: outline || ring || s.textDecorationLine.includes('underline')};
        }"""
        )
        if info and not info["visible"]:
            missing.append(info["name"])
    assert missing == []
