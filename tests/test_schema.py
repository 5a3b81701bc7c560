"""The JSON Schema files: generated from the models, accept all shipped data, reject bad records."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import ValidationError

from tests.bad_records import ROOT, BadRecord, bad_records
from tests.conftest import run_toolbox
from toolbox.catalog import load_catalog
from toolbox.load import read_yaml
from toolbox.schema import SCHEMA_DIR, SCHEMAS, render_schemas, stale_schemas

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
BAD = bad_records()


@functools.cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / SCHEMA_DIR / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _record_files() -> list[str]:
    """Every YAML file the catalog is built from."""
    cat = load_catalog(ROOT)
    return sorted({o.path for o in cat.origins.values()} | {"content/bronnen.yaml"})


def test_committed_schemas_equal_generated() -> None:
    assert sorted(render_schemas()) == sorted(p.name for p in (ROOT / SCHEMA_DIR).glob("*.json"))
    assert stale_schemas(ROOT) == []


def test_schema_check_command_detects_a_stale_file(repo: Path) -> None:
    assert run_toolbox(repo, "schema", "--check").returncode == 0
    target = repo / SCHEMA_DIR / SCHEMAS[0].name
    target.write_text(target.read_text(encoding="utf-8").replace('"required"', '"requird"', 1), encoding="utf-8")
    result = run_toolbox(repo, "schema", "--check")
    assert result.returncode == 1
    assert f"{SCHEMA_DIR}/{SCHEMAS[0].name}: verouderd" in result.stderr
    assert run_toolbox(repo, "schema").returncode == 0
    assert stale_schemas(repo) == []


@pytest.mark.parametrize("rel", _record_files())
def test_every_record_file_names_an_existing_schema_that_accepts_it(rel: str) -> None:
    first = (ROOT / rel).read_text(encoding="utf-8").splitlines()[0]
    match = SCHEMA_LINE.match(first)
    assert match, f"{rel}: first line must be '# yaml-language-server: $schema=...'"
    schema_path = ((ROOT / rel).parent / match.group(1)).resolve()
    assert schema_path.parent == (ROOT / SCHEMA_DIR).resolve() and schema_path.is_file()
    doc, problems = read_yaml(ROOT / rel, rel)
    assert doc is not None, problems
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(schema_path.name).iter_errors(doc.data)]
    assert errors == []


def test_every_schema_is_used() -> None:
    used = {SCHEMA_LINE.match((ROOT / rel).read_text(encoding="utf-8").splitlines()[0]) for rel in _record_files()}
    names = {Path(mt.group(1)).name for mt in used if mt}
    assert names == {s.name for s in SCHEMAS}


def test_schemas_carry_dutch_field_descriptions() -> None:
    text = (ROOT / SCHEMA_DIR / "interventions.schema.json").read_text(encoding="utf-8")
    assert "kleine letters, cijfers en streepjes" in text
    assert '"enum": [\n' in text and '"MBO"' in text  # sectors complete in editors


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_models_reject_bad_record(bad: BadRecord) -> None:
    with pytest.raises(ValidationError):
        bad.model.model_validate(bad.data)


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_schema_rejects_bad_record(bad: BadRecord) -> None:
    data: Any = bad.as_file()
    assert list(_validator(bad.schema).iter_errors(data)), f"schema accepts {bad.name}"


def test_bad_records_differ_from_valid_shipped_records_by_one_change() -> None:
    # Guards the shared list itself: each base record is valid, so each rejection is the change.
    from tests.bad_records import BASES

    for model, schema, base in BASES.values():
        record = base()
        model.model_validate(record)
        assert not list(_validator(schema).iter_errors(BadRecord("", model, schema, record).as_file()))


def test_pre_commit_hooks_pass_on_the_shipped_repository() -> None:
    # The hooks run the same commands as scripts/test.sh and these tests, with the checkout's venv.
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [h for r in config["repos"] for h in r["hooks"]]
    assert {h["id"] for h in hooks} >= {"toolbox-validate", "toolbox-schema"}
    for hook in hooks:
        program, *args = hook["entry"].split()
        assert program == ".venv/bin/python"
        result = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, (hook["id"], result.stderr)


def test_workflow_runs_only_the_repository_scripts() -> None:
    runs = {}
    for name in ("ci.yml", "pull-request.yml"):
        workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
        runs.update({job: [s["run"] for s in spec["steps"] if "run" in s] for job, spec in workflow["jobs"].items()})
    assert runs == {
        "check": ["bash scripts/check.sh"],
        "full": ["bash scripts/test.sh", "bash scripts/serve.sh build"],
        "deploy": ["bash scripts/serve.sh build"],
    }
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in (ROOT / "scripts" / "serve.sh").read_text(encoding="utf-8")


def test_data_model_page_is_generated_from_the_models() -> None:
    from toolbox.model_doc import DOC, render_data_model

    assert (ROOT / DOC).read_text(encoding="utf-8") == render_data_model(), "draai `toolbox schema`"
