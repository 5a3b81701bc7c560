"""The contribution form (/bijdragen/) in Chromium: generated from the JSON Schema, checked while
typing in Dutch, and producing YAML that `toolbox validate` accepts unchanged in a copy of the
repository; the web-editor URL for a configured repository; copy and the issue route without one.
Also the finder's provenance filter, on a copy with a practice example (test data, not content/)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.test_a11y import run_axe
from tests.conftest import copy_repository, run_toolbox
from tests.support.gzip_server import serve
from tests.support.site_build import build_site
from tests.test_practice_examples import EXAMPLE, add_example
from toolbox.catalog import load_catalog

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository with a practice example, built with its configured repository (mkdocs.yml)."""
    repo = copy_repository(tmp_path_factory.mktemp("contribute") / "repo")
    add_example(repo)
    with serve(build_site(repo.parent / "site", repo)) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository built without a repository address (no repo_url, no edit_uri_template)."""
    repo = copy_repository(tmp_path_factory.mktemp("bare") / "repo")
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^(repo_url|edit_uri_template):.*\n", "", text), encoding="utf-8")
    with serve(build_site(repo.parent / "site", repo)) as url:
        yield url.rstrip("/")


def open_form(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#tb-contribute[data-tb-ready]")


def field(page: Any, name: str) -> Any:
    return page.locator(f'#tb-contribute-form [data-field="{name}"]')


def error(page: Any, name: str) -> str:
    return str(field(page, name).locator(".tb-field__error").first.text_content() or "")


def yaml_text(page: Any) -> str:
    return str(page.locator("#tb-contribute-yaml").text_content())


def fill_new_intervention(page: Any, ident: str) -> None:
    field(page, "id").locator("input").fill(ident)
    field(page, "title").locator("input").fill("Koffie-uurtje met de mentor")
    field(page, "elements").get_by_label("Persoonlijke aandacht").check()
    field(page, "elements").get_by_label("Warm welkom").check()
    field(page, "sectors").locator("input").fill("MBO, HBO")
    field(page, "description").locator("textarea").fill(
        'Eerste alinea over: koffie, met "aanhalingstekens" en een #.\n\nTweede alinea.\n- een lijst\n- nog een'
    )
    field(page, "sources.0.document").locator("select").select_option("nro-2025")
    field(page, "sources.0.section").locator("input").fill("Bijlage 7: Werkzame elementen en aanpakken")


def test_new_intervention_is_checked_while_typing_and_validates(page: Any, site: str, tmp_path: Path) -> None:
    open_form(page, f"{site}/bijdragen/?nieuw=aanpak")
    assert page.locator("#tb-contribute-title").text_content() == "Nieuwe aanpak voorstellen"
    # Help texts are the models' field descriptions.
    assert "kleine letters, cijfers en streepjes" in str(field(page, "id").text_content())
    fill_new_intervention(page, "koffie-uurtje-met-de-mentor")

    field(page, "sectors").locator("input").fill("MBO, hbo ")
    assert error(page, "sectors") == "sectors 'hbo' is ongeldig; kies uit MBO, HBO, WO (bedoelde je 'HBO'?)"
    description = field(page, "description").locator("textarea")
    text = description.input_value()
    description.fill("")
    assert error(page, "description") == "verplicht veld 'description' ontbreekt; vul het in"
    assert page.get_attribute("#tb-contribute", "data-tb-problems") == "2"
    assert page.locator("#tb-contribute-open").get_attribute("aria-disabled") == "true"
    field(page, "id").locator("input").fill("informele-gesprekken")
    assert error(page, "id") == "id 'informele-gesprekken' is al in gebruik; kies een andere id"

    field(page, "id").locator("input").fill("koffie-uurtje-met-de-mentor")
    field(page, "sectors").locator("input").fill("MBO, HBO")
    description.fill(text)
    assert error(page, "sectors") == error(page, "description") == ""
    assert page.get_attribute("#tb-contribute", "data-tb-problems") == "0"
    yaml = yaml_text(page)

    href = str(page.locator("#tb-contribute-open").get_attribute("href"))
    url = urlparse(href)
    assert (url.scheme, url.netloc, url.path) == ("https", "github.com", "/samen-sterker/toolbox/new/main")
    query = parse_qs(url.query)
    assert query["filename"] == ["content/interventions/koffie-uurtje-met-de-mentor.yaml"]
    assert query["value"] == [yaml]

    repo = copy_repository(tmp_path / "repo")
    target = repo / query["filename"][0]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml, encoding="utf-8")
    result = run_toolbox(repo, "validate")
    assert result.returncode == 0, result.stderr + yaml
    iv = load_catalog(repo).interventions["koffie-uurtje-met-de-mentor"]
    assert iv.elements == ["persoonlijke-aandacht", "warm-welkom"] and iv.sectors == ["MBO", "HBO"]
    assert iv.description == text.strip()
    assert page.console_errors == []


def test_a_practice_example_from_the_form_validates(page: Any, site: str, tmp_path: Path) -> None:
    open_form(page, f"{site}/bijdragen/?nieuw=aanpak")
    fill_new_intervention(page, "koffie-bij-de-decaan")
    first = field(page, "elements").get_by_label("Persoonlijke aandacht")
    first.uncheck()
    first.check()  # now the second: the order is the editor's, the first is the most important
    field(page, "sources.0.document").locator("select").select_option("")
    field(page, "sources.0.section").locator("input").fill("")
    assert "vul 'submitted' in" in str(page.locator("#tb-contribute-errors").text_content())
    field(page, "submitted").get_by_label("submitted invullen").check()
    field(page, "submitted.institution").locator("input").fill("Hogeschool Proef")
    field(page, "submitted.date").locator("input").fill("2026-11-30")
    assert "'contact' of een 'url'" not in error(page, "submitted")  # not in the schema: validate says it
    field(page, "submitted.url").locator("input").fill("https://hogeschool-proef.example/koffie")
    assert page.get_attribute("#tb-contribute", "data-tb-problems") == "0", page.inner_text("#tb-contribute-form")
    repo = copy_repository(tmp_path / "repo")
    (repo / "content/interventions").mkdir()
    (repo / "content/interventions/koffie-bij-de-decaan.yaml").write_text(yaml_text(page), encoding="utf-8")
    result = run_toolbox(repo, "validate")
    assert result.returncode == 0, result.stderr + yaml_text(page)
    iv = load_catalog(repo).interventions["koffie-bij-de-decaan"]
    assert iv.submitted is not None and iv.sources == []
    assert iv.elements == ["warm-welkom", "persoonlijke-aandacht"]


def _replace_record(path: Path, ident: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, ln in enumerate(lines) if ln == f"  - id: {ident}\n")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id: ")), len(lines))
    while end > start and not lines[end - 1].strip():
        end -= 1
    path.write_text("".join(lines[:start]) + new + "".join(lines[end:]), encoding="utf-8")


@pytest.mark.parametrize(
    ("word", "ident"),
    [
        ("aanpak", "informele-gesprekken"),
        ("aanpak", "introductieactiviteiten"),  # its elements are not in the elements' own order
        ("casus", "studieloket-hanze"),  # likewise
        ("casus", "escaperoom-hanze"),
        ("element", "maatwerk"),
    ],
)
def test_a_correction_reproduces_the_record_and_opens_its_file(
    page: Any, site: str, tmp_path: Path, word: str, ident: str
) -> None:
    from tests.conftest import ROOT

    before = load_catalog(ROOT)
    rt = before.type_of(ident)
    assert rt is not None
    origin = before.origins[ident]
    open_form(page, f"{site}/bijdragen/?wijzig={word}/{ident}")
    assert ident in str(page.locator("#tb-contribute-title").text_content())
    assert page.get_attribute("#tb-contribute", "data-tb-problems") == "0", page.inner_text("#tb-contribute-form")
    title = field(page, "title").locator("input")
    title.fill(title.input_value() + " (verbeterd)")
    yaml = yaml_text(page)
    href = urlparse(str(page.locator("#tb-contribute-open").get_attribute("href")))
    assert (href.netloc, href.path) == ("github.com", f"/samen-sterker/toolbox/edit/main/{origin.path}")

    repo = copy_repository(tmp_path / "repo")
    if word == "aanpak":
        assert f"regel {origin.line}" in page.inner_text("#tb-contribute-send")
        _replace_record(repo / origin.path, ident, yaml)
    else:
        (repo / origin.path).write_text(yaml, encoding="utf-8")
    result = run_toolbox(repo, "validate")
    assert result.returncode == 0, result.stderr + yaml
    after = load_catalog(repo).records[rt.name][ident]
    old = before.records[rt.name][ident]
    assert after.title == old.title + " (verbeterd)"
    assert after.model_copy(update={"title": old.title}) == old, "every other field is kept exactly"


def test_without_a_repository_the_form_offers_copy_and_the_issue_route(page: Any, bare_site: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_form(page, f"{bare_site}/bijdragen/?nieuw=aanpak")
    fill_new_intervention(page, "koffie-uurtje-met-de-mentor")
    assert page.locator("#tb-contribute-open").count() == 0
    issue = page.locator("#tb-contribute-issue")
    assert issue.get_attribute("href") == "../over/#bijdragen" and issue.text_content() == "het issueformulier"
    assert "geen repository ingesteld" in page.inner_text("#tb-contribute-send")
    page.locator("#tb-contribute-copy").click()
    page.wait_for_function("() => document.querySelector('#tb-contribute-status').textContent.includes('gekopieerd')")
    assert page.evaluate("() => navigator.clipboard.readText()") == yaml_text(page)


def test_a_record_page_links_to_its_correction_form(page: Any, site: str) -> None:
    from toolbox.sitemap import P, page_url, record_uri, url_path

    uri = record_uri("case", "escaperoom-hanze")
    page.goto(f"{site}/{url_path(uri)}/")
    page.click("a.tb-improve")  # the link as rendered, not resolved by the test
    page.wait_for_url(f"{site}/{page_url(P.contribute)}?wijzig=casus/escaperoom-hanze")
    page.wait_for_selector("#tb-contribute[data-tb-ready]")
    assert page.locator("#tb-contribute-title").text_content() == "Verbeter casus 'escaperoom-hanze'"


def test_the_finder_filters_and_marks_practice_examples(page: Any, site: str) -> None:
    page.goto(f"{site}/aanpakken/")
    page.wait_for_selector("#tb-finder[data-tb-ready]")
    page.locator("#tb-finder input[name=herkomst][value=praktijkvoorbeeld]").check()
    page.wait_for_function("() => location.search.includes('herkomst=praktijkvoorbeeld')")
    shown = page.locator("#tb-results .tb-card:not([hidden])")
    assert shown.count() == 1
    assert shown.first.get_attribute("data-id") == "proef-koffie-met-de-decaan"
    assert shown.first.locator('[data-slot="herkomst"]').text_content() == "praktijkvoorbeeld van Hogeschool Proef"
    assert "Koffie met de decaan" in EXAMPLE


def test_the_form_has_no_accessibility_violations(page: Any, site: str) -> None:
    open_form(page, f"{site}/bijdragen/?nieuw=aanpak")
    field(page, "sectors").locator("input").fill("hbo ")  # with a message shown
    assert run_axe(page) == []


def test_every_record_round_trips_through_the_correction_form(page: Any, site: str, tmp_path: Path) -> None:
    """The YAML the form writes for every intervention, case and element, unchanged, loads as the same records."""
    from tests.conftest import ROOT

    before = load_catalog(ROOT)
    repo = copy_repository(tmp_path / "repo")
    words = {"intervention": "aanpak", "case": "casus", "element": "element"}
    entries: list[str] = []
    for name, word in words.items():
        for ident in before.records[name]:
            open_form(page, f"{site}/bijdragen/?wijzig={word}/{ident}")
            assert page.get_attribute("#tb-contribute", "data-tb-problems") == "0", ident
            if name == "intervention":
                entries.append(yaml_text(page))
            else:
                (repo / before.origins[ident].path).write_text(yaml_text(page), encoding="utf-8")
    path = repo / "content/interventions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - id: ")] + "\n".join(entries), encoding="utf-8")
    result = run_toolbox(repo, "validate")
    assert result.returncode == 0, result.stderr
    after = load_catalog(repo)
    for name in words:
        assert after.records[name] == before.records[name], name
