"""Property tests: whatever text or record an editor writes, the loader answers with problems.

Random YAML-like text, random edits of real files and random mutations of real records must
either load or raise ContentError with located Dutch problems; never any other exception.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import copy_repository
from toolbox.catalog import load_catalog
from toolbox.load import parse_yaml
from toolbox.problems import ContentError, Problem

pytestmark = pytest.mark.slow  # hundreds of generated inputs

FILES = [
    "content/elements/04-warm-welkom.yaml",
    "content/cases/studieloket-hanze.yaml",
    "content/interventions.yaml",
    "content/roadmap.yaml",
]
# FUZZ_EXAMPLES=2000 for a longer hunt; the suite default keeps CI fast.
SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Characters that mean something to YAML, plus some that are merely awkward.
YAML_ALPHABET = st.sampled_from(
    list(":-[]{},&*!|>'\"#%@`?\t\n \\") + ["\r\n", "\ufeff", "\x00", "é", "日", "\U0001f600"]
)
WORDS = "id title elements sources --- ... !!int !!binary !!python/object/apply:os.system *a null ~ yes 0x1F 1e999 .nan"
TOKENS = st.sampled_from([*WORDS.split(), "2025-13-45", "- ", ": ", "  ", "\n", "\t", "? ", "&a ", "<<: ", "%YAML 1.2"])
YAML_LIKE = st.lists(st.one_of(YAML_ALPHABET, TOKENS, st.text(max_size=5)), max_size=80).map("".join)


def check_problems(problems: list[Problem], rel: str | None = None) -> None:
    assert problems, "a rejected input must say why"
    for p in problems:
        assert p.line >= 1 and p.col >= 1 and p.message.strip()
        assert "Traceback" not in p.message
        if rel is not None:
            assert p.path == rel


@given(YAML_LIKE)
@SETTINGS
def test_random_yaml_like_text_never_crashes_the_parser(text: str) -> None:
    doc, problems = parse_yaml(text, "x.yaml")
    if doc is None:
        check_problems(problems, "x.yaml")
    else:
        assert problems == []


@given(st.text(max_size=200))
@SETTINGS
def test_random_text_never_crashes_the_parser(text: str) -> None:
    doc, problems = parse_yaml(text, "x.yaml")
    assert doc is not None or problems


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of the repository for all examples; each example restores the file it changed."""
    yield copy_repository(tmp_path_factory.mktemp("fuzz") / "repo")


def load_or_problems(repo: Path) -> None:
    try:
        load_catalog(repo)
    except ContentError as exc:
        check_problems(exc.problems)


class Restore:
    def __init__(self, path: Path) -> None:
        self.path, self.raw = path, path.read_bytes()

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc: object) -> None:
        self.path.write_bytes(self.raw)


@given(
    rel=st.sampled_from(FILES),
    edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), YAML_LIKE), min_size=1, max_size=4),
)
@settings(SETTINGS, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_random_edits_of_real_files_give_content_errors_only(
    scratch: Path, rel: str, edits: list[tuple[float, int, str]]
) -> None:
    with Restore(scratch / rel) as path:
        text = path.read_text(encoding="utf-8")
        for where, cut, insert in edits:
            at = int(where * len(text))
            text = text[:at] + insert + text[at + cut :]
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        load_or_problems(scratch)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        ["HBO", "Hbo", "warm-welkom", "<script>alert(1)</script>", "javascript:alert(1)", "", " ", "2025-02-30"]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)


def paths_in(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for k, v in data.items():
            found += paths_in(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += paths_in(v, prefix + (i,))
    return found


def mutate(data: Any, path: tuple[Any, ...], action: str, value: Any) -> None:
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if action == "delete":
        del parent[key]
    elif action == "replace":
        parent[key] = value
    elif isinstance(parent, dict):
        parent[f"extra_{len(parent)}"] = value
    else:
        parent.insert(key, value)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


@given(
    rel=st.sampled_from(FILES),
    choice=st.floats(0, 1, exclude_max=True),
    action=st.sampled_from(["delete", "replace", "add"]),
    value=VALUES,
)
@settings(SETTINGS, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_random_mutations_of_real_records_give_content_errors_only(
    scratch: Path, rel: str, choice: float, action: str, value: Any
) -> None:
    with Restore(scratch / rel) as path:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        targets = paths_in(data)
        mutate(data, targets[int(choice * len(targets))], action, value)
        path.write_text(dump(data), encoding="utf-8")
        load_or_problems(scratch)


def test_the_scratch_copy_is_valid(scratch: Path) -> None:
    load_catalog(scratch)  # the examples above start from valid content
