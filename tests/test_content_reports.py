"""Issue 13: the rest of the five documents on the site, verbatim, sourced, and with the figures as printed.

The counts of the reports (14 factor and 3 principle explanations, 3 perspectives, 5 phases, the
participation tables per institution), the word check of every new text against the seed it
cites (tests/seed_text.py), the notes on figures that do not add up, and the corrections.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.conftest import ROOT, run_toolbox
from tests.seed_text import DOCUMENT_FILES, in_vocabulary, seed_dir, seed_lines, unmatched, words
from toolbox import models as m
from toolbox.catalog import Catalog
from toolbox.figures import nl_date
from toolbox.markup import first_sentence
from toolbox.render import RenderedPage

needs_seeds = pytest.mark.skipif(
    seed_dir() is None, reason="de brondocumenten (shared/seeds) staan niet naast de checkout"
)


def _sections(sections: list[m.Section], where: str) -> Iterator[tuple[str, m.Section]]:
    for s in sections:
        yield f"{where}#{s.id}", s
        yield from _sections(s.sections, f"{where}#{s.id}")


# Titles and summaries the site writes itself (navigation, not the report's words).
EDITORIAL_TITLES = {
    "Samenvatting van het onderzoek",
    "Wat verstaan we onder sociale binding en studentenwelzijn?",
    "Methode: hoe de werkzame elementen zijn gevonden",
    "Inleiding op de resultaten",
    "Het integrale model: drie niveaus",
    "Beperkingen van het onderzoek",
    "Conclusies per onderzoeksvraag",
    "Opbrengsten en kennisbenutting",
    "NSE 2026 voor contactpersonen van instellingen",
    "Het vervolgonderzoek naar deelname",
    "Begrippen",
}
EDITORIAL_SUMMARIES = {"opbrengsten", "nse-coordinatoren"}


def _texts(cat: Catalog) -> Iterator[tuple[str, str, str]]:
    """(where, text, seed) for every text field issue 13 added: the report's own words."""

    def section_texts(sections: list[m.Section], where: str) -> Iterator[tuple[str, str, str]]:
        for w, s in _sections(sections, where):
            key = DOCUMENT_FILES[s.sources[0].document]
            for name, value in (("body", s.body), ("closing", s.closing)):
                if value:
                    yield f"{w}.{name}", value, key
            for i, e in enumerate(s.entries):
                if e.text:
                    yield f"{w}.entries[{i}]", e.text, key
            for i, h in enumerate(s.highlights):
                yield f"{w}.highlights[{i}]", h, key
            for i, q in enumerate(s.quotes):
                yield f"{w}.quotes[{i}]", q.text, key

    for page in [*cat.pages.values(), cat.coordinators]:
        assert page is not None
        key = DOCUMENT_FILES[page.sources[0].document]
        if page.id not in EDITORIAL_SUMMARIES:
            yield f"{page.id}.summary", page.summary, key
        if page.intro:
            yield f"{page.id}.intro", page.intro, key
        yield from section_texts(page.sections, page.id)
    assert cat.glossary and cat.participation and cat.roadmap and cat.practice and cat.communication
    for term in cat.glossary.terms:
        for i, d in enumerate(term.definitions):
            yield f"begrippen#{term.id}[{i}]", d.text, DOCUMENT_FILES[d.source.document]
    st = cat.participation
    yield "deelname.summary", st.summary, "003"
    yield from section_texts(st.sections, "deelname")
    for t in st.tables:
        yield f"deelname#{t.id}.title", t.title, "003"
    rm = cat.roadmap
    yield from section_texts(rm.background, "roadmap")
    for cl in rm.clusters:
        if cl.intro:
            yield f"roadmap#{cl.id}.intro", cl.intro, "002"
        for it in cl.items:
            if it.explanation:
                yield f"roadmap#{it.id}.explanation", it.explanation, "002"
    pr = cat.practice
    for name in ("intro", "outro", "conclusion_intro"):
        if value := getattr(pr, name):
            yield f"hbo-praktijk.{name}", value, "004"
    for c in pr.conclusions:
        yield f"hbo-praktijk#conclusie-{c.number}.summary", c.summary, "004"
        yield f"hbo-praktijk#conclusie-{c.number}.text", c.text, "004"
    for name in ("introduction", "method", "results"):
        yield from section_texts(getattr(pr, name), f"hbo-praktijk.{name}")
    if pr.limitations:
        yield from section_texts([pr.limitations], "hbo-praktijk")
    for p in pr.participants:
        yield "hbo-praktijk.participants", p, "004"
    com = cat.communication
    for r in com.roles:
        yield "communicatie.roles", r.role, "000"
        for p in r.points:
            yield "communicatie.roles", p, "000"
    for ch in com.result_channels:
        yield "communicatie.result_channels", ch.title, "000"
        for p in ch.points:
            yield "communicatie.result_channels", p, "000"
        for link in ch.links:
            yield "communicatie.result_channels.url", link.url, "000"
    for name in ("roles_intro", "results_note"):
        if value := getattr(com, name):
            yield f"communicatie.{name}", value, "000"
    for a in com.own_actions:
        yield "communicatie.own_actions", a, "001"
    if com.material_update:
        yield "communicatie.material_update", com.material_update, "001"
    for f in com.feedback_actions:
        yield "communicatie.feedback_actions", f.feedback, "001"
        yield "communicatie.feedback_actions", f.action, "001"
    for case in cat.cases.values():
        for i, a in enumerate(case.additions):
            yield f"{case.id}.additions[{i}]", a.text, DOCUMENT_FILES[a.source.document]
    wm = cat.cases["welzijnsmonitor-avans"]
    yield f"{wm.id}.description", wm.description, "003"


def _titles(cat: Catalog) -> Iterator[tuple[str, str]]:
    """(where, title) of every heading issue 13 added; a title may use the words of any seed."""
    for page in [*cat.pages.values(), cat.coordinators]:
        assert page is not None
        yield page.id, page.title
        for w, s in _sections(page.sections, page.id):
            yield w, s.title
            for e in s.entries:
                yield w, e.title
    assert cat.glossary and cat.roadmap and cat.practice
    for term in cat.glossary.terms:
        yield f"begrippen#{term.id}", term.term
    for w, s in _sections(cat.roadmap.background, "roadmap"):
        yield w, s.title
        for e in s.entries:
            yield w, e.title
    for name in ("introduction", "method", "results"):
        for w, s in _sections(getattr(cat.practice, name), "hbo-praktijk"):
            yield w, s.title


# ---- the word check -------------------------------------------------------------------------


@needs_seeds
def test_every_new_text_is_the_words_of_the_seed_it_cites(cat: Catalog) -> None:
    texts = list(_texts(cat))
    assert len(texts) > 250  # every page section, term, explanation and practice section is checked
    problems = [f"{where}: {p}" for where, text, key in texts for p in unmatched(text, key)]
    assert not problems, "\n".join(problems)


@needs_seeds
def test_every_title_uses_the_words_of_its_seed(cat: Catalog) -> None:
    problems = []
    for where, title in _titles(cat):
        if title in EDITORIAL_TITLES:
            continue
        missing = in_vocabulary(title)
        if missing:
            problems.append(f"{where}: '{title}': {missing}")
    assert not problems, "\n".join(problems)


@needs_seeds
def test_the_word_check_rejects_a_changed_a_dropped_and_an_invented_word() -> None:
    seed = "Ze hebben meer tijd, kennis en kunde op het gebied van studentbegeleiding dan reguliere docenten, waarvoor ze studenten actiever kunnen ondersteunen"
    assert unmatched(seed, "003") == []
    assert unmatched(seed.replace("waarvoor", "waardoor"), "003")
    assert unmatched(seed.replace("kennis en kunde", "kennis kunde"), "003")
    assert unmatched(seed + ", en dat werkt altijd heel goed voor iedereen", "003")
    # A sentence the site joins across a sidebar passes (003:91 + 003:103).
    assert unmatched("Een ander inzicht betrof actieve betrokkenheid van studenten in de vormgeving", "003") == []


def test_every_record_text_is_sourced_with_a_line_range(cat: Catalog) -> None:
    missing = []
    for page in [*cat.pages.values(), cat.coordinators]:
        assert page is not None
        for where, s in _sections(page.sections, page.id):
            missing += [where for src in s.sources if not src.lines]
    assert cat.glossary
    missing += [t.id for t in cat.glossary.terms for d in t.definitions if not d.source.lines]
    assert missing == []


def test_bad_references_in_the_new_records_are_dutch_errors_with_file_and_line(repo: Path) -> None:
    methode = repo / "content/onderzoek/methode.yaml"
    text = methode.read_text(encoding="utf-8")
    lines = text.splitlines()
    term_line = next(i for i, ln in enumerate(lines, 1) if ln.startswith("terms: ["))
    doc_line = next(i for i, ln in enumerate(lines, 1) if "document: nro-2025" in ln)
    text = text.replace("terms: [focusgroep", "terms: [focusgroepp", 1).replace(
        "document: nro-2025", "document: nro-2052", 1
    )
    methode.write_text(text, encoding="utf-8")
    iv = repo / "content/interventions.yaml"
    iv.write_text(
        iv.read_text(encoding="utf-8").replace("examples: [studiecentrum]", "examples: [studiecentrun]"),
        encoding="utf-8",
    )
    result = run_toolbox(repo, "validate")
    assert result.returncode == 1
    err = result.stderr
    assert (
        f"content/onderzoek/methode.yaml:{term_line}:" in err
        and "onbekend begrip 'focusgroepp' (bedoelde je 'focusgroep'?)" in err
    )
    assert f"content/onderzoek/methode.yaml:{doc_line}:" in err and "onbekend brondocument 'nro-2052'" in err
    assert "onbekende aanpak 'studiecentrun' (bedoelde je 'studiecentrum'?)" in err
    assert err.count("nro-2052") == 1  # reported once, not by two checks


# ---- counts ---------------------------------------------------------------------------------


def test_roadmap_explains_3_principles_and_14_factors(cat: Catalog) -> None:
    rm = cat.roadmap
    assert rm is not None
    explained = [(cl.id, it.number) for cl in rm.clusters for it in cl.items if it.explanation]
    assert [n for c, n in explained if c == "uitgangspunten"] == [1, 2, 3]
    assert [n for c, n in explained if c != "uitgangspunten"] == list(range(1, 15))
    assert all(cl.intro for cl in rm.clusters if cl.id != "uitgangspunten")


def test_roadmap_background_has_3_perspectives_and_5_phases(cat: Catalog) -> None:
    rm = cat.roadmap
    assert rm is not None
    by_id = {s.id: s for s in rm.background}
    assert [e.title for e in by_id["perspectieven"].entries] == [
        "Studentperspectief",
        "Onderwijsperspectief",
        "Maatschappelijk perspectief",
    ]
    assert [e.number for e in by_id["student-journey"].entries] == [1, 2, 3, 4, 5]
    assert by_id["student-journey"].entries[2].title == "De eerste 100 dagen"
    assert "wat-is-studentsucces" in by_id


def test_each_factor_explanation_sits_above_its_tips_under_its_own_anchor(
    cat: Catalog, pages: dict[str, RenderedPage]
) -> None:
    """On /roadmap/ the explanation opens above the tips; the whole text has its own anchor on /roadmap/toelichting/."""
    roadmap = pages["roadmap.md"].text
    full = pages["roadmap/toelichting.md"].text
    assert cat.roadmap is not None
    for cl in cat.roadmap.clusters:
        for it in cl.items:
            assert it.explanation
            anchor = roadmap.index(f"{{ #{it.id} }}")
            opening = roadmap.index(first_sentence(it.explanation), anchor)
            more = roadmap.index(f"roadmap/toelichting.md#{it.id})", anchor)
            first_tip = roadmap.index(f'data-plan-id="{it.id}/tip-1"', anchor)
            assert anchor < opening < more < first_tip, it.id
            here = full.index(f"{{ #{it.id} }}")
            last_paragraph = it.explanation.strip().split("\n\n")[-1]
            assert " ".join(last_paragraph.split()[:10]) in full[here:], it.id
    background = pages["roadmap/studentsucces.md"].text
    for anchor in (
        "perspectieven",
        "studentperspectief",
        "student-journey",
        "fase-eerste-100-dagen",
        "wat-is-studentsucces",
    ):
        assert f"{{ #{anchor} }}" in background


def test_participation_tables_have_one_cell_per_institution_and_row(cat: Catalog) -> None:
    st = cat.participation
    assert st is not None
    assert [c.label for c in st.cohorts] == ["Noorderpoort", "Avans", "Avans Int", "Leiden", "Leiden int."]
    assert [c.n for c in st.cohorts] == [125, 86, 21, 43, 7]
    shape = {t.id: [(r.label, len(r.cells)) for r in t.rows] for t in st.tables}
    assert shape == {
        "bekendheid": [("Niet bekend", 5), ("Bekend", 5)],
        "deelname": [("Geen deelname", 5), ("Deelname", 5)],
    }


@needs_seeds
def test_participation_figures_are_exactly_as_printed(cat: Catalog) -> None:
    """Parse the seed's table rows (003:6038-6039 and 6210-6211) and compare every cell."""
    st = cat.participation
    assert st is not None
    lines = seed_lines("003")
    tables = {t.id: t for t in st.tables}

    def printed(line: str, label: str) -> list[tuple[int, int | None]]:
        rest = line.strip()[len(label) :]
        return [(int(c), int(p) if p else None) for c, p in re.findall(r"(\d+)(?: \((\d+) ?%\))?", rest)]

    aware = {r.label: r.cells for r in tables["bekendheid"].rows}
    for n, label in ((6038, "Niet bekend"), (6039, "Bekend")):
        assert lines[n].strip().startswith(label)
        got = [(c.count, c.percent) for c in aware[label] if c.count is not None]
        assert got == printed(lines[n], label)
        assert "  " in lines[n].strip()  # the empty cell of 'Avans Int' is a double space in the seed
    part = {r.label: r.cells for r in tables["deelname"].rows}
    for n, label in ((6210, "Geen deelname"), (6211, "Deelname")):
        assert [(c.count, c.percent) for c in part[label]] == printed(lines[n], label)
    assert re.findall(r"N= ?(\d+)", lines[6037]) == [str(c.n) for c in st.cohorts]
    assert "261 studenten (waarvan 28 internationale" in " ".join(lines[891:893])
    assert (st.respondents, st.international_respondents) == (261, 28)


def _mismatches(st: m.ParticipationStudy) -> set[tuple[str, str | None, str | None]]:
    """(table, column, row) of every printed figure that does not add up; computed, not listed."""
    found: set[tuple[str, str | None, str | None]] = set()
    for t in st.tables:
        for ci, cohort in enumerate(st.cohorts):
            cells = [(r.label, r.cells[ci]) for r in t.rows]
            if any(c.count is None for _, c in cells):
                found.add((t.id, cohort.id, None))
                continue
            if sum(c.count or 0 for _, c in cells) != cohort.n:
                found.add((t.id, cohort.id, None))
            for label, c in cells:
                if c.percent is not None and c.count is not None and abs(c.percent - 100 * c.count / cohort.n) >= 1:
                    found.add((t.id, cohort.id, label))
    return found


def test_every_figure_that_does_not_add_up_carries_its_note_and_no_other_does(cat: Catalog) -> None:
    st = cat.participation
    assert st is not None
    noted = {(t.id, n.column, n.row) for t in st.tables for n in t.notes}
    assert _mismatches(st) == noted
    assert _mismatches(st) == {
        ("bekendheid", "avans-int", None),
        ("deelname", "avans", "Geen deelname"),
        ("deelname", "leiden", "Geen deelname"),
    }
    # The columns add up to more students than the method reports: the study itself says so.
    assert sum(c.n for c in st.cohorts) == 282 != st.respondents
    assert any("282" in n.note and "261" in n.note for n in st.notes if n.column is None)
    assert sum(c.n for c in st.cohorts if "int" in c.id) == st.international_respondents


def test_the_mismatch_check_finds_a_wrong_percentage() -> None:
    cohort = m.Cohort(id="x", label="X", institution="X", sector="MBO", n=10)
    row = m.CountRow(label="Ja", cells=[m.Count(count=5, percent=70)])
    other = m.CountRow(label="Nee", cells=[m.Count(count=5, percent=50)])
    table = m.CountTable(id="t", title="T", rows=[row, other], source=m.Source(document="nro-2025", section="S"))
    study = m.ParticipationStudy(
        id="s", title="S", summary="S", respondents=10, international_respondents=0,
        cohorts=[cohort], tables=[table], sources=[m.Source(document="nro-2025", section="S")],
    )  # fmt: skip
    assert _mismatches(study) == {("t", "x", "Ja")}


def test_a_row_with_too_few_cells_is_a_dutch_error() -> None:
    cohorts = [m.Cohort(id=i, label=i, institution=i, sector="WO", n=1) for i in ("a", "b")]
    table = m.CountTable(
        id="t", title="T", rows=[m.CountRow(label="Ja", cells=[m.Count(count=1)])],
        source=m.Source(document="nro-2025", section="S"),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="1 cellen, maar 2 kolommen"):
        m.ParticipationStudy(
            id="s", title="S", summary="S", respondents=2, international_respondents=0,
            cohorts=cohorts, tables=[table], sources=[m.Source(document="nro-2025", section="S")],
        )  # fmt: skip


@needs_seeds
def test_prose_figures_that_do_not_add_up_carry_a_note(cat: Catalog) -> None:
    """Each discrepancy is computed from the seed, then its note must be on the page with the figure."""
    lines = seed_lines("003")
    focus = " ".join(x.strip() for x in lines[962:965])
    counts = [int(x) for x in re.findall(r"n ?= ?(\d+)", focus)]
    assert counts == [7, 4, 6] and sum(counts) != 11 and "11 studenten" in focus
    assert "vier grote" in lines[3270] and "drie grote" in lines[581]
    years = {
        re.search(r"Langeloo et al\. \((\d{4})\)", lines[3315]).group(1),
        re.search(r"\((\d{4})\)", lines[6739]).group(1),
    }  # type: ignore[union-attr]
    assert len(years) == 2
    assert cat.coordinators is not None
    optional = next(s for _, s in _sections(cat.coordinators.sections, "") if s.id == "aanleveren-studentgegevens")
    listed = optional.body.split("**20 optionele kolommen**")[1].count("\n- ") if optional.body else 0
    assert listed == 13 != 20

    notes: dict[str, list[tuple[m.FigureNote, m.Section]]] = {}
    for page in [*cat.pages.values(), cat.participation, cat.coordinators]:
        assert page is not None
        for _, s in _sections(page.sections, page.id):
            for f in s.figure_notes:
                notes.setdefault(f.figure, []).append((f, s))
    for figure in (
        "11 studenten (Noorderpoort n = 7, Universiteit Leiden n = 4), Avans n=6)",
        "vier grote onderwijsinstellingen",
        "Langeloo et al. (2024)",
        "20 optionele kolommen",
        "Podcast (0)",
    ):
        assert figure in notes, figure
    for figure, found in notes.items():
        for _f, s in found:
            here = " ".join([s.body or "", *[(e.title + " " + (e.text or "")) for e in s.entries]])
            assert " ".join(words(figure)) in " ".join(words(here)), f"{s.id}: '{figure}' staat niet in de tekst"


def test_figure_notes_are_shown_next_to_the_figure(pages: dict[str, RenderedPage]) -> None:
    deelname = pages["onderzoek/deelname.md"].text
    assert 'id="deelname-noot-1"' in deelname and 'href="#deelname-noot-2"' in deelname
    assert "<svg" in deelname and "<table" in deelname and "<figcaption>" in deelname
    assert "Getal zoals gedrukt" in deelname and "met de 6 studenten van Avans erbij zijn het er 17" in deelname


# ---- pages, anchors, navigation -----------------------------------------------------------------


def test_research_index_links_every_research_page(cat: Catalog, pages: dict[str, RenderedPage]) -> None:
    index = pages["onderzoek/index.md"].text
    for page in cat.pages.values():
        assert f"]({page.id}.md)" in index, page.id
        assert f"onderzoek/{page.id}.md" in pages
    assert "](deelname.md)" in index and "](../begrippen.md)" in index
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - Onderzoek: onderzoek/index.md" in nav
    assert nav.count("onderzoek/") == 1  # one nav entry; the rest is reached from its index


def test_the_research_groups_and_counts(cat: Catalog) -> None:
    groups: dict[str, list[str]] = {}
    for p in sorted(cat.pages.values(), key=lambda p: (p.group or "", p.order or 0)):
        groups.setdefault(p.group or "", []).append(p.id)
    assert groups == {
        "discussie": ["discussie", "beperkingen", "conclusies", "vervolgonderzoek"],
        "onderzoek": ["samenvatting", "begrippen-binding-en-welzijn", "context-en-onderzoeksvragen", "methode"],
        "opbrengsten": ["opbrengsten"],
        "resultaten": ["inleiding-resultaten", "integraal-model"],
    }
    discussion = {s.id for s in cat.pages["discussie"].sections}
    assert {"onderwijsniveau", "extracurriculair-niveau", "beleids-en-organisatieniveau"} <= discussion
    assert [s.id for s in cat.pages["conclusies"].sections] == [
        "onderzoeksvraag-1",
        "online-onderwijs",
        "onderzoeksvraag-2",
        "afsluiting",
    ]


def test_every_glossary_term_has_a_stable_anchor_and_pages_link_to_it(
    cat: Catalog, pages: dict[str, RenderedPage]
) -> None:
    assert cat.glossary is not None
    glossary = pages["begrippen.md"].text
    ids = [t.id for t in cat.glossary.terms]
    assert len(ids) >= 30
    for term_id in ids:
        assert f"{{ #{term_id} }}" in glossary
    linked = {m_.group(1) for page in pages.values() for m_ in re.finditer(r'begrippen/#([a-z0-9-]+)"', page.text)}
    assert linked <= set(ids)
    assert {"sociale-binding", "studentenwelzijn", "studentsucces", "werkzaam-element"} <= linked
    element = pages["elementen/persoonlijke-aandacht.md"].text
    assert "begrippen/#sociale-binding" in element


def test_home_explains_the_integrated_model_in_the_reports_words(cat: Catalog, pages: dict[str, RenderedPage]) -> None:
    home = pages["index.md"].text
    assert "Het rapport ordent de werkzame elementen op drie niveaus" not in home
    assert "In de buitenste ring, het beleids- en organisatieniveau" in home
    assert "<svg" in pages["onderzoek/integraal-model.md"].text


# ---- communication (000, 001) -------------------------------------------------------------------


def test_timeline_shows_the_sources_wording_and_keeps_editor_notes_off_the_site(
    cat: Catalog, pages: dict[str, RenderedPage]
) -> None:
    com = cat.communication
    assert com is not None
    text = pages["communicatie.md"].text
    publication = next(t for t in com.timeline if t.activity == "Publicatie")
    assert publication.when == "Eind mei 2026" and publication.start is None
    assert "| Publicatie | Eind mei 2026 |" in text
    assert "01-05-2026" not in text
    for t in com.timeline:
        if t.editor_note:
            assert t.editor_note not in text
    assert "gereconstrueerd" not in text


@needs_seeds
def test_fieldwork_and_reminders_match_the_meeting_schedule(cat: Catalog) -> None:
    """001:286-307 glue labels to dates ('Reminder 126 – 29 januari'); each entry must be that line."""
    com = cat.communication
    assert com is not None
    lines = seed_lines("001")
    field = [t for t in com.timeline if t.group == "Veldwerk NSE 2026"]
    assert len(field) == 10
    raw = " ".join(lines[286:308])
    for t in field:
        assert f"{t.activity}{t.when}".replace(" ", "") in raw.replace(" ", ""), t.activity
        assert t.start is not None and t.start.year == 2026
        assert t.start.day == int(t.when.split()[0])


@needs_seeds
def test_send_schedule_has_every_group_on_the_printed_weekday(cat: Catalog, pages: dict[str, RenderedPage]) -> None:
    com = cat.communication
    assert com is not None and com.send_schedule is not None
    sch = com.send_schedule
    lines = seed_lines("001")
    assert " ".join(sch.moments) == lines[339].split(None, 1)[1].strip()
    assert [g.group for g in sch.groups] == ["A", "B", "C", "D"]
    text = pages["communicatie.md"].text
    for g, n in zip(sch.groups, (341, 343, 345, 347), strict=True):
        printed = re.findall(r"(\w+dag) (\d+) (\w+)", lines[n])
        assert len(printed) == len(g.dates) == 5
        for d, (weekday, day, month) in zip(g.dates, printed, strict=True):
            assert nl_date(d, weekday=True) == f"{weekday.lower()} {day} {month} 2026"
            assert nl_date(d, weekday=True) in text


def test_communication_has_roles_channels_actions_and_the_feedback_table(
    cat: Catalog, pages: dict[str, RenderedPage]
) -> None:
    com = cat.communication
    assert com is not None
    assert [len(r.points) for r in com.roles] == [2, 3]
    assert [len(ch.links) for ch in com.result_channels] == [1, 2, 1]
    assert len(com.own_actions) == 5
    assert len(com.feedback_actions) == 4
    text = pages["communicatie.md"].text
    assert (
        "| Iconen/stickers vaak niet neutraal of onduidelijk | Alle iconen/stickers vervallen; focus op prijzen + CTA |"
        in text
    )
    assert "## Wat kun je zelf doen?" in text and "coordinatoren.md" in text


@needs_seeds
def test_result_links_are_the_decks_own_links(cat: Catalog) -> None:
    com = cat.communication
    assert com is not None
    deck = "\n".join(seed_lines("000"))
    for ch in com.result_channels:
        for link in ch.links:
            assert link.url in deck


# ---- practice (004) -----------------------------------------------------------------------


def test_practice_has_chapter_3_by_theme_intro_limitations_and_both_conclusions(cat: Catalog) -> None:
    pr = cat.practice
    assert pr is not None
    assert [s.title.split()[0] for s in pr.results] == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]
    assert [s.title.split()[0] for s in pr.results[3].sections] == [
        "3.4.1", "3.4.2", "3.4.2.1", "3.4.2.2", "3.4.2.3", "3.4.2.4", "3.4.2.5", "3.4.2.6",
    ]  # fmt: skip
    assert pr.introduction and pr.method and pr.limitations is not None
    assert [c.paragraph for c in pr.conclusions] == ["4.1", "4.2", "4.3", "4.5", "4.4"]
    assert len(pr.participants) == 22
    assert "recommendations" not in m.Conclusion.model_fields


# ---- corrections --------------------------------------------------------------------------


def test_row_22_says_where_the_appendix_puts_it_with_both_line_ranges(
    cat: Catalog, pages: dict[str, RenderedPage]
) -> None:
    iv = cat.interventions["introductieactiviteiten"]
    assert iv.numbers == [22]
    assert "verbindende-activerende-didactiek" in iv.elements and "warm-welkom" in iv.elements
    assert iv.editorial_note and "5190-5261" in iv.editorial_note and "1790-1794" in iv.editorial_note
    assert "5190-5261" in pages["aanpakken/introductieactiviteiten.md"].text
    for ident, row in (("tentoonstelling-prestatiedruk", "5310"), ("wellbeing-week-wednesday", "5318")):
        note = cat.interventions[ident].editorial_note
        assert note and row in note, ident
    for case_id in ("onboarding-podcasts-avans", "welzijnsmonitor-avans"):
        note = cat.cases[case_id].editorial_note
        assert note and "1193-1198" in note and "4259-4524" in note
        assert "Keuze van de redactie" in pages[f"casussen/{case_id}.md"].text


def test_row_13_lists_studiecentrum_among_its_examples(cat: Catalog, pages: dict[str, RenderedPage]) -> None:
    assert cat.interventions["inrichting-en-huisvesting"].examples == ["studiecentrum"]
    text = pages["aanpakken/inrichting-en-huisvesting.md"].text
    assert "[Studentencafé]" in text and "[Studiecentrum]" in text


@needs_seeds
def test_row_33_keeps_the_reports_word(cat: Catalog) -> None:
    assert "waarvoor ze studenten actiever" in cat.interventions["aandachtsfunctionarissen"].description
    assert unmatched(cat.interventions["aandachtsfunctionarissen"].description, "003") == []


def test_element_15_does_not_invent_a_speaker(cat: Catalog, pages: dict[str, RenderedPage]) -> None:
    quote = next(
        q for q in cat.elements["communicatie-curriculum"].quotes if q.text.startswith("Dat is wel het moment")
    )
    assert (quote.role, quote.institution) == ("Niet vermeld", None)
    assert "het rapport noemt niet wie dit zegt" in pages["elementen/communicatie-curriculum.md"].text


def test_elements_cite_the_discussion_list_behind_their_ring(cat: Catalog) -> None:
    lists = {"onderwijs": "3443-3445", "extracurriculair": "3536-3537", "beleid": "3626-3629"}
    for el in cat.elements.values():
        assert lists[el.ring] in [s.lines for s in el.sources], el.id


@needs_seeds
def test_every_quote_names_only_a_speaker_the_report_names(cat: Catalog) -> None:
    """The role and institution of a quote must be in the report's sentence around it (003)."""
    seed = " ".join(" ".join(seed_lines("003")).split())
    role_words = {"Student": "student", "Docent": "docent", "Onderwijsprofessional": "professional"}
    role_words["Internationale student"] = "internation"
    places = {"Hanzehogeschool": "Hanze", "Universiteit Leiden": "Leiden", "Avans Hogeschool": "Avans"}
    quotes = [(el.id, q) for el in [*cat.elements.values(), *cat.topics.values()] for q in el.quotes]
    for page in cat.pages.values():
        quotes += [(page.id, q) for _, sec in _sections(page.sections, page.id) for q in sec.quotes]
    wrong = []
    for where, q in quotes:
        at = seed.find(" ".join(q.text.split()[:6]))
        assert at >= 0, f"{where}: citaat niet gevonden"
        around = seed[max(0, at - 350) : at + len(q.text) + 60]
        if q.role != "Niet vermeld" and role_words[q.role] not in around.lower():
            wrong.append(f"{where}: {q.role}: {q.text[:40]}")
        if q.institution and places.get(q.institution, q.institution) not in around:
            wrong.append(f"{where}: {q.institution}: {q.text[:40]}")
    assert len(quotes) > 50
    assert wrong == []


def test_quote_roles_are_one_enumeration() -> None:
    assert set(m.QuoteRole.__args__) == {
        "Student",
        "Internationale student",
        "Onderwijsprofessional",
        "Docent",
        "Niet vermeld",
    }  # type: ignore[attr-defined]
    for wrong in ("student", "professional", "onderwijsprofessional"):
        with pytest.raises(ValidationError):
            m.Quote(text="Fijn.", role=wrong)  # type: ignore[arg-type]


@needs_seeds
def test_welzijnsmonitor_marks_which_text_is_from_which_document(cat: Catalog, pages: dict[str, RenderedPage]) -> None:
    case = cat.cases["welzijnsmonitor-avans"]
    assert unmatched(case.description, "003") == []
    assert [a.source.document for a in case.additions] == ["hva-2023"]
    assert unmatched(case.additions[0].text, "004") == []
    assert unmatched(case.additions[0].text, "003")  # the 004 text is not in the NRO report
    text = pages["casussen/welzijnsmonitor-avans.md"].text
    assert text.count('class="tb-section-source"') == 2
    assert "Het rapport geeft van elke casus alleen deze samenvatting" not in text


def test_no_date_is_guessed_for_the_cycle(cat: Catalog) -> None:
    com = cat.communication
    assert com is not None
    cycle = {t.activity: t for t in com.timeline if t.group == "De cyclus van de NSE 2026"}
    assert cycle["Veldwerk"].start == dt.date(2026, 1, 12) and cycle["Veldwerk"].end == dt.date(2026, 3, 8)
    assert cycle["Dataverwerking"].start is None and cycle["Publicatie"].start is None
