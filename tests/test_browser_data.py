"""The browser's data files (toolbox/browser_data.py): typed, complete, and plain text."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT
from toolbox import browser_data
from toolbox.catalog import load_catalog
from toolbox.render import render_site
from toolbox.sitemap import Links, P

CAT = load_catalog(ROOT)
PAGES = render_site(CAT)


def test_plan_data_holds_every_item_a_page_offers() -> None:
    """Every data-plan-id on a page has an entry, and the plan data holds nothing else."""
    data = browser_data.PlanData.model_validate_json(PAGES[P.plan_data].text)
    ids = [it.id for g in data.groups for it in g.items]
    assert len(ids) == len(set(ids))
    offered = {
        m.group(1)
        for uri, page in PAGES.items()
        if uri.endswith(".md") and uri != "aanpakken/index.md"  # the finder's cards repeat the pages' ids
        for m in re.finditer(r'data-plan-id="([^"]+)"', page.text)
    }
    assert offered == set(ids)
    assert sum(1 for i in ids if "/aanbeveling-" in i) == sum(len(e.recommendations) for e in CAT.elements.values())


def test_plan_data_matches_the_catalog() -> None:
    data = browser_data.PlanData.model_validate_json(PAGES[P.plan_data].text)
    elements = [g for g in data.groups if g.ring]
    assert [g.id for g in elements] == list(CAT.elements)
    for g in elements:
        el = CAT.elements[g.id]
        assert g.ring == el.ring
        assert g.interventions == CAT.related(el.id, "interventions")
        recs = [it for it in g.items if it.kind == "Aanbeveling"]
        assert [it.text for it in recs] == [browser_data.plain(r) for r in el.recommendations]
        ivs = [it for it in g.items if it.kind == "Aanpak"]
        assert [it.id for it in ivs] == [f"aanpak/{i.id}" for i in CAT.interventions.values() if i.elements[0] == el.id]
        for it in ivs:
            iv = CAT.interventions[it.id.removeprefix("aanpak/")]
            assert it.sectors == list(iv.sectors)
            assert it.url == f"../aanpakken/{iv.id}/"


def test_text_is_plain_and_not_escaped() -> None:
    """The scripts set text with textContent, so `<` stays `<` (no `&lt;` on the page)."""
    assert browser_data.plain("Zie [de gids](https://example.org/gids) en **lees** *dit* < 5") == (
        "Zie de gids (https://example.org/gids) en lees dit < 5"
    )
    iv = next(iter(CAT.interventions.values()))
    cat = load_catalog(ROOT)
    cat.interventions[iv.id] = iv.model_copy(update={"title": "Minder dan <10 studenten"})
    data = browser_data.plan_data(cat, Links(P.plan))
    raw = browser_data.to_json(data)
    assert "Minder dan <10 studenten" in raw and "&lt;" not in raw


def test_nse_check_data_is_the_rules_file() -> None:
    assert CAT.nse_rules is not None and CAT.communication is not None
    data = json.loads(PAGES[P.nse_data].text)
    assert data == {
        "rule": CAT.communication.rule,
        "disclaimer": CAT.nse_rules.disclaimer,
        "rules": [r.model_dump(mode="json") for r in CAT.nse_rules.rules],
    }
    page = PAGES["communicatie/check.md"].text
    assert 'data-rules="regels.json"' in page and "application/json" not in page
