"""Practice examples submitted by institutions: a second provenance, validated and never shown as the report's.

The examples here are test data in a copy of the repository; `content/` holds none (they must come
from an institution, not from us)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_toolbox
from toolbox.catalog import load_catalog
from toolbox.problems import ContentError
from toolbox.render import render_site
from toolbox.sitemap import P, record_uri

EXAMPLE = """
  - id: proef-koffie-met-de-decaan
    title: "Koffie met de decaan"
    elements: [persoonlijke-aandacht]
    sectors: [HBO]
    description: |
      Eerstejaars drinken in de eerste weken in kleine groepjes koffie met de decaan.
    submitted:
      institution: "Hogeschool Proef"
      team: "Team studentenwelzijn"
      date: 2026-11-30
      contact: "studentenwelzijn@hogeschool-proef.example"
      url: "https://hogeschool-proef.example/koffie"
"""


def add_example(repo: Path, text: str = EXAMPLE) -> int:
    path = repo / "content/interventions.yaml"
    old = path.read_text(encoding="utf-8")
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 2  # the `- id:` line


def problems(repo: Path) -> list[str]:
    with pytest.raises(ContentError) as exc:
        load_catalog(repo)
    return [str(p) for p in exc.value.problems]


def test_a_practice_example_validates_without_a_report(repo: Path) -> None:
    add_example(repo)
    assert run_toolbox(repo, "validate").returncode == 0
    iv = load_catalog(repo).interventions["proef-koffie-met-de-decaan"]
    assert iv.is_practice_example and iv.sources == [] and iv.numbers == []
    assert iv.submitted is not None and iv.submitted.institution == "Hogeschool Proef"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '      contact: "studentenwelzijn@hogeschool-proef.example"\n      url: "https://hogeschool-proef.example/koffie"\n',
            "",
            "submitted: een praktijkvoorbeeld noemt een 'contact' of een 'url' (of allebei)",
        ),
        (
            "    sectors: [HBO]\n",
            "    sectors: [HBO]\n    numbers: [5]\n",
            "een praktijkvoorbeeld staat niet in bijlage 7",
        ),
        ("      date: 2026-11-30\n", "      date: 30 november\n", "date moet een datum (JJJJ-MM-DD) zijn"),
        (EXAMPLE[EXAMPLE.index("    submitted:") :], "", "noem in 'sources' het rapport waar de aanpak in staat"),
    ],
)
def test_a_practice_example_needs_its_provenance(repo: Path, old: str, new: str, message: str) -> None:
    assert old in EXAMPLE
    add_example(repo, EXAMPLE.replace(old, new))
    found = problems(repo)
    assert any(
        p.startswith("content/interventions.yaml:") and "aanpak 'proef-koffie-met-de-decaan': " in p and message in p
        for p in found
    ), found


def test_a_practice_example_is_shown_as_such_and_never_as_the_reports(repo: Path) -> None:
    add_example(repo)
    cat = load_catalog(repo)
    pages = render_site(cat)
    page = pages[record_uri("intervention", "proef-koffie-met-de-decaan")].text
    assert '<span class="tb-tag tb-tag--practice">Praktijkvoorbeeld</span>' in page
    assert (
        "Praktijkvoorbeeld, ingediend door Hogeschool Proef (Team studentenwelzijn) op 2026-11-30. "
        "Contact: studentenwelzijn@hogeschool-proef.example. Meer informatie: <https://hogeschool-proef.example/koffie>."
    ) in page
    assert "Het rapport noemt" not in page and "Bijlage 7" not in page
    assert "heeft haar als praktijkvoorbeeld ingediend. De beschrijving is van de instelling." in page
    assert "De instelling gebruikt deze aanpak in het: HBO." in page

    link = "proef-koffie-met-de-decaan"
    element = pages[record_uri("element", "persoonlijke-aandacht")].text
    appendix, examples = element.split("Aanpakken uit bijlage 7 van het rapport bij dit element, per sector:", 1)[
        1
    ].split("### Praktijkvoorbeelden van instellingen", 1)
    assert link not in appendix, "a practice example is never listed as one of appendix 7"
    assert link in examples.split("## Casussen")[0]
    assert "praktijkvoorbeeld van Hogeschool Proef" in examples

    hbo = pages[P.sector["HBO"]].text
    assert "en 1 praktijkvoorbeeld van instellingen." in hbo
    assert "praktijkvoorbeeld van Hogeschool Proef" in hbo

    cards = json.loads(pages[P.finder_data].text)["cards"]
    by_id = {c["id"]: c for c in cards}
    assert by_id[link]["herkomst"] == "praktijkvoorbeeld" and by_id[link]["instelling"] == "Hogeschool Proef"
    assert {c["herkomst"] for i, c in by_id.items() if i != link} == {"rapport"}
    assert 'data-facet="herkomst"' in pages[P.finder].text


def test_toolbox_new_writes_a_practice_example(repo: Path) -> None:
    result = run_toolbox(
        repo, "new", "intervention", "--practice", "--title", "Koffie met de decaan", "--institution",
        "Hogeschool Proef", "--element", "1", "--sector", "HBO", "--url", "https://hogeschool-proef.example/koffie",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout
    assert "de gegevens van de instelling (submitted)" in result.stdout
    assert run_toolbox(repo, "validate", "--concept").returncode == 0
    iv = load_catalog(repo).interventions["koffie-met-de-decaan"]
    assert iv.submitted is not None and iv.submitted.url == "https://hogeschool-proef.example/koffie"
    assert iv.sources == [] and "TODO:" in iv.description


def test_the_json_schema_knows_both_provenances() -> None:
    import jsonschema
    import yaml

    from tests.conftest import ROOT

    schema = json.loads((ROOT / "schemas/interventions.schema.json").read_text(encoding="utf-8"))
    example = yaml.safe_load(EXAMPLE)[0]
    example["submitted"]["date"] = "2026-11-30"
    validator = jsonschema.Draft202012Validator(schema)
    assert not list(validator.iter_errors({"interventions": [example]}))
    assert list(validator.iter_errors({"interventions": [{**example, "numbers": [5]}]}))
    without = {k: v for k, v in example.items() if k != "submitted"}
    assert list(validator.iter_errors({"interventions": [without]}))
