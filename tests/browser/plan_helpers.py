"""Helpers for the action plan and self-scan tests: contexts, stored plans, share links, axe."""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.browser.test_a11y import AXE
from tests.conftest import ROOT
from toolbox.catalog import load_catalog

CAT = load_catalog(ROOT)
STORE = "tb-actieplan-v1"
WCAG22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FIELDS = ("id", "owner", "due", "status", "note", "suggested")


def plan_ids() -> list[str]:
    """Every id the plan knows, in the order of its data file (elements, then roadmap items)."""
    ids: list[str] = []
    for el in CAT.elements.values():
        ids += [f"{el.id}/aanbeveling-{n}" for n in range(1, len(el.recommendations) + 1)]
        ids += [f"aanpak/{iv.id}" for iv in CAT.interventions.values() if iv.elements[0] == el.id]
    assert CAT.roadmap is not None
    for cluster in CAT.roadmap.clusters:
        for item in cluster.items:
            ids += [f"{item.id}/tip-{n}" for n in range(1, len(item.tips) + 1)]
    return ids


@contextmanager
def fresh_page(browser: Any, **options: Any) -> Iterator[Any]:
    """A page in a new browser context (its own localStorage), recording console errors."""
    context = browser.new_context(**options)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    try:
        yield page
    finally:
        context.close()


def open_plan(page: Any, url: str | None = None) -> None:
    """Open (or reload) the plan page and wait for its ready signal."""
    if url is None:
        page.reload()
    else:
        page.goto(url)
    page.wait_for_selector('#tb-plan[aria-busy="false"]', state="attached")


def item(id: str, **fields: Any) -> dict[str, Any]:
    return {"id": id, "owner": "", "due": "", "status": "gepland", "note": "", "suggested": False, **fields}


def store_plan(page: Any, site_url: str, items: list[dict[str, Any]], view: str = "element") -> None:
    """Put a plan in this context's storage (in the page's own format) and open the plan page."""
    open_plan(page, f"{site_url}/actieplan/")
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [STORE, json.dumps({"version": 2, "view": view, "items": items})],
    )
    open_plan(page)


def stored(page: Any) -> list[dict[str, Any]]:
    """The stored plan's items, with the fields a plan shares (not the saved display texts)."""
    raw = page.evaluate(f"localStorage.getItem('{STORE}')")
    items = json.loads(raw)["items"] if raw else []
    return [{k: i[k] for k in FIELDS} for i in items]


def share_link(site_url: str, payload: Any) -> str:
    """A share link as the page makes them (deflate-raw, base64url), for any payload a test needs."""
    raw = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = packer.compress(raw) + packer.flush()
    return f"{site_url}/actieplan/#deel=" + base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def read_share_link(link: str) -> Any:
    """The payload of a share link the page made."""
    value = link.split("#deel=", 1)[1]
    data = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    return json.loads(zlib.decompress(data, -15))


def axe_wcag22(page: Any) -> list[dict[str, Any]]:
    """axe-core violations for the WCAG 2.0-2.2 A and AA rules."""
    page.add_script_tag(path=str(AXE))
    return list(
        page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}))"
            ".violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))",
            WCAG22_AA,
        )
    )
