"""A corpus of broken inputs: each is one small change to a copy of the real repository.

Every case runs the real command (`python -m toolbox validate`) and asserts exit code 1, a Dutch
`path:line:col: message` naming the field at the exact file and line, no traceback, and a result
within 2 seconds of CPU time. The expected line is computed from the edited text, never typed by hand.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_mkdocs, run_toolbox
from toolbox.load import MAX_DEPTH

MAX_SECONDS = 2.0
# Phrases of pydantic/PyYAML/Python that must never reach an editor untranslated.
ENGLISH = re.compile(
    r"Traceback|Input should|Field required|Extra inputs|value is not|expected <|while parsing|"
    r"could not|found character|Error:|Exception",
)
EL = "content/elements/01-persoonlijke-aandacht.yaml"
EL2 = "content/elements/02-peer-to-peer-begeleiding.yaml"
IV = "content/interventions.yaml"
CASE = "content/cases/escaperoom-hanze.yaml"


@dataclass(frozen=True)
class Expect:
    path: str
    line: int
    fragments: tuple[str, ...]  # every one must occur in the message on that line


def text_of(repo: Path, rel: str) -> str:
    return (repo / rel).read_text(encoding="utf-8")


def replace(repo: Path, rel: str, old: str, new: str, after: str = "") -> int:
    """Replace the first `old` (after the first `after`) by `new`; return the line the edit starts on."""
    text = text_of(repo, rel)
    start = text.index(after) if after else 0
    at = text.index(old, start)
    (repo / rel).write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1 + len(new) - len(new.lstrip("\n"))


def line_of(repo: Path, rel: str, needle: str, after: str = "") -> int:
    text = text_of(repo, rel)
    start = text.index(after) if after else 0
    return text.count("\n", 0, text.index(needle, start)) + 1


def last_line(repo: Path, rel: str) -> int:
    return text_of(repo, rel).rstrip("\n").count("\n") + 1


CASES: dict[str, Callable[[Path], Expect]] = {}


def case(func: Callable[[Path], Expect]) -> Callable[[Path], Expect]:
    CASES[func.__name__.replace("_", "-")] = func
    return func


# --- YAML syntax -----------------------------------------------------------------------------


@case
def syntax_colon_in_value(repo: Path) -> Expect:
    line = replace(repo, EL, "title: Persoonlijke aandacht", "title: Persoonlijke aandacht: extra")
    return Expect(EL, line, ("YAML-syntaxfout", "dubbele punt", "title"))


@case
def syntax_unclosed_quote(repo: Path) -> Expect:
    line = replace(repo, CASE, 'lines: "2130-2140"', 'lines: "2130-2140')
    return Expect(CASE, line, ("YAML-syntaxfout", "aanhalingsteken", "lines"))


@case
def syntax_key_indented_too_far(repo: Path) -> Expect:
    line = replace(repo, EL, "\nring: onderwijs", "\n   ring: onderwijs")
    return Expect(EL, line, ("YAML-syntaxfout", "ring"))


@case
def syntax_unclosed_flow_list(repo: Path) -> Expect:
    line = replace(repo, IV, "numbers: [1, 23]", "numbers: [1, 23")
    return Expect(IV, line, ("YAML-syntaxfout", "numbers"))


@case
def syntax_second_document(repo: Path) -> Expect:
    line = last_line(repo, CASE) + 1
    (repo / CASE).write_text(text_of(repo, CASE) + "---\nid: nog-een\n", encoding="utf-8")
    return Expect(CASE, line, ("één YAML-document",))


@case
def syntax_list_item_in_mapping(repo: Path) -> Expect:
    line = replace(repo, CASE, "\ntime_needed: Een dagdeel", "\n- time_needed: Een dagdeel")
    return Expect(CASE, line, ("YAML-syntaxfout", "inspringing"))


@case
def tab_indentation_in_list_of_mappings(repo: Path) -> Expect:
    line = replace(repo, IV, '\n    title: "Studieloket"', '\n\ttitle: "Studieloket"')
    return Expect(IV, line, ("tab", "spaties"))


@case
def tab_indentation_in_element_list(repo: Path) -> Expect:
    line = replace(repo, EL, "\n  - warm-welkom", "\n\t- warm-welkom")
    return Expect(EL, line, ("tab", "spaties"))


# --- duplicate keys ---------------------------------------------------------------------------


@case
def duplicate_key_top_level(repo: Path) -> Expect:
    line = replace(repo, EL, "\ntheme: binding", "\ntheme: binding\ntheme: welzijn")
    return Expect(EL, line + 1, ("veld 'theme' staat dubbel", f"regel {line}"))


@case
def duplicate_key_in_list_of_mappings(repo: Path) -> Expect:
    line = replace(
        repo, IV, "    sectors: [HBO]\n", "    sectors: [HBO]\n    sectors: [MBO]\n", after="- id: studieloket"
    )
    return Expect(IV, line + 1, ("veld 'sectors' staat dubbel",))


@case
def duplicate_key_in_quote(repo: Path) -> Expect:
    line = replace(repo, EL, "    role: Student\n", "    role: Student\n    role: Docent\n")
    return Expect(EL, line + 1, ("veld 'role' staat dubbel",))


@case
def duplicate_key_in_source(repo: Path) -> Expect:
    line = replace(repo, CASE, '    lines: "2130-2140"', '    lines: "2130-2140"\n    lines: "1-2"')
    return Expect(CASE, line + 1, ("veld 'lines' staat dubbel",))


# --- unknown fields ---------------------------------------------------------------------------


@case
def unknown_field_with_hint(repo: Path) -> Expect:
    line = replace(repo, EL, "\ntitle: Persoonlijke aandacht", "\ntitel: Persoonlijke aandacht")
    return Expect(EL, line, ("onbekend veld 'titel'", "bedoelde je 'title'"))


@case
def unknown_field_in_intervention(repo: Path) -> Expect:
    line = replace(repo, IV, "    description: |", "    descripton: |", after="- id: studieloket")
    return Expect(IV, line, ("aanpak 'studieloket'", "onbekend veld 'descripton'", "bedoelde je 'description'"))


@case
def unknown_field_in_nested_source(repo: Path) -> Expect:
    line = replace(repo, CASE, "    section:", "    sectie:")
    return Expect(CASE, line, ("onbekend veld 'sectie'",))


@case
def unknown_top_level_field_of_interventions(repo: Path) -> Expect:
    line = replace(repo, IV, "\ninterventions:", "\nversie: 2\ninterventions:")
    return Expect(IV, line, ("onbekend veld 'versie'",))


# --- missing required fields -----------------------------------------------------------------


@case
def missing_summary_of_element(repo: Path) -> Expect:
    text = text_of(repo, EL)
    (repo / EL).write_text(re.sub(r"(?m)^summary: .*\n", "", text), encoding="utf-8")
    return Expect(EL, line_of(repo, EL, "id: "), ("verplicht veld 'summary' ontbreekt",))


@case
def missing_elements_of_intervention(repo: Path) -> Expect:
    replace(repo, IV, "    elements: [peer-to-peer-begeleiding, studieondersteuning]\n", "", after="- id: studieloket")
    return Expect(IV, line_of(repo, IV, "id: studieloket"), ("aanpak 'studieloket'", "verplicht veld 'elements'"))


@case
def missing_sector_of_case(repo: Path) -> Expect:
    replace(repo, CASE, "sector: HBO\n", "")
    return Expect(CASE, line_of(repo, CASE, "id: "), ("verplicht veld 'sector' ontbreekt",))


@case
def missing_document_of_source(repo: Path) -> Expect:
    line = replace(repo, CASE, "  - document: nro-2025\n    section:", "  - section:")
    return Expect(CASE, line, ("verplicht veld 'document' ontbreekt",))


@case
def empty_required_text(repo: Path) -> Expect:
    line = replace(repo, CASE, "institution: Hanzehogeschool", 'institution: "   "')
    return Expect(CASE, line, ("institution", "mag niet leeg zijn"))


# --- wrong types ------------------------------------------------------------------------------


@case
def number_is_text(repo: Path) -> Expect:
    line = replace(repo, EL, "\nnumber: 1\n", "\nnumber: een\n")
    return Expect(EL, line, ("number moet een geheel getal zijn", "'een'"))


@case
def number_out_of_range(repo: Path) -> Expect:
    line = replace(repo, EL, "\nnumber: 1\n", "\nnumber: 17\n")
    return Expect(EL, line, ("number 17", "maximaal 16"))


@case
def sectors_not_a_list(repo: Path) -> Expect:
    line = replace(repo, IV, "sectors: [HBO]", "sectors: HBO", after="- id: studieloket")
    return Expect(IV, line, ("sectors moet een lijst zijn",))


@case
def title_is_a_list(repo: Path) -> Expect:
    line = replace(repo, CASE, "title: Escaperoom", "title: [Escape, room]")
    return Expect(CASE, line, ("title moet tekst zijn",))


@case
def elements_is_a_mapping(repo: Path) -> Expect:
    line = replace(repo, CASE, "elements:\n  - verbindende-activerende-didactiek", "elements:\n  hoofd: warm-welkom")
    return Expect(CASE, line + 1, ("elements moet een lijst zijn",))


@case
def sources_item_is_text(repo: Path) -> Expect:
    line = replace(
        repo, CASE, "  - document: nro-2025\n    section:", "  - nro-2025\n  - document: nro-2025\n    section:"
    )
    return Expect(CASE, line, ("sources", "groep velden"))


@case
def date_is_not_a_date(repo: Path) -> Expect:
    line = replace(repo, "content/communicatie.yaml", "start: 2025-10-07", "start: 7 oktober")
    return Expect("content/communicatie.yaml", line, ("start moet een datum (JJJJ-MM-DD) zijn",))


@case
def link_is_not_https(repo: Path) -> Expect:
    rel = "content/communicatie.yaml"
    line = replace(repo, rel, "url: https://", "url: http://")
    return Expect(rel, line, ("url", "https://"))


# --- enums and ids ----------------------------------------------------------------------------


@case
def sector_in_wrong_case(repo: Path) -> Expect:
    line = replace(repo, IV, "sectors: [HBO]", "sectors: [Hbo]", after="- id: studieloket")
    return Expect(IV, line, ("sectors 'Hbo' is ongeldig", "kies uit MBO, HBO, WO", "bedoelde je 'HBO'"))


@case
def theme_in_wrong_case(repo: Path) -> Expect:
    line = replace(repo, EL, "theme: binding", "theme: Binding")
    return Expect(EL, line, ("theme 'Binding' is ongeldig", "bedoelde je 'binding'"))


@case
def ring_misspelled(repo: Path) -> Expect:
    line = replace(repo, EL, "ring: onderwijs", "ring: ondewijs")
    return Expect(EL, line, ("ring 'ondewijs' is ongeldig", "bedoelde je 'onderwijs'"))


@case
def id_not_a_slug(repo: Path) -> Expect:
    line = replace(repo, CASE, "id: escaperoom-hanze", "id: Escaperoom Hanze")
    return Expect(CASE, line, ("id 'Escaperoom Hanze' is geen geldige id",))


# --- whole files ------------------------------------------------------------------------------


@case
def empty_file(repo: Path) -> Expect:
    (repo / CASE).write_text("", encoding="utf-8")
    return Expect(CASE, 1, ("bestand is leeg",))


@case
def comments_only_file(repo: Path) -> Expect:
    (repo / CASE).write_text("# alles weggehaald\n\n", encoding="utf-8")
    return Expect(CASE, 1, ("bestand is leeg",))


@case
def not_utf8(repo: Path) -> Expect:
    line = line_of(repo, EL, "title: ")
    raw = (
        (repo / EL)
        .read_bytes()
        .replace(b"title: Persoonlijke aandacht", "title: Persoonlijke caf\xe9".encode("latin-1"))
    )
    (repo / EL).write_bytes(raw)
    return Expect(EL, line, ("geen geldige UTF-8", "UTF-8"))


@case
def top_level_is_a_list(repo: Path) -> Expect:
    (repo / CASE).write_text("- id: escaperoom-hanze\n", encoding="utf-8")
    return Expect(CASE, 1, ("groep velden",))


@case
def huge_file(repo: Path) -> Expect:
    filler = "# " + "x" * 98 + "\n"
    (repo / CASE).write_text(text_of(repo, CASE) + filler * 60_000, encoding="utf-8")
    return Expect(CASE, 1, ("bestand is te groot",))


@case
def deep_nesting(repo: Path) -> Expect:
    line = last_line(repo, CASE) + 1
    (repo / CASE).write_text(text_of(repo, CASE) + "tips: " + "[" * 60 + "]" * 60 + "\n", encoding="utf-8")
    return Expect(CASE, line, ("te diep genest",))


@case
def deep_block_nesting(repo: Path) -> Expect:
    line = last_line(repo, CASE) + 1
    nested = "".join(f"{'  ' * i}n{i}:\n" for i in range(80)) + "  " * 80 + "x: 1\n"
    (repo / CASE).write_text(text_of(repo, CASE) + nested, encoding="utf-8")
    # Reported where the limit is crossed: the value of the key MAX_DEPTH levels below the top.
    return Expect(CASE, line + MAX_DEPTH + 1, ("te diep genest", f"meer dan {MAX_DEPTH} niveaus"))


@case
def very_deep_flow_nesting(repo: Path) -> Expect:
    # 100,000 levels crash libyaml's recursive composer (a segfault) unless caught before it runs.
    line = last_line(repo, CASE) + 1
    (repo / CASE).write_text(text_of(repo, CASE) + "tips: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return Expect(CASE, line, ("te diep genest",))


@case
def very_deep_block_nesting(repo: Path) -> Expect:
    line = last_line(repo, CASE) + 1
    (repo / CASE).write_text(text_of(repo, CASE) + "tips:\n" + "- " * 100_000 + "x\n", encoding="utf-8")
    return Expect(CASE, line + 1, ("te diep genest",))


@case
def number_too_long_for_python(repo: Path) -> Expect:
    line = replace(repo, EL, "\nnumber: 1\n", "\nnumber: " + "1" * 5000 + "\n")
    return Expect(EL, line, ("kan niet als geheel getal worden gelezen",))


@case
def bad_explicit_bool(repo: Path) -> Expect:
    line = replace(repo, CASE, "time_needed: Een dagdeel", "time_needed: !!bool misschien")
    return Expect(CASE, line, ("'misschien'", "ja/nee"))


@case
def control_character(repo: Path) -> Expect:
    line = replace(repo, CASE, "time_needed: Een dagdeel", "time_needed: Een\x07dagdeel")
    return Expect(CASE, line, ("U+0007", "niet toegestaan"))


@case
def alias_bomb(repo: Path) -> Expect:
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    (repo / CASE).write_text("\n".join(bomb) + "\n", encoding="utf-8")
    return Expect(CASE, 1, ("ankers", "niet toegestaan"))


@case
def merge_key(repo: Path) -> Expect:
    text = text_of(repo, CASE).replace("sources:\n  - document:", "sources:\n  - &bron\n    document:", 1)
    (repo / CASE).write_text(text + "extra:\n  <<: *bron\n", encoding="utf-8")
    return Expect(CASE, line_of(repo, CASE, "<<: *bron"), ("'<<'", "niet toegestaan"))


@case
def python_object_tag(repo: Path) -> Expect:
    marker = repo / "EXECUTED"
    line = replace(
        repo, CASE, "time_needed: Een dagdeel", f'time_needed: !!python/object/apply:os.system ["touch {marker}"]'
    )
    return Expect(CASE, line, ("YAML-tag", "python/object/apply:os.system", "niet toegestaan"))


@case
def python_name_tag_on_mapping(repo: Path) -> Expect:
    line = replace(repo, CASE, "\nsources:\n", "\nsources: !!python/object:os.system\n")
    return Expect(CASE, line, ("YAML-tag", "niet toegestaan"))


@case
def custom_include_tag(repo: Path) -> Expect:
    line = replace(repo, CASE, "time_needed: Een dagdeel", "time_needed: !include geheim.yaml")
    return Expect(CASE, line, ("YAML-tag '!include'", "niet toegestaan"))


# --- ids and references -----------------------------------------------------------------------


@case
def id_used_twice_across_files(repo: Path) -> Expect:
    line = replace(repo, CASE, "id: escaperoom-hanze", "id: persoonlijke-aandacht")
    return Expect(CASE, line, ("id 'persoonlijke-aandacht' is al in gebruik", EL))


@case
def id_used_twice_in_one_file(repo: Path) -> Expect:
    line = replace(repo, IV, "- id: studieloket", "- id: studentmentoren")
    return Expect(IV, line, ("id 'studentmentoren' is al in gebruik",))


@case
def dangling_element_reference(repo: Path) -> Expect:
    old = "elements: [peer-to-peer-begeleiding, studieondersteuning]"
    line = replace(repo, IV, old, old.replace("studieondersteuning", "studieondersteunig"), after="- id: studieloket")
    return Expect(IV, line, ("onbekend element 'studieondersteunig'", "bedoelde je 'studieondersteuning'"))


@case
def dangling_case_reference(repo: Path) -> Expect:
    line = replace(repo, IV, "case: studieloket-hanze", "case: studieloket-hanz")
    return Expect(IV, line, ("onbekende casus 'studieloket-hanz'", "bedoelde je 'studieloket-hanze'"))


@case
def dangling_related_element(repo: Path) -> Expect:
    line = replace(repo, EL, "\n  - warm-welkom", "\n  - warm-welkomst")
    return Expect(EL, line, ("onbekend element 'warm-welkomst'", "bedoelde je 'warm-welkom'"))


@case
def dangling_source_document(repo: Path) -> Expect:
    line = replace(repo, CASE, "document: nro-2025", "document: nro-2052")
    return Expect(CASE, line, ("onbekend brondocument 'nro-2052'", "bedoelde je 'nro-2025'"))


@case
def dangling_topic_case(repo: Path) -> Expect:
    rel = "content/online-onderwijs.yaml"
    text = text_of(repo, rel)
    first_case = re.search(r"(?m)^cases:\n  - (\S+)", text)
    assert first_case, "the topic lists cases"
    line = replace(repo, rel, f"  - {first_case.group(1)}", "  - bestaat-niet", after="\ncases:")
    return Expect(rel, line, ("onbekende casus 'bestaat-niet'",))


@case
def roadmap_stakeholder_not_canonical(repo: Path) -> Expect:
    rel = "content/roadmap.yaml"
    line = replace(repo, rel, '          - "Student"\n', '          - "Studentt"\n', after="\nclusters:")
    return Expect(rel, line, ("onbekend betrokkene", "'Studentt'", "bedoelde je 'Student'"))


@case
def element_related_to_itself(repo: Path) -> Expect:
    line = replace(repo, EL, "\n  - warm-welkom", "\n  - persoonlijke-aandacht")
    return Expect(EL, line, ("niet aan zichzelf verwant",))


@case
def intervention_parent_is_itself(repo: Path) -> Expect:
    line = replace(repo, IV, "    case: studieloket-hanze", "    parent: studieloket\n    case: studieloket-hanze")
    return Expect(IV, line, ("aanpak 'studieloket'", "niet onder zichzelf"))


@case
def element_number_used_twice(repo: Path) -> Expect:
    line = replace(repo, EL2, "\nnumber: 2\n", "\nnumber: 1\n")
    return Expect(EL2, line, ("nummer 1 is al gebruikt",))


# --- unsafe text ------------------------------------------------------------------------------


@case
def raw_html_in_markdown(repo: Path) -> Expect:
    line = replace(repo, CASE, "time_needed: Een dagdeel", 'time_needed: "Een <b>dagdeel</b>"')
    return Expect(CASE, line, ("time_needed", "ruwe HTML is niet toegestaan"))


@case
def http_link_in_markdown(repo: Path) -> Expect:
    line = replace(repo, CASE, "time_needed: Een dagdeel", 'time_needed: "Zie [site](http://example.org)"')
    return Expect(CASE, line, ("time_needed", "http://", "https://"))


@case
def title_too_long(repo: Path) -> Expect:
    line = replace(repo, CASE, "title: Escaperoom", "title: " + "E" * 201)
    return Expect(CASE, line, ("title is te lang", "200"))


@case
def multiline_title(repo: Path) -> Expect:
    line = replace(repo, CASE, "title: Escaperoom", 'title: "Escape\\nroom"')
    return Expect(CASE, line, ("title", "op één regel"))


def _message_at(output: str, expect: Expect) -> list[str]:
    prefix = re.compile(rf"^{re.escape(expect.path)}:{expect.line}:\d+: (.+)$", re.MULTILINE)
    return prefix.findall(output)


def test_corpus_has_at_least_40_inputs() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_reported_in_dutch(repo: Path, name: str) -> None:
    expect = CASES[name](repo)
    # CPU time, not wall time: what the check costs, whatever else the machine is doing
    # (run_toolbox runs in this process; a hang still fails at its timeout).
    started = time.process_time()
    result = run_toolbox(repo, "validate", timeout=30)
    elapsed = time.process_time() - started
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert not ENGLISH.search(output), output
    messages = _message_at(result.stderr, expect)
    assert any(all(f in msg for f in expect.fragments) for msg in messages), (
        f"expected {expect.path}:{expect.line} with {expect.fragments}, got:\n{result.stderr}"
    )
    assert elapsed < MAX_SECONDS, f"{elapsed:.2f} s"
    assert not (repo / "EXECUTED").exists(), "a YAML tag ran a command"


@pytest.mark.parametrize("name", ["sector-in-wrong-case", "python-object-tag", "duplicate-key-in-list-of-mappings"])
@pytest.mark.slow
def test_mkdocs_build_fails_with_the_same_messages(repo: Path, name: str) -> None:
    expect = CASES[name](repo)
    (repo / "site").mkdir()
    (repo / "site" / "index.html").write_text("vorige site", encoding="utf-8")
    result = run_mkdocs(repo)
    validate = run_toolbox(repo, "validate")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    dutch = [ln for ln in validate.stderr.splitlines() if ln.startswith(f"{expect.path}:{expect.line}:")]
    assert dutch and all(ln in result.stderr for ln in dutch), result.stderr
    assert "de site is niet gebouwd" in result.stdout + result.stderr
    assert (repo / "site" / "index.html").read_text(encoding="utf-8") == "vorige site"
    assert not (repo / "EXECUTED").exists()


# --- valid but unusual input ------------------------------------------------------------------


def _bom(repo: Path) -> None:
    (repo / CASE).write_bytes(b"\xef\xbb\xbf" + (repo / CASE).read_bytes())


def _crlf(repo: Path) -> None:
    for rel in (CASE, IV, EL):
        (repo / rel).write_bytes((repo / rel).read_bytes().replace(b"\n", b"\r\n"))


def _non_latin(repo: Path) -> None:
    replace(repo, CASE, "title: Escaperoom", 'title: "Escaperoom — café, Ελληνικά, 日本語, العربية, Ørsted"')


def _long_title(repo: Path) -> None:
    replace(repo, CASE, "title: Escaperoom", "title: " + ("Lange titel " * 20)[:200])


UNUSUAL: dict[str, Callable[[Path], None]] = {
    "utf8-bom": _bom,
    "crlf-line-endings": _crlf,
    "accents-and-non-latin": _non_latin,
    "title-of-200-characters": _long_title,
}


@pytest.mark.parametrize("name", sorted(UNUSUAL))
def test_valid_but_unusual_input_passes(repo: Path, name: str) -> None:
    UNUSUAL[name](repo)
    result = run_toolbox(repo, "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("In orde")


@pytest.mark.slow
def test_unusual_input_builds_and_shows_the_text(repo: Path) -> None:
    _bom(repo)
    _crlf(repo)
    _non_latin(repo)
    result = run_mkdocs(repo)
    assert result.returncode == 0, result.stderr
    page = (repo / "site/casussen/escaperoom-hanze/index.html").read_text(encoding="utf-8")
    assert "Escaperoom — café, Ελληνικά, 日本語, العربية, Ørsted" in page
    assert "\ufeff" not in page and "\r" not in page
