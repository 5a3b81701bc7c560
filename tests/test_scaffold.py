"""`toolbox new`: skeletons validate, appear in a build, refuse existing ids; the guide's template works."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_mkdocs, run_toolbox
from toolbox import scaffold
from toolbox.catalog import load_catalog
from toolbox.load import parse_yaml
from toolbox.registry import BY_NAME

CAT = load_catalog(ROOT)
INTERVENTIONS_FILE = BY_NAME["intervention"].store.path


def run_toolbox_input(root: Path, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`toolbox` with answers on standard input, as an editor types them at the prompts."""
    return subprocess.run(
        [sys.executable, "-m", "toolbox", "--root", str(root), *args],
        input=stdin, capture_output=True, text=True, timeout=60, cwd=root,
    )  # fmt: skip


def _args(**values: object) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    scaffold.add_arguments(parser)
    ns = parser.parse_args([values.pop("kind")])  # type: ignore[list-item]
    for key, value in values.items():
        setattr(ns, key, value)
    return ns


@pytest.mark.slow
def test_new_intervention_and_case_validate_and_appear_in_a_build(repo: Path) -> None:
    before = (repo / INTERVENTIONS_FILE).read_text(encoding="utf-8")
    first, second = list(CAT.elements.values())[:2]
    result = run_toolbox(
        repo, "new", "intervention", "--title", "Koffie-uurtje met de mentor",
        "--element", str(first.number), "--element", second.id, "--sector", "MBO", "--sector", "wo",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    after = (repo / INTERVENTIONS_FILE).read_text(encoding="utf-8")
    assert after.startswith(before), "existing text must be kept byte for byte"
    new_id = "koffie-uurtje-met-de-mentor"
    line = re.search(rf"toegevoegd in {INTERVENTIONS_FILE}:(\d+)", result.stdout)
    assert line and after.splitlines()[int(line.group(1)) - 1].strip() == f"- id: {new_id}"
    todo_lines = re.findall(rf"{INTERVENTIONS_FILE}:(\d+): ", result.stdout)
    assert todo_lines and all("TODO:" in after.splitlines()[int(n) - 1] for n in todo_lines)

    # Interactive: no flags, answers on standard input (empty answers take the proposed default).
    answers = "Studiebuddy's in het mbo\n\nVoorbeeldcollege\nmbo\n4, 1\n\n\n"
    result = run_toolbox_input(repo, answers, "new", "case")
    assert result.returncode == 0, result.stdout + result.stderr
    case_file = repo / "content" / "cases" / "studiebuddy-s-in-het-mbo.yaml"
    assert case_file.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schemas/case.schema.json"
    )

    assert run_toolbox(repo, "validate", "--concept").returncode == 0
    refused = run_toolbox(repo, "validate")  # what pre-commit and the pull-request checks run
    assert refused.returncode == 1
    assert f"{INTERVENTIONS_FILE}:{todo_lines[0]}:" in refused.stderr
    cat = load_catalog(repo)
    iv = cat.interventions[new_id]
    assert iv.elements == [first.id, second.id] and iv.sectors == ["MBO", "WO"]
    case = cat.cases["studiebuddy-s-in-het-mbo"]
    by_number = {e.number: e.id for e in cat.elements.values()}
    assert case.sector == "MBO" and case.elements == [by_number[4], by_number[1]]

    site = repo / "site"
    build = run_mkdocs(repo)
    assert build.returncode == 0, build.stderr
    page = (site / "aanpakken" / new_id / "index.html").read_text(encoding="utf-8")
    assert "Koffie-uurtje met de mentor" in page
    description = next(
        n
        for n in range(int(line.group(1)), len(after.splitlines()) + 1)
        if after.splitlines()[n - 1].strip() == "description: |"
    )
    assert f"edit/main/{INTERVENTIONS_FILE}#L{description}" in page  # the edit link opens at the main field
    assert "Studiebuddy" in (site / "casussen" / case.id / "index.html").read_text(encoding="utf-8")
    exported = json.loads((site / "data" / "toolbox.json").read_text(encoding="utf-8"))
    assert new_id in [r["id"] for r in exported["interventions"]]


def test_new_refuses_an_id_that_exists_anywhere(repo: Path) -> None:
    before = {
        p: p.read_bytes() for p in [repo / INTERVENTIONS_FILE, *sorted((repo / "content" / "cases").glob("*.yaml"))]
    }
    element = next(iter(CAT.elements))
    for kind, existing in (("intervention", next(iter(CAT.cases))), ("case", next(iter(CAT.interventions)))):
        result = run_toolbox(
            repo, "new", kind, "--id", existing, "--title", "Dubbel", "--element", element,
            "--sector", "HBO", "--institution", "Voorbeeld",
        )  # fmt: skip
        origin = CAT.origins[existing]
        assert result.returncode == 1
        assert f"id '{existing}' bestaat al (in {origin.path}:{origin.line})" in result.stdout
    assert before == {p: p.read_bytes() for p in before}
    assert sorted((repo / "content" / "cases").glob("*.yaml")) == sorted(p for p in before if p.parent.name == "cases")


def test_new_gives_dutch_hints_and_writes_nothing_on_bad_input(repo: Path) -> None:
    before = (repo / INTERVENTIONS_FILE).read_bytes()
    element = next(iter(CAT.elements))
    typo = element[:-2]
    result = run_toolbox(repo, "new", "intervention", "--title", "Iets", "--element", typo, "--sector", "MBO")
    assert result.returncode == 1 and f"bedoelde je '{element}'?" in result.stdout
    result = run_toolbox(repo, "new", "intervention", "--title", "Iets", "--element", element, "--sector", "HO")
    assert result.returncode == 1 and "onbekende sector 'HO'" in result.stdout
    result = run_toolbox(repo, "new", "intervention", "--title", "Iets", "--sector", "MBO")
    assert result.returncode == 1 and "--element ontbreekt" in result.stdout
    assert (repo / INTERVENTIONS_FILE).read_bytes() == before


def test_new_element_skeleton_validates(repo: Path) -> None:
    # All element numbers are taken in the shipped data, so re-create the last element from scratch.
    last = list(CAT.elements.values())[-1]
    origin = CAT.origins[last.id]
    (repo / origin.path).unlink()
    cat = load_catalog(ROOT)
    del cat.elements[last.id], cat.origins[last.id]
    args = _args(kind="element", title=last.title, id=last.id, theme=last.theme, ring=last.ring)
    skeleton = scaffold.build(cat, "element", args, ask=None)
    assert skeleton.path == origin.path
    scaffold.write(repo, skeleton)
    reloaded = load_catalog(repo).elements[last.id]
    assert (reloaded.number, reloaded.title, reloaded.theme) == (last.number, last.title, last.theme)


def test_new_element_refuses_when_every_number_is_taken(repo: Path) -> None:
    result = run_toolbox(repo, "new", "element", "--title", "Nieuw", "--theme", "binding", "--ring", "beleid")
    assert result.returncode == 1 and "alle elementnummers" in result.stdout


def test_shipped_content_has_no_scaffold_placeholders() -> None:
    assert scaffold.placeholders(CAT) == [], "vul alle tekst die met TODO: begint in"


def test_contributing_template_is_a_valid_intervention(repo: Path) -> None:
    # Follow the guide literally: paste its template at the end of content/interventions.yaml.
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = guide.split("### Sjabloon voor een aanpak", 1)[1].split("\n### ", 1)[0]
    code = "\n".join(ln[4:] for ln in block.splitlines() if ln.startswith("    "))
    assert code.startswith("  - id: ")
    path = repo / INTERVENTIONS_FILE
    path.write_text(path.read_text(encoding="utf-8") + "\n" + code + "\n", encoding="utf-8")
    result = run_toolbox(repo, "validate", "--concept")
    assert result.returncode == 0, result.stderr
    template_id = parse_yaml(textwrap.dedent(code), "t")[0].data[0]["id"]  # type: ignore[union-attr]
    cat = load_catalog(repo)
    assert template_id in cat.interventions
    # Valid, so the preview builds, but an unfilled template cannot pass the pull-request checks.
    assert [w.endswith(f"'{template_id}'") for w in scaffold.placeholders(cat)] == [True]
    assert "TODO:" in result.stderr
    refused = run_toolbox(repo, "validate")
    assert refused.returncode == 1 and "sjabloontekst die met TODO: begint" in refused.stderr


def test_contributing_links_point_to_files_that_exist() -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    repo_links = re.findall(r"https://github\.com/samen-sterker/toolbox/(?:blob|tree)/main/([^)\s#]+)", guide)
    templates = re.findall(r"issues/new\?template=([^)\s]+)", guide)
    assert repo_links and templates
    for rel in repo_links:
        assert (ROOT / rel).exists(), rel
    for name in templates:
        assert (ROOT / ".github" / "ISSUE_TEMPLATE" / name).is_file(), name


def test_about_page_shows_the_guide(site_dir: Path) -> None:
    about = (site_dir / "over" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"(?m)^## (.+)$", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    assert headings
    for heading in headings:
        assert re.search(rf"<h3 id=\"[^\"]+\">{re.escape(heading)}<", about), heading
