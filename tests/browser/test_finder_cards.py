"""Finder cards show record text as typed, whether the page or the script made the card."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from tests.conftest import run_mkdocs
from tests.support import synth
from tests.support.gzip_server import serve
from toolbox.catalog import load_catalog
from toolbox.render import FINDER_CARDS

# Valid Markdown (no HTML: '<' before a digit is no tag) that a double escape would show as "&lt;".
TEXT = "Voor studenten < 18 jaar & hun ouders."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    """A catalog just above the finder's server-rendered cards, with TEXT in the first and the last card."""
    repo = synth.make_catalog(tmp_path_factory.mktemp("cards") / "repo", FINDER_CARDS + 10)
    path = repo / "content/interventions.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for iv in (data["interventions"][0], data["interventions"][-1]):
        iv["description"] = TEXT
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    cat = load_catalog(repo)
    ids = list(cat.interventions)
    assert cat.interventions[ids[0]].description == TEXT == cat.interventions[ids[-1]].description
    result = run_mkdocs(repo, "--site-dir", str(repo / "site"))
    assert result.returncode == 0, result.stderr
    with serve(repo / "site") as url:
        yield url, ids[0], ids[-1]


def card_text(page: Any, ident: str) -> str:
    return str(page.locator(f'.tb-card[data-id="{ident}"] .tb-card__text').text_content())


def test_served_and_scripted_cards_show_the_text_as_typed(page: Any, site: tuple[str, str, str]) -> None:
    url, served, scripted = site
    page.goto(f"{url}/aanpakken/")
    page.wait_for_selector("#tb-finder[data-tb-ready]")
    assert card_text(page, served) == TEXT
    assert card_text(page, scripted) == TEXT  # made from the JSON data and the card template
    served_parts = page.locator(f'.tb-card[data-id="{served}"] > *').evaluate_all("ns => ns.map(n => n.className)")
    scripted_parts = page.locator(f'.tb-card[data-id="{scripted}"] > *').evaluate_all("ns => ns.map(n => n.className)")
    assert served_parts == scripted_parts


def test_cards_without_javascript_show_the_text_as_typed(browser: Any, site: tuple[str, str, str]) -> None:
    url, served, _ = site
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{url}/aanpakken/")
        assert card_text(page, served) == TEXT
    finally:
        context.close()
