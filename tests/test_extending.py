"""The worked example of docs/extending.md works as written: a new record type in four files.

The test copies the repository together with the `toolbox` package, applies the page's code
blocks literally, and runs the copy's own `toolbox` and `mkdocs build` (PYTHONPATH points at the
copy, ahead of the installed package).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.repo import ROOT, copy_repository

pytestmark = pytest.mark.slow  # builds a whole site

DOC = ROOT / "docs" / "extending.md"
BLOCK = re.compile(r"^```\w+ file=(\S+) mode=(append|create|before:\"[^\"]+\")\n(.*?)^```$", re.M | re.S)


def blocks() -> list[tuple[str, str, str]]:
    return [(m.group(1), m.group(2), m.group(3)) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def apply(repo: Path, path: str, mode: str, code: str) -> None:
    target = repo / path
    if mode == "create":
        assert not target.exists(), path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(code, encoding="utf-8")
    elif mode == "append":
        target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n\n\n" + code, encoding="utf-8")
    else:
        marker = mode[len('before:"') : -1]
        text = target.read_text(encoding="utf-8")
        assert text.count(marker) == 1, f"{path}: marker {marker!r}"
        target.write_text(text.replace(marker, code.rstrip("\n") + "\n" + marker), encoding="utf-8")


def snapshot(repo: Path) -> dict[str, bytes]:
    return {
        p.relative_to(repo).as_posix(): p.read_bytes()
        for p in repo.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and "site" not in p.parts
    }


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(repo), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def test_the_worked_example_adds_a_record_type_in_four_files(tmp_path: Path) -> None:
    repo = copy_repository(tmp_path / "repo")
    shutil.copytree(ROOT / "toolbox", repo / "toolbox", ignore=shutil.ignore_patterns("__pycache__"))
    (repo / "docs").mkdir()
    shutil.copy2(ROOT / "docs" / "data-model.md", repo / "docs" / "data-model.md")
    before = snapshot(repo)

    steps = blocks()
    assert [p for p, _, _ in steps] == [
        "toolbox/models.py",
        "toolbox/registry.py",
        "toolbox/templates/tool.md.j2",
        "content/tools/gesprekskaart.yaml",
    ]
    for path, mode, code in steps:
        apply(repo, path, mode, code)
    written = snapshot(repo)
    result = run(repo, "toolbox", "schema")
    assert result.returncode == 0, result.stdout + result.stderr
    after = snapshot(repo)
    by_hand = sorted(k for k in written if before.get(k) != written[k])
    generated = sorted(k for k in after if written.get(k) != after[k])
    assert by_hand == sorted(p for p, _, _ in steps)
    assert generated == ["docs/data-model.md", "schemas/tool.schema.json"]
    assert "## tool (hulpmiddel)" in (repo / "docs/data-model.md").read_text(encoding="utf-8")

    result = run(repo, "toolbox", "validate")
    assert result.returncode == 0, result.stderr
    assert "1 hulpmiddel" in result.stdout

    # A reference to an unknown element is reported like any other, at its file and line.
    record = repo / "content/tools/gesprekskaart.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("[persoonlijke-aandacht]", "[persoonlijke-aandact]"))
    result = run(repo, "toolbox", "validate")
    assert result.returncode == 1
    assert "content/tools/gesprekskaart.yaml:5:" in result.stderr
    assert "hulpmiddel 'gesprekskaart': elements: onbekend element 'persoonlijke-aandact'" in result.stderr
    assert "bedoelde je 'persoonlijke-aandacht'?" in result.stderr
    record.write_text(record.read_text(encoding="utf-8").replace("[persoonlijke-aandact]", "[persoonlijke-aandacht]"))

    result = run(repo, "mkdocs", "build", "--strict")
    assert result.returncode == 0, result.stderr
    page = (repo / "site" / "hulpmiddelen" / "gesprekskaart" / "index.html").read_text(encoding="utf-8")
    assert "Gesprekskaart" in page and "../../elementen/persoonlijke-aandacht/" in page
    data = json.loads((repo / "site" / "data" / "toolbox.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in data["tools"]] == ["gesprekskaart"]
    assert data["tools"][0]["page"] == "hulpmiddelen/gesprekskaart/"
    element = next(e for e in data["elements"] if e["id"] == "persoonlijke-aandacht")
    assert element["relations"]["tools"] == ["gesprekskaart"]
    assert (repo / "site" / "data" / "schemas" / "tool.schema.json").is_file()
    # Its own JSON file, its date on its page and its place among the recent changes follow too.
    own = json.loads((repo / "site" / "data" / "hulpmiddelen" / "gesprekskaart.json").read_text(encoding="utf-8"))
    assert own == data["tools"][0]
    assert 'Laatst gewijzigd: <time datetime="' in page and "../../data/hulpmiddelen/gesprekskaart.json" in page
    assert "../hulpmiddelen/gesprekskaart/" in (repo / "site" / "nieuw" / "index.html").read_text(encoding="utf-8")
