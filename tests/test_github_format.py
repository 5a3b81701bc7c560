"""`toolbox validate --format github`: the Dutch problems as GitHub Actions workflow commands.

The syntax checked here is the documented one: `::error file={name},line={line},col={col},title={title}::{message}`,
with `%`, CR and LF escaped as %25, %0D and %0A in the message, and also `:` and `,` (%3A, %2C) in
property values."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import run_toolbox
from tests.test_validate import edit
from toolbox.problems import Problem, github_annotation

COMMAND = re.compile(r"::(error|warning) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)")


def _unescape(value: str) -> str:
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def test_every_problem_becomes_one_annotation_line(repo: Path) -> None:
    edit(repo / "content/cases/studieloket-hanze.yaml", "sector: HBO", "sector: Hbo")
    edit(repo / "content/elements/10-maatwerk.yaml", "summary:", "sumary:")
    text = run_toolbox(repo, "validate")
    github = run_toolbox(repo, "validate", "--format", "github")
    assert github.returncode == text.returncode == 1
    expected = text.stderr.splitlines()[:-1]  # the last line counts the problems
    lines = github.stdout.splitlines()
    assert len(lines) == len(expected) >= 3
    for line, plain in zip(lines, expected, strict=True):
        match = COMMAND.fullmatch(line)
        assert match, line
        level, path, row, col, title, message = match.groups()
        assert level == "error" and title == "toolbox validate"
        assert f"{_unescape(path)}:{row}:{col}: {_unescape(message)}" == plain
    assert github.stderr.strip() == text.stderr.splitlines()[-1]


def test_leftover_todo_is_an_error_and_a_warning_with_concept(repo: Path) -> None:
    line = edit(repo / "content/cases/escaperoom-hanze.yaml", "description: |\n", "description: |\n  TODO: aanvullen\n")
    refused = run_toolbox(repo, "validate", "--format", "github")
    assert refused.returncode == 1
    assert refused.stdout.splitlines() == [
        f"::error file=content/cases/escaperoom-hanze.yaml,line={line + 1},col=3,title=toolbox validate::"
        "hier staat nog sjabloontekst die met TODO: begint; vervang die door de tekst uit de bron"  # data: ':' stays
    ]
    concept = run_toolbox(repo, "validate", "--concept", "--format", "github")
    assert concept.returncode == 0
    assert concept.stdout.splitlines()[-1].startswith(
        f"::warning file=content/cases/escaperoom-hanze.yaml,line={line + 1},col=3,title=toolbox validate::"
    )


def test_escaping_follows_the_documented_rules() -> None:
    problem = Problem("content/a,b:c.yaml", 3, 4, "100% klaar:\r\nnee, niet")
    assert github_annotation(problem, title="titel: a, b") == (
        "::error file=content/a%2Cb%3Ac.yaml,line=3,col=4,title=titel%3A a%2C b::100%25 klaar:%0D%0Anee, niet"
    )
    # Other invisible characters are named, as in the plain output.
    assert github_annotation(Problem("x.yaml", 1, 1, "a\u200bb")).endswith("::a<U+200B>b")


def test_a_valid_repository_prints_no_annotation(repo: Path) -> None:
    result = run_toolbox(repo, "validate", "--format", "github")
    assert result.returncode == 0 and not result.stdout.startswith("::")


WORKFLOWS = sorted((Path(__file__).resolve().parents[1] / ".github/workflows").glob("*.yml"))


def test_workflow_files_pass_the_linter() -> None:
    import subprocess
    import sys

    # check-jsonschema ships the GitHub workflow schema (vendored), so this runs offline.
    linter = Path(sys.executable).with_name("check-jsonschema")
    done = subprocess.run(
        [str(linter), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(WORKFLOWS) >= 2


def test_the_pull_request_workflow_checks_fast_first_and_keeps_the_site() -> None:
    import yaml

    flow = yaml.safe_load(next(p for p in WORKFLOWS if p.name == "pull-request.yml").read_text(encoding="utf-8"))
    assert "pull_request" in flow[True]  # PyYAML reads the key `on` as True
    check, full = flow["jobs"]["check"], flow["jobs"]["full"]
    assert [step["run"] for step in check["steps"] if "run" in step] == ["bash scripts/check.sh"]
    script = (Path(__file__).resolve().parents[1] / "scripts/check.sh").read_text(encoding="utf-8")
    assert 'toolbox validate --format "$format"' in script and "format=github" in script
    assert script.index("toolbox validate") < script.index('pytest -q -m "not browser and not slow"')
    assert full["needs"] == "check"
    assert any("scripts/test.sh" in step.get("run", "") for step in full["steps"])
    upload = next(s for s in full["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site"
