"""The benchmark works end to end at 100 interventions (figures are checked for sanity, not speed)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import synth
from tests.support.repo import ROOT
from toolbox.catalog import load_catalog

pytestmark = pytest.mark.slow  # builds (or serves) whole sites


def test_synthetic_catalog_is_valid_and_sized(tmp_path: Path) -> None:
    real = load_catalog(ROOT)
    repo = synth.make_catalog(tmp_path / "repo", 2 * len(real.interventions) + 10)
    cat = load_catalog(repo)  # raises if any reference were broken
    assert len(cat.interventions) == 2 * len(real.interventions) + 10
    assert len(cat.cases) == 3 * len(real.cases)  # two clone batches, the last one partial
    clones = [iv for iv in cat.interventions.values() if iv.id not in real.interventions]
    assert all(not iv.numbers for iv in clones)
    assert all(iv.case is None or iv.case in cat.cases for iv in clones)
    # A clone of a sub-example hangs under a main intervention, never under another sub-example.
    assert all(iv.parent is None or cat.interventions[iv.parent].parent is None for iv in clones)
    assert sum(len(v) for v in [cat.related(k, "interventions") for k in cat.cases]) == sum(
        1 for iv in cat.interventions.values() if iv.case
    )


def test_baseline_lists_every_page_in_the_navigation(tmp_path: Path) -> None:
    site = synth.make_baseline(tmp_path / "base", 7)
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert len(list((site / "docs" / "pages").glob("*.md"))) == 7
    assert all(f"pages/p{i:05d}.md" in config for i in range(7))


def test_benchmark_runs_and_writes_the_table(tmp_path: Path) -> None:
    out = tmp_path / "performance.md"
    out.write_text("# Performance\n\nnotes before\n\n<!-- bench:start -->\nold\n<!-- bench:end -->\n\nnotes after\n")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "100", "--baseline-max", "100"]
        + ["--no-browser", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = out.read_text(encoding="utf-8")
    assert "notes before" in text and "notes after" in text and "\nold\n" not in text
    row = next(line for line in text.splitlines() if line.startswith("| 100 ("))
    cells = [c.strip() for c in row.strip("|").split("|")]
    real = load_catalog(ROOT)
    # One page per intervention, case and element at least; the stock baseline ran too.
    assert int(cells[1].replace(",", "")) >= 100 + len(real.elements) + 2 * len(real.cases)
    assert re.fullmatch(r"[\d.]+ s \([\d.]+%\)", cells[3])
    assert cells[5].endswith("(1.00x)") and cells[6].endswith("(1.00x)")
    assert cells[-1] != "skipped" and re.search(r"\(\d+\.\d\dx\)$", cells[-1])
    assert "### Real site" in text and "`mkdocs serve`" in text
    serve = re.search(r"element record edited -> page served \| ([\d.]+) s", text)
    assert serve and float(serve.group(1)) > 0
