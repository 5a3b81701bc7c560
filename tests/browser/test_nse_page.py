"""The NSE check page applies the same rules as `toolbox nse-check`, in the browser."""

from __future__ import annotations

from typing import Any

from tests.conftest import ROOT
from tests.test_nse_check import HELD_OUT_NEUTRAL, HELD_OUT_STEERING, NEUTRAL, STEERING
from toolbox.catalog import load_catalog
from toolbox.nse_check import check

CAT = load_catalog(ROOT)


def open_check(page: Any, site_url: str) -> None:
    """Open the check and wait until its rules are loaded (the form's ready signal)."""
    page.goto(f"{site_url}/communicatie/check/")
    page.wait_for_selector("#tb-nse-form[data-tb-ready]")


def test_page_and_cli_agree_on_every_test_message(page: Any, site_url: str) -> None:
    assert CAT.nse_rules is not None and CAT.communication is not None
    open_check(page, site_url)
    texts = (
        NEUTRAL
        + [t for t, _ in STEERING]
        + HELD_OUT_NEUTRAL
        + HELD_OUT_STEERING
        + CAT.communication.neutral_examples
        + CAT.communication.steering_examples
    )
    browser_flags = page.evaluate("ts => ts.map(t => window.tbNseCheck(t))", texts)
    python_flags = [[f.rule.id for f in check(t, CAT.nse_rules)] for t in texts]
    assert browser_flags == python_flags
    assert page.console_errors == []


def test_flag_is_explained_with_the_rule_and_neutral_phrasings(page: Any, site_url: str) -> None:
    assert CAT.nse_rules is not None and CAT.communication is not None
    open_check(page, site_url)
    assert "hulpmiddel, geen oordeel" in page.inner_text("article")
    page.fill("#tb-nse-text", "Beste studenten, vul de NSE in en geef de opleiding een 10!")
    page.click("#tb-nse-form button[type=submit]")
    flag = page.locator('.tb-nse__flag[data-rule="hoge-oordelen"]')
    assert flag.count() == 1
    text = flag.inner_text()
    rule = next(r for r in CAT.nse_rules.rules if r.id == "hoge-oordelen")
    assert rule.example in text
    assert CAT.communication.rule in text
    for s in rule.suggestions:
        assert s in text
    assert "geef de opleiding een 10" in flag.locator("mark").inner_text()
    assert page.locator("#tb-nse-result").get_attribute("aria-live") == "polite"

    page.fill("#tb-nse-text", CAT.communication.neutral_examples[0])
    page.click("#tb-nse-form button[type=submit]")
    assert page.locator(".tb-nse__flag").count() == 0
    assert "Geen sturende formuleringen gevonden" in page.inner_text("#tb-nse-result")
    assert "hulpmiddel, geen oordeel" in page.inner_text("#tb-nse-result")


def test_pasted_markup_stays_text(page: Any, site_url: str) -> None:
    open_check(page, site_url)
    page.fill("#tb-nse-text", "<img src=x onerror=window.pwned=1> geef ons een 10 in de NSE")
    page.click("#tb-nse-form button[type=submit]")
    assert page.locator("#tb-nse-result img").count() == 0
    assert page.evaluate("window.pwned") is None


def test_communication_page_links_to_the_check(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/communicatie/")
    page.click("text=Controleer je eigen NSE-bericht")
    assert page.url.endswith("/communicatie/check/")
