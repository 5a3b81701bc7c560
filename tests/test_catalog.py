"""The catalog: reverse relations are computed from forward references, in a stable order."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from toolbox.catalog import load_catalog


def test_reverse_relations_match_forward_references() -> None:
    cat = load_catalog(ROOT)
    for el in cat.elements:
        expected = [iv.id for iv in cat.interventions.values() if el in iv.elements]
        assert cat.related(el, "interventions") == expected
        assert cat.related(el, "cases") == [c.id for c in cat.cases.values() if el in c.elements]
    for case in cat.cases:
        assert cat.related(case, "interventions") == [iv.id for iv in cat.interventions.values() if iv.case == case]
    for iv in cat.interventions.values():
        if iv.parent:
            assert iv.id in cat.related(iv.parent, "children")


def test_related_elements_are_symmetric_and_ordered_by_number() -> None:
    cat = load_catalog(ROOT)
    for el, related in [(e, cat.related(e, "related")) for e in cat.elements]:
        numbers = [cat.elements[r].number for r in related]
        assert numbers == sorted(numbers)
        assert el not in related
        for r in related:
            assert el in cat.related(r, "related")


def test_elements_are_ordered_by_number_whatever_the_file_order(repo: Path) -> None:
    (repo / "content/elements/01-persoonlijke-aandacht.yaml").rename(
        repo / "content/elements/99-persoonlijke-aandacht.yaml"
    )
    cat = load_catalog(repo)
    assert [e.number for e in cat.elements.values()] == list(range(1, 17))


def test_adding_a_case_reference_shows_up_on_both_sides(repo: Path) -> None:
    path = repo / "content/interventions.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "  - id: informele-gesprekken\n"
    path.write_text(text.replace(anchor, anchor + "    case: escaperoom-hanze\n", 1), encoding="utf-8")
    cat = load_catalog(repo)
    assert "informele-gesprekken" in cat.related("escaperoom-hanze", "interventions")


def test_source_files_are_exactly_the_files_records_come_from() -> None:
    """The serve cache and file watching rely on this list: a file missing here would go stale."""
    from toolbox.catalog import source_files

    cat = load_catalog(ROOT)
    record_files = {ROOT / origin.path for origin in cat.origins.values()} | {ROOT / "content/bronnen.yaml"}
    assert set(source_files(ROOT)) == record_files
