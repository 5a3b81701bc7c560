"""The self-scan: the report's recommendations as questions, a result per element and ring, and
suggestions in the action plan, on a phone and on a laptop."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.browser.plan_helpers import CAT, axe_wcag22, fresh_page, open_plan, stored
from toolbox import browser_data
from toolbox import models as m

DEVICES = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 3,
    },
    "laptop": {"viewport": {"width": 1366, "height": 768}},
}
COLUMNS = ["al", "deels", "nee", "nvt", "open"]


def scan_order() -> list[tuple[str, str]]:
    """(element id, recommendation id) in the page's order: by ring, then element."""
    return [
        (el.id, f"{el.id}/aanbeveling-{n}")
        for ring in m.RINGS
        for el in CAT.elements.values()
        if el.ring == ring
        for n in range(1, len(el.recommendations) + 1)
    ]


def answers_for(device: str) -> dict[str, str]:
    """A varied, fixed set of answers: every third element all 'al', a few questions left open."""
    out: dict[str, str] = {}
    cycle = ["deels", "al", "nee", "nvt"] if device == "phone" else ["nee", "nvt", "al", "deels"]
    for k, el in enumerate(CAT.elements.values()):
        for n in range(1, len(el.recommendations) + 1):
            if (k + n) % 7 == 0:
                continue  # not answered
            out[f"{el.id}/aanbeveling-{n}"] = "al" if k % 3 == 0 else cycle[(k + n) % 4]
    return out


def expected_suggestions(answers: dict[str, str], sector: str) -> list[str]:
    """From the catalog: per element in order, its 'deels'/'nog niet' recommendations, then every
    intervention of that element for the sector; each id once."""
    out: list[str] = []
    for el in CAT.elements.values():
        recs = [
            f"{el.id}/aanbeveling-{n}"
            for n in range(1, len(el.recommendations) + 1)
            if answers.get(f"{el.id}/aanbeveling-{n}") in ("deels", "nee")
        ]
        if not recs:
            continue
        ivs = [
            f"aanpak/{i}"
            for i in CAT.related(el.id, "interventions")
            if not sector or sector in CAT.interventions[i].sectors
        ]
        out += [i for i in recs + ivs if i not in out]
    return out


def expected_counts(answers: dict[str, str]) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    for ring in m.RINGS:
        total = [0] * 5
        for el in CAT.elements.values():
            if el.ring != ring:
                continue
            row = [0] * 5
            for n in range(1, len(el.recommendations) + 1):
                row[COLUMNS.index(answers.get(f"{el.id}/aanbeveling-{n}", "open"))] += 1
            counts[el.id] = row
            total = [a + b for a, b in zip(total, row, strict=True)]
        counts[f"ring:{ring}"] = total
    return counts


def open_scan(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/zelfscan/")
    page.wait_for_selector("#tb-scan[data-tb-ready]")


@pytest.mark.parametrize(("device", "sector"), [("phone", "HBO"), ("laptop", "")])
def test_full_scan_fills_the_plan_with_exactly_the_expected_suggestions(
    browser: Any, site_url: str, device: str, sector: str
) -> None:
    answers = answers_for(device)
    with fresh_page(browser, **DEVICES[device]) as page:
        open_scan(page, site_url)
        # The questions are the report's recommendations, in its words, by ring and element.
        order = scan_order()
        assert len(order) == 48
        assert page.locator("fieldset[data-rec]").evaluate_all("fs => fs.map(f => f.dataset.rec)") == [
            r for _, r in order
        ]
        legends = page.locator("fieldset[data-rec] legend").all_inner_texts()
        assert legends == [
            browser_data.plain(CAT.elements[e].recommendations[int(r.rsplit("-", 1)[1]) - 1]) for e, r in order
        ]
        for _, rec in order:
            if rec not in answers:
                continue
            label = page.locator(f'fieldset[data-rec="{rec}"] label.tb-scan__a--{answers[rec]}')
            if device == "phone":
                label.tap()
            else:
                label.click()
        page.select_option("#tb-scan-sector", sector)
        checked = page.locator("fieldset[data-rec] input:checked").evaluate_all("is => is.map(i => [i.name, i.value])")
        assert dict(checked) == answers

        # The result per element and ring: the table is the text alternative of the bars.
        rows = page.locator("#tb-scan-summary tbody tr").evaluate_all(
            "trs => trs.map(tr => [tr.dataset.key, [...tr.querySelectorAll('td')].map(td => +td.textContent)])"
        )
        assert dict(rows) == expected_counts(answers)
        chart = page.locator("#tb-scan-summary [role=img]")
        assert chart.count() == 1
        name = chart.get_attribute("aria-label") or ""
        assert all(label in name for label in m.RINGS.values())
        answered = len(answers)
        assert page.inner_text("#tb-scan-progress") == f"Je hebt {answered} van de 48 aanbevelingen beantwoord."
        if device == "phone":  # nothing wider than the screen, and accessible at this size too
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            assert axe_wcag22(page) == []

        page.locator("#tb-scan-apply").click()
        page.wait_for_selector("#tb-scan-status[data-tb-done]")
        want = expected_suggestions(answers, sector)
        assert page.get_attribute("#tb-scan-status", "data-tb-done") == str(len(want))
        assert [i["id"] for i in stored(page)] == want
        assert all(i["suggested"] and i["status"] == "gepland" for i in stored(page))

        page.locator("#tb-scan-status a").click()
        page.wait_for_selector('#tb-plan[aria-busy="false"]', state="attached")
        shown = page.locator("[data-plan-item]").evaluate_all("ls => ls.map(l => l.dataset.planItem)")
        assert sorted(shown) == sorted(want) and len(shown) == len(want)
        assert page.locator("[data-plan-item] .tb-plan__tag").count() == len(want)
        if device == "phone":
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            assert axe_wcag22(page) == []
        print(f"\n{device}: {answered} answers, sector {sector or 'alle'}: {len(want)} suggestions")

        # Applying the scan again adds nothing twice.
        open_scan(page, site_url)
        page.locator("#tb-scan-apply").click()
        page.wait_for_selector("#tb-scan-status[data-tb-done]")
        assert page.get_attribute("#tb-scan-status", "data-tb-done") == "0"
        assert [i["id"] for i in stored(page)] == want
        assert page.console_errors == []


def test_answers_survive_a_reload_and_unreadable_ones_are_reported(browser: Any, site_url: str) -> None:
    with fresh_page(browser) as page:
        open_scan(page, site_url)
        first, second = (r for _, r in scan_order()[:2])
        page.check(f'fieldset[data-rec="{first}"] input[value="deels"]')
        page.check(f'fieldset[data-rec="{second}"] input[value="nvt"]')
        page.select_option("#tb-scan-sector", "WO")
        open_scan(page, site_url)
        assert page.is_checked(f'fieldset[data-rec="{first}"] input[value="deels"]')
        assert page.is_checked(f'fieldset[data-rec="{second}"] input[value="nvt"]')
        assert page.input_value("#tb-scan-sector") == "WO"
        assert page.inner_text(".tb-scan__notice") == ""

        # A damaged value: the readable answers stay, the rest is reported in Dutch, nothing runs.
        bad = {
            "version": 1,
            "sector": "<img src=x onerror=window.pwned=1>",
            "answers": {first: "nee", second: "<script>window.pwned=1</script>", "x/y": "al", '"]*': "al"},
        }
        page.evaluate("v => localStorage.setItem('tb-zelfscan-v1', v)", json.dumps(bad))
        open_scan(page, site_url)
        assert page.is_checked(f'fieldset[data-rec="{first}"] input[value="nee"]')
        assert page.locator(f'fieldset[data-rec="{second}"] input:checked').count() == 0
        assert page.input_value("#tb-scan-sector") == ""
        assert "4 bewaarde antwoorden waren onleesbaar" in page.inner_text(".tb-scan__notice")
        page.evaluate("localStorage.setItem('tb-zelfscan-v1', '{kapot')")
        open_scan(page, site_url)
        assert "konden niet worden gelezen" in page.inner_text(".tb-scan__notice")
        assert page.locator("fieldset[data-rec] input:checked").count() == 0
        assert page.evaluate("window.pwned") is None
        assert page.console_errors == []


def test_scan_without_deels_or_nog_niet_suggests_nothing(browser: Any, site_url: str) -> None:
    with fresh_page(browser) as page:
        open_scan(page, site_url)
        for _, rec in scan_order()[:5]:
            page.check(f'fieldset[data-rec="{rec}"] input[value="al"]')
        page.locator("#tb-scan-apply").click()
        assert "geen suggesties" in page.inner_text("#tb-scan-status")
        open_plan(page, f"{site_url}/actieplan/")
        assert page.locator("[data-plan-item]").count() == 0
