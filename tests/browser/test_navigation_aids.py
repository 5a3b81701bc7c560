"""The breadcrumb on record pages, and the drawer closed again after the Back button.

Material marks its drawer checkbox autocomplete="off" (invalid HTML) so browsers do not restore
an open drawer; the build drops the attribute and assets/toggles.js closes the drawer instead.
"""

from __future__ import annotations

from typing import Any

PHONE = {"width": 390, "height": 844}


def test_a_record_page_shows_where_it_belongs(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/casussen/escaperoom-hanze/")
    crumbs = page.locator("nav.md-path[aria-label=Kruimelpad] a")
    assert crumbs.all_inner_texts() == ["Home", "Casussen"]
    assert crumbs.nth(1).is_visible()
    crumbs.nth(1).click()
    page.wait_for_url(f"{site_url}/casussen/")
    assert page.locator("nav.md-path").count() == 0  # a top-level page: the tabs show where it is
    assert page.console_errors == []


def test_the_drawer_is_closed_after_going_back(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/over/")
    assert page.locator("#__drawer").get_attribute("autocomplete") is None
    page.click('.md-header label[for="__drawer"]')
    assert page.eval_on_selector("#__drawer", "e => e.checked")
    # /over/ is in the "Over" group (design's eight entries): on a phone the drawer opens at that
    # group, and its back arrow leads to the top level with "Casussen".
    page.click(".md-nav--primary .md-nav__item--active > .md-nav > label.md-nav__title")
    page.locator(".md-nav--primary a", has_text="Casussen").first.click()
    page.wait_for_url(f"{site_url}/casussen/")
    page.go_back()
    page.wait_for_url(f"{site_url}/over/")
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert page.locator(".md-sidebar--primary").evaluate("e => e.getBoundingClientRect().right <= 0")
    context.close()
