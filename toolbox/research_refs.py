"""Reference checks for the records of issue 13: text pages, glossary, participation study, examples.

Kept apart from `catalog._check_references` so the record-type registry can take them over as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from toolbox import models as m
from toolbox.errors import suggest
from toolbox.load import Document, Loc
from toolbox.problems import Problem

if TYPE_CHECKING:
    from toolbox.catalog import Catalog


def _section_sources(sections: list[m.Section], base: Loc) -> list[tuple[Loc, m.Source]]:
    """The sources of `sections` (found at `base` in the file) and of their subsections."""
    out: list[tuple[Loc, m.Source]] = []
    for i, sec in enumerate(sections):
        loc = base + (i,)
        out += [(loc + ("sources", j), s) for j, s in enumerate(sec.sources)]
        out += _section_sources(sec.sections, loc + ("sections",))
    return out


def _sources_of(record: Any) -> list[tuple[Loc, m.Source]]:
    """Every Source inside a record, with its location (for 'unknown document' errors)."""
    out: list[tuple[Loc, m.Source]] = [(("sources", j), s) for j, s in enumerate(getattr(record, "sources", []))]
    for name in ("sections", "introduction", "method", "results", "background"):
        out += _section_sources(getattr(record, name, []), (name,))
    if isinstance(record, m.Practice):
        for i, c in enumerate(record.conclusions):
            out += [(("conclusions", i, "sources", j), s) for j, s in enumerate(c.sources)]
    if isinstance(record, m.Practice) and record.limitations is not None:
        out += [(("limitations", "sources", j), s) for j, s in enumerate(record.limitations.sources)]
        out += _section_sources(record.limitations.sections, ("limitations", "sections"))
    if isinstance(record, m.Glossary):
        for i, term in enumerate(record.terms):
            out += [(("terms", i, "definitions", j, "source"), d.source) for j, d in enumerate(term.definitions)]
    if isinstance(record, m.ParticipationStudy):
        out += [(("tables", i, "source"), t.source) for i, t in enumerate(record.tables)]
    if isinstance(record, m.Communication) and record.send_schedule is not None:
        out.append((("send_schedule", "source"), record.send_schedule.source))
    if isinstance(record, m.Case):
        out += [(("additions", i, "source"), a.source) for i, a in enumerate(record.additions)]
    return out


def research_problems(cat: Catalog, docs: dict[str, tuple[Document, Loc]], broken: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    terms = [t.id for t in cat.glossary.terms] if cat.glossary else []
    documents = list(cat.documents)

    def report(owner: str, loc: Loc, message: str) -> None:
        doc, base = docs[owner]
        problems.append(doc.problem(base + loc, message))

    records: list[Any] = [*cat.pages.values(), cat.glossary, cat.participation, cat.coordinators]
    # The top-level sources of these are checked in catalog._check_references already.
    older = [cat.roadmap, cat.practice, cat.communication, *cat.cases.values()]
    for record in records + older:
        if record is None:
            continue
        for loc, source in _sources_of(record):
            if record in older and loc[0] == "sources":
                continue
            if source.document not in cat.documents:
                report(
                    record.id,
                    loc + ("document",),
                    f"{record.id}: onbekend brondocument '{source.document}'{suggest(source.document, documents)}",
                )
        if isinstance(record, m.TextPage | m.ParticipationStudy):
            for i, term in enumerate(record.terms):
                if term not in terms:
                    report(
                        record.id, ("terms", i), f"{record.id}: terms: onbekend begrip '{term}'{suggest(term, terms)}"
                    )

    ivs = list(cat.interventions)
    for iv in cat.interventions.values():
        for i, ex in enumerate(iv.examples):
            label = f"aanpak '{iv.id}': examples"
            if ex == iv.id:
                report(iv.id, ("examples", i), f"{label}: een aanpak kan niet haar eigen voorbeeld zijn")
            elif ex not in cat.interventions and ex not in broken:
                report(iv.id, ("examples", i), f"{label}: onbekende aanpak '{ex}'{suggest(ex, ivs)}")
    return problems
