"""The contribution form's data: the repository read from mkdocs.yml, the schema it is built from,
and the links to it from record pages (the form itself: tests/browser/test_contribution_form.py)."""

from __future__ import annotations

import json
from pathlib import Path
from string import Template

import pytest

from tests.conftest import ROOT
from toolbox.catalog import load_catalog
from toolbox.contribute import Repository, improve_urls, record_schema, repository
from toolbox.registry import BY_NAME
from toolbox.render import render_site
from toolbox.sitemap import P, record_uri

CAT = load_catalog(ROOT)


@pytest.mark.parametrize(
    ("repo_url", "template", "expected"),
    [
        (
            None,
            Template("https://github.com/samen-sterker/toolbox/edit/main/{path}"),
            Repository("https://github.com/samen-sterker/toolbox", "main"),
        ),
        ("https://github.com/o/r.git", None, Repository("https://github.com/o/r", "main")),
        (
            "https://github.com/o/r",
            "https://github.com/o/r/blob/dev/{path}",
            Repository("https://github.com/o/r", "dev"),
        ),
        (None, None, None),
        ("https://gitlab.example/o/r", None, None),  # only GitHub's web editor takes a prefilled file
    ],
)
def test_the_repository_comes_from_mkdocs_settings(repo_url: object, template: object, expected: object) -> None:
    assert repository(repo_url, template) == expected


def test_the_form_schema_is_the_models_with_references_as_choices() -> None:
    schema = record_schema(CAT, BY_NAME["intervention"])
    elements = schema["properties"]["elements"]["items"]
    assert elements["enum"] == list(CAT.elements) and elements["x-labels"]["maatwerk"] == "Maatwerk"
    source = schema["$defs"]["Source"]["properties"]["document"]
    assert source["enum"] == list(CAT.documents)
    assert schema["properties"]["description"]["x-multiline"] is True
    assert schema["properties"]["sectors"]["description"].startswith("Voor welke onderwijssectoren")
    assert schema["x-order"][:3] == ["id", "title", "numbers"]
    assert "anyOf" in schema and "x-messages" in schema


def test_record_pages_link_to_the_form_for_their_record() -> None:
    urls = improve_urls(CAT)
    assert urls[record_uri("intervention", "informele-gesprekken")] == "bijdragen/?wijzig=aanpak/informele-gesprekken"
    assert urls[record_uri("element", "maatwerk")] == "bijdragen/?wijzig=element/maatwerk"
    assert len(urls) == len(CAT.interventions) + len(CAT.cases) + len(CAT.elements)


def test_the_form_page_and_its_data_are_generated() -> None:
    repo = Repository("https://github.com/o/r", "main")
    pages = render_site(CAT, repo)
    data = json.loads(pages[P.contribute_data].text)
    assert data["repository"] == {
        "new_file": "https://github.com/o/r/new/main",
        "edit_file": "https://github.com/o/r/edit/main/",
        "issues": "https://github.com/o/r/issues/new",
    }
    assert [t["word"] for t in data["types"]] == ["aanpak", "casus", "element"]
    assert data["types"][0]["new_file"] == "content/interventions/{id}.yaml"
    assert "informele-gesprekken" in data["taken"] and "alle" in data["taken"]
    assert 'id="tb-contribute"' in pages[P.contribute].text
    assert "repository" not in json.loads(render_site(CAT)[P.contribute_data].text)


def test_a_proposal_file_beside_the_list_is_read_and_checked(repo: Path) -> None:
    from tests.test_validate import problems

    folder = repo / "content/interventions"
    folder.mkdir()
    text = (
        "# yaml-language-server: $schema=../../schemas/interventions.schema.json\n"
        "interventions:\n"
        "  - id: koffie-uurtje\n"
        '    title: "Koffie-uurtje"\n'
        "    elements: [persoonlijke-aandacht]\n"
        "    sectors: [MBO]\n"
        "    description: Koffie.\n"
        "    sources:\n"
        "      - document: nro-2025\n"
        '        section: "Bijlage 7"\n'
    )
    (folder / "koffie-uurtje.yaml").write_text(text, encoding="utf-8")
    cat = load_catalog(repo)
    assert cat.origins["koffie-uurtje"].path == "content/interventions/koffie-uurtje.yaml"
    (folder / "koffie-uurtje.yaml").write_text(text.replace("[MBO]", "[Mbo]"), encoding="utf-8")
    assert problems(repo) == [
        "content/interventions/koffie-uurtje.yaml:6:15: aanpak 'koffie-uurtje': sectors 'Mbo' is ongeldig; kies uit MBO, HBO, WO (bedoelde je 'MBO'?)"
    ]
