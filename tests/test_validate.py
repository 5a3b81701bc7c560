"""One failing input per validation rule, asserting the exact file, line and Dutch message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_toolbox
from toolbox.catalog import load_catalog
from toolbox.problems import ContentError


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` by `new` in a file; return the 1-based line where the edit starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def problems(repo: Path) -> list[str]:
    with pytest.raises(ContentError) as exc:
        load_catalog(repo)
    return [str(p) for p in exc.value.problems]


def test_valid_repository_loads(repo: Path) -> None:
    cat = load_catalog(repo)
    assert len(cat.elements) == 16


def test_missing_required_field_names_file_line_and_field(repo: Path) -> None:
    path = repo / "content/cases/studieloket-hanze.yaml"
    text = path.read_text(encoding="utf-8")
    start = next(ln for ln in text.splitlines() if ln.startswith("summary:"))
    path.write_text(text.replace(start, "samenvatting_weg: x", 1), encoding="utf-8")
    found = problems(repo)
    assert any(
        p.startswith("content/cases/studieloket-hanze.yaml:") and "verplicht veld 'summary' ontbreekt" in p
        for p in found
    ), found
    assert any("onbekend veld 'samenvatting_weg'" in p for p in found)


def test_enum_in_wrong_case_gets_a_hint(repo: Path) -> None:
    line = edit(repo / "content/cases/studieloket-hanze.yaml", "sector: HBO", "sector: Hbo")
    assert (
        f"content/cases/studieloket-hanze.yaml:{line}:9: casus 'studieloket-hanze': sector 'Hbo' is ongeldig; kies uit MBO, HBO, WO (bedoelde je 'HBO'?)"
        in problems(repo)
    )


def test_unknown_element_reference_names_file_and_line(repo: Path) -> None:
    path = repo / "content/interventions.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("elements: [persoonlijke-aandacht]", text.index("id: informele-gesprekken"))
    line = text[:at].count("\n") + 1
    col = at - text.rfind("\n", 0, at) + len("elements: [")
    path.write_text(
        text[:at] + "elements: [persoonlijke-aandachtt]" + text[at + len("elements: [persoonlijke-aandacht]") :],
        encoding="utf-8",
    )
    assert (
        f"content/interventions.yaml:{line}:{col}: aanpak 'informele-gesprekken': elements: onbekend element 'persoonlijke-aandachtt' "
        "(bedoelde je 'persoonlijke-aandacht'?)"
    ) in problems(repo)


def test_unknown_field_suggests_the_right_name(repo: Path) -> None:
    line = edit(repo / "content/elements/10-maatwerk.yaml", "summary:", "sumary:")
    assert any(
        p.startswith(f"content/elements/10-maatwerk.yaml:{line}:1:")
        and "onbekend veld 'sumary' (bedoelde je 'summary'?)" in p
        for p in problems(repo)
    )


def test_duplicate_key_is_an_error_not_silently_dropped(repo: Path) -> None:
    path = repo / "content/cases/escaperoom-hanze.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "sector: MBO\n", encoding="utf-8")
    last = len(text.splitlines()) + 1
    found = problems(repo)
    assert any(
        p.startswith(f"content/cases/escaperoom-hanze.yaml:{last}:1:") and "veld 'sector' staat dubbel" in p
        for p in found
    ), found


def test_id_used_twice_across_record_types(repo: Path) -> None:
    line = edit(repo / "content/cases/escaperoom-hanze.yaml", "id: escaperoom-hanze", "id: escaperoom")
    found = problems(repo)
    assert any(
        p.startswith(f"content/cases/escaperoom-hanze.yaml:{line}:5:")
        and "id 'escaperoom' is al in gebruik (in content/interventions.yaml:" in p
        for p in found
    ), found


def test_element_related_to_itself(repo: Path) -> None:
    path = repo / "content/elements/10-maatwerk.yaml"
    line = edit(path, "related:\n", "related:\n  - maatwerk\n") + 1
    assert any(
        p.startswith(f"content/elements/10-maatwerk.yaml:{line}:") and "kan niet aan zichzelf verwant zijn" in p
        for p in problems(repo)
    )


def test_invalid_slug_id(repo: Path) -> None:
    line = edit(repo / "content/cases/escaperoom-hanze.yaml", "id: escaperoom-hanze", "id: Escaperoom Hanze")
    assert any(
        p.startswith(f"content/cases/escaperoom-hanze.yaml:{line}:5:") and "is geen geldige id" in p
        for p in problems(repo)
    )


def test_appendix_row_claimed_by_two_interventions(repo: Path) -> None:
    path = repo / "content/interventions.yaml"
    cat = load_catalog(repo)
    owner = next(iv for iv in cat.interventions.values() if 3 in iv.numbers)
    other = next(iv for iv in cat.interventions.values() if 4 in iv.numbers)
    assert owner.id != other.id
    text = path.read_text(encoding="utf-8")
    start = text.index(f"id: {other.id}\n")
    numbers_at = text.index("numbers:", start)
    end = text.index("\n", numbers_at)
    new = text[:numbers_at] + "numbers: [3, 4]" + text[end:]
    path.write_text(new, encoding="utf-8")
    line = new[:numbers_at].count("\n") + 1
    assert any(
        p.startswith(f"content/interventions.yaml:{line}:")
        and f"rij 3 van bijlage 7 hoort al bij aanpak '{owner.id}'" in p
        for p in problems(repo)
    )


def test_unknown_case_and_source_document(repo: Path) -> None:
    line = edit(repo / "content/interventions.yaml", "case: escaperoom-hanze", "case: escaperoom-hanz")
    edit(repo / "content/cases/escaperoom-hanze.yaml", "document: nro-2025", "document: nro-2024")
    found = problems(repo)
    assert any(
        p.startswith(f"content/interventions.yaml:{line}:")
        and "onbekende casus 'escaperoom-hanz' (bedoelde je 'escaperoom-hanze'?)" in p
        for p in found
    )
    assert any(
        p.startswith("content/cases/escaperoom-hanze.yaml:")
        and "onbekend brondocument 'nro-2024' (bedoelde je 'nro-2025'?)" in p
        for p in found
    )


def test_stakeholder_must_use_the_canonical_spelling(repo: Path) -> None:
    path = repo / "content/roadmap.yaml"
    text = path.read_text(encoding="utf-8")
    items_at = text.index("    items:")
    target = text.index('- "HR-adviseurs"', items_at)
    line = text[:target].count("\n") + 1
    path.write_text(text[:target] + '- "HR adviseurs"' + text[target + len('- "HR-adviseurs"') :], encoding="utf-8")
    assert any(
        p.startswith(f"content/roadmap.yaml:{line}:") and "'HR adviseurs'" in p and "bedoelde je 'HR-adviseurs'?" in p
        for p in problems(repo)
    )


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("<script>alert(1)</script>", "ruwe HTML is niet toegestaan"),
        ("[klik](javascript:alert(1))", "'javascript:'-links zijn niet toegestaan"),
        ("zie http://example.org", "onveilige link 'http://'"),
        ("[site](www.example.org)", "link 'www.example.org' moet met https:// beginnen"),
    ],
)
def test_markdown_fields_reject_markup_that_could_inject(repo: Path, payload: str, message: str) -> None:
    line = edit(repo / "content/cases/escaperoom-hanze.yaml", "description: |\n", f"description: |\n  {payload}\n")
    assert any(p.startswith(f"content/cases/escaperoom-hanze.yaml:{line}:") and message in p for p in problems(repo))


def test_number_out_of_range(repo: Path) -> None:
    line = edit(repo / "content/elements/10-maatwerk.yaml", "number: 10", "number: 17")
    assert any(
        p.startswith(f"content/elements/10-maatwerk.yaml:{line}:9:")
        and "number 17 valt buiten het toegestane bereik (maximaal 16)" in p
        for p in problems(repo)
    )


def test_every_problem_is_reported_at_once(repo: Path) -> None:
    edit(repo / "content/cases/studieloket-hanze.yaml", "sector: HBO", "sector: Hbo")
    edit(repo / "content/elements/10-maatwerk.yaml", "summary:", "sumary:")
    edit(repo / "content/interventions.yaml", "case: escaperoom-hanze", "case: nergens")
    result = run_toolbox(repo, "validate")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/cases/studieloket-hanze.yaml" in result.stderr
    assert "content/elements/10-maatwerk.yaml" in result.stderr
    assert "content/interventions.yaml" in result.stderr
    assert result.stderr.strip().endswith("problemen gevonden.")


@pytest.mark.parametrize("reserved", ["alle", "pagina-2", "sector-mbo"])
def test_ids_of_generated_list_pages_are_reserved(repo: Path, reserved: str) -> None:
    line = edit(repo / "content/interventions.yaml", "  - id: informele-gesprekken\n", f"  - id: {reserved}\n")
    assert (
        f"content/interventions.yaml:{line}:9: aanpak: id '{reserved}' is gereserveerd voor een overzichtspagina; kies een andere id"
        in problems(repo)
    )


def test_ordinary_dutch_with_a_colon_is_not_taken_for_a_link(repo: Path) -> None:
    # "data: 2025" was refused as a 'data:'-link; an address without a space after the colon still is.
    edit(
        repo / "content/cases/escaperoom-hanze.yaml",
        "description: |\n",
        "description: |\n  Verzamelde data: 2025 en 2026.\n",
    )
    cat = load_catalog(repo)
    assert "Verzamelde data: 2025" in cat.cases["escaperoom-hanze"].description
    edit(repo / "content/cases/escaperoom-hanze.yaml", "data: 2025", "data:text/html,2025")
    assert any("'data:'-links zijn niet toegestaan" in p for p in problems(repo))


def test_a_renamed_source_document_gives_one_message_not_one_per_citation(repo: Path) -> None:
    edit(repo / "content/bronnen.yaml", "  - id: nro-2025\n", "  - id: nro-2026\n")
    found = problems(repo)
    assert len(found) == 1, found
    assert "onbekend brondocument 'nro-2025' (bedoelde je 'nro-2026'?)" in found[0]
    assert "dezelfde id staat op nog" in found[0]


def test_a_file_that_cannot_be_read_causes_no_errors_elsewhere(repo: Path) -> None:
    # interventions.yaml names this case; the broken file must not make that an "unknown case".
    (repo / "content/cases/escaperoom-hanze.yaml").write_text("id: escaperoom-hanze\ntitle: [\n", encoding="utf-8")
    found = problems(repo)
    assert all(p.startswith("content/cases/escaperoom-hanze.yaml:") for p in found), found
    edit(repo / "content/bronnen.yaml", "documents:\n", "documents: [\n")  # the source documents too
    assert all(p.startswith(("content/cases/escaperoom-hanze.yaml:", "content/bronnen.yaml:")) for p in problems(repo))


def test_an_id_clash_is_reported_in_the_file_that_made_it(repo: Path) -> None:
    import os
    import time

    case = next(iter(load_catalog(repo).cases))
    path = repo / "content/interventions.yaml"
    line = edit(path, "  - id: informele-gesprekken\n", f"  - id: {case}\n")
    later = time.time() + 10
    os.utime(path, (later, later))  # the intervention file is the one just edited
    found = [p for p in problems(repo) if "al in gebruik" in p]
    assert len(found) == 1 and found[0].startswith(f"content/interventions.yaml:{line}:"), found
    assert f"(in content/cases/{case}.yaml:" in found[0]


def test_roadmap_items_need_distinct_ids(repo: Path) -> None:
    path = repo / "content/roadmap.yaml"
    text = path.read_text(encoding="utf-8")
    second = text.index("      - id: ", text.index("      - id: student-centraal") + 1)
    end = text.index("\n", second)
    line = text[:second].count("\n") + 1
    path.write_text(text[:second] + "      - id: student-centraal" + text[end:], encoding="utf-8")
    found = problems(repo)
    assert any(
        p.startswith(f"content/roadmap.yaml:{line}:") and "id 'student-centraal' staat dubbel" in p for p in found
    ), found


@pytest.mark.parametrize("name", [".#warm-welkom.yaml", "warm-welkom.yaml~", ".warm-welkom.yaml.swp", "#x.yaml#"])
def test_editor_lock_and_backup_files_are_not_records(repo: Path, name: str) -> None:
    (repo / "content/cases" / name).write_text("id: [ kapot\n", encoding="utf-8")
    load_catalog(repo)


def test_yml_files_and_folders_beside_records_are_named(repo: Path) -> None:
    (repo / "content/cases/nieuw.yml").write_text("id: nieuw\n", encoding="utf-8")
    (repo / "content/cases/map.yaml").mkdir()
    found = problems(repo)
    assert any(p.startswith("content/cases/nieuw.yml:1:1:") and ".yaml (niet .yml)" in p for p in found), found
    assert any(
        p.startswith("content/cases/map.yaml:1:1:") and "geen gewoon bestand maar een map" in p for p in found
    ), found


def test_field_and_reference_errors_of_one_record_come_in_one_run(repo: Path) -> None:
    # Issue 17: a wrong sector, an empty description and a mistyped element id in one record.
    path = repo / "content/interventions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: informele-gesprekken\n")
    end = text.index("    sources:", start)
    record = (
        "  - id: informele-gesprekken\n"
        '    title: "Informele gesprekken"\n'
        "    numbers: [3]\n"
        "    elements: [persoonlijke-aandachtt]\n"
        '    sectors: [MBO, "hbo ", WO]\n'
        "    description:\n"
    )
    path.write_text(text[:start] + record + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    result = run_toolbox(repo, "validate")
    assert result.returncode == 1
    label = "content/interventions.yaml:{}:{}: aanpak 'informele-gesprekken': "
    assert result.stderr.splitlines() == [
        label.format(line + 3, 16)
        + "elements: onbekend element 'persoonlijke-aandachtt' (bedoelde je 'persoonlijke-aandacht'?)",
        label.format(line + 4, 20)
        + "sectors 'hbo ' is ongeldig; kies uit MBO, HBO, WO (bedoelde je 'HBO' zonder de spatie?)",
        label.format(line + 5, 17)
        + "description is leeg; schrijf de tekst achter de dubbele punt, of op de regels eronder na '|' "
        "(twee spaties verder ingesprongen); is het veld optioneel, verwijder dan de hele regel",
        "3 problemen gevonden.",
    ]
    assert "None" not in result.stderr


def test_a_reference_in_a_nested_part_of_a_failed_record_is_checked(repo: Path) -> None:
    line = edit(repo / "content/cases/escaperoom-hanze.yaml", "sector: HBO", "sector: Hbo")
    edit(repo / "content/cases/escaperoom-hanze.yaml", "document: nro-2025", "document: nro-2024")
    found = problems(repo)
    assert any(p.startswith(f"content/cases/escaperoom-hanze.yaml:{line}:") and "'Hbo'" in p for p in found)
    assert any("onbekend brondocument 'nro-2024' (bedoelde je 'nro-2025'?)" in p for p in found), found


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("true", "title moet tekst zijn (nu de ja/nee-waarde true; zet tekst tussen aanhalingstekens)"),
        ("2025", "title moet tekst zijn (nu het getal 2025; zet het tussen aanhalingstekens als het tekst is)"),
    ],
)
def test_a_value_of_the_wrong_type_is_named_in_plain_dutch(repo: Path, value: str, message: str) -> None:
    line = edit(repo / "content/cases/escaperoom-hanze.yaml", "title: Escaperoom", f"title: {value}\nx_: Escaperoom")
    assert any(p.startswith(f"content/cases/escaperoom-hanze.yaml:{line}:8:") and message in p for p in problems(repo))


def test_leftover_todo_fails_validate_but_not_a_concept_run(repo: Path) -> None:
    line = edit(repo / "content/cases/escaperoom-hanze.yaml", "description: |\n", "description: |\n  TODO: aanvullen\n")
    result = run_toolbox(repo, "validate")
    assert result.returncode == 1
    assert (
        f"content/cases/escaperoom-hanze.yaml:{line + 1}:3: hier staat nog sjabloontekst die met TODO: begint; "
        "vervang die door de tekst uit de bron"
    ) in result.stderr.splitlines()
    concept = run_toolbox(repo, "validate", "--concept")
    assert concept.returncode == 0 and f"escaperoom-hanze.yaml:{line + 1}:3: let op" in concept.stderr


def test_pre_commit_is_locked_and_its_configuration_is_valid() -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    assert "\npre-commit==" in (ROOT / "requirements/test.lock").read_text(encoding="utf-8")
    hook = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert hook.returncode == 0, hook.stdout + hook.stderr
    assert "pre-commit install" in (ROOT / "scripts/install-hooks.sh").read_text(encoding="utf-8")
