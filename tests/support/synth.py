"""Synthetic catalogs for tests and the benchmark: the real repository, grown to N interventions.

Clones keep the real records' text and structure (so pages are as long as real ones) but get new
ids: batch k clones every real intervention as `<id>-k<k>` and every real case as `<case>-k<k>`,
so the ratio of cases to interventions stays as in the real catalog and every reference
(`case`, `parent`, `elements`, sources) points to a record that exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.support.repo import ROOT, copy_repository


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


class _Dumper(yaml.CSafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # clones share lists with their originals; the loader rejects anchors


def _dump(data: Any, path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        yaml.dump(data, f, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def _clone_intervention(iv: dict[str, Any], k: int, cloned_ids: set[str], case_ids: set[str]) -> dict[str, Any]:
    clone = dict(iv)
    clone["id"] = f"{iv['id']}-k{k}"
    clone["title"] = f"{iv['title']} ({k + 1})"
    clone["numbers"] = []  # appendix rows belong to the real records only
    if iv.get("parent"):
        # The parent's clone of the same batch if it exists, else the real parent (never a child itself).
        own = f"{iv['parent']}-k{k}"
        clone["parent"] = own if own in cloned_ids else iv["parent"]
    if iv.get("case"):
        clone["case"] = f"{iv['case']}-k{k}" if f"{iv['case']}-k{k}" in case_ids else iv["case"]
    return clone


def grow(repo: Path, count: int) -> tuple[int, int]:
    """Grow the catalog in `repo` to `count` interventions; return (interventions, cases)."""
    iv_path = repo / "content/interventions.yaml"
    real: list[dict[str, Any]] = _load(iv_path)["interventions"]
    if count < len(real):
        raise ValueError(f"at least {len(real)} interventions (the real catalog); asked for {count}")
    case_files = sorted((repo / "content" / "cases").glob("*.yaml"))
    real_cases = [_load(p) for p in case_files]
    interventions = list(real)
    case_count = len(real_cases)
    k = 0
    while len(interventions) < count:
        k += 1
        batch = real[: count - len(interventions)]
        batch_case_ids = {f"{c['id']}-k{k}" for c in real_cases}
        for case in real_cases:
            clone = dict(case, id=f"{case['id']}-k{k}", title=f"{case['title']} ({k + 1})")
            _dump(clone, repo / "content" / "cases" / f"{clone['id']}.yaml")
            case_count += 1
        cloned_ids = {f"{iv['id']}-k{k}" for iv in batch}
        interventions.extend(_clone_intervention(iv, k, cloned_ids, batch_case_ids) for iv in batch)
    _dump({"interventions": interventions}, iv_path)
    return len(interventions), case_count


def make_catalog(target: Path, count: int, root: Path = ROOT) -> Path:
    """A copy of the repository in `target` with `count` interventions."""
    copy_repository(target, root)
    grow(target, count)
    return target


def make_baseline(target: Path, count: int, root: Path = ROOT) -> Path:
    """`count` plain Markdown pages (the real interventions' text) in a stock Material site,
    every page listed in the navigation: the setup whose cost the issue measured."""
    real: list[dict[str, Any]] = _load(root / "content/interventions.yaml")["interventions"]
    docs = target / "docs"
    (docs / "pages").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Baseline\n\nPlain Markdown pages.\n", encoding="utf-8")
    nav: list[Any] = [{"Home": "index.md"}]
    for i in range(count):
        iv = real[i % len(real)]
        title = f"{iv['title']} ({i // len(real) + 1})"
        rel = f"pages/p{i:05d}.md"
        (docs / rel).write_text(f"# {title}\n\n{iv['description']}\n", encoding="utf-8")
        nav.append({title: rel})
    config = {"site_name": "Baseline", "theme": {"name": "material", "font": False}, "nav": nav}
    _dump(config, target / "mkdocs.yml")
    return target
