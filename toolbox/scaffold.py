"""`toolbox new intervention|case|element`: write a valid record skeleton with Dutch guidance.

Editors pass the facts they know as flags (`--id --title --element --sector ...`) or answer
prompts for what is missing. The skeleton is checked with the models before it is written and
with the whole catalog after, so it always passes `toolbox validate`; texts the editor still has to
write are marked with `TODO:` and listed afterwards (the tests refuse shipped content with TODOs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from toolbox import models as m
from toolbox.catalog import Catalog, load_catalog, source_files
from toolbox.messages import suggest
from toolbox.problems import ContentError, Problem
from toolbox.registry import TYPES, Folder, RecordType
from toolbox.text import yaml_str as _yaml_str

TODO = "TODO:"
KINDS = tuple(rt.name for rt in TYPES if rt.scaffold)
_SECTION_TODO = f"{TODO} kop van het hoofdstuk of de paragraaf in het rapport"
# What each skeleton asks the editor to write, per kind and field.
_TO_WRITE = {
    (
        "intervention",
        "description",
    ): "beschrijf de aanpak in de woorden van de bron: wat is het, voor wie, hoe werkt het.",
    (
        "practice",
        "description",
    ): "beschrijf de aanpak zoals de instelling haar uitvoert: wat is het, voor wie, hoe werkt het.",
    ("practice", "contact"): "functie of algemeen e-mailadres bij de instelling (geen privé-adres)",
    ("case", "summary"): "één zin die de casus samenvat.",
    ("case", "description"): "de tekst van de casus uit het rapport, volledig.",
    ("element", "summary"): "één of twee zinnen uit het rapport die het element samenvatten.",
    ("element", "findings"): "de bevindingen uit het rapport, volledig en in dezelfde volgorde.",
    ("element", "recommendations"): "een aanbeveling uit het rapport (één per regel).",
}


def _todo(kind: str, field: str) -> str:
    return f"{TODO} {_TO_WRITE[kind, field]}"


Ask = Callable[[str], str]
Say = Callable[[str], None]


class ScaffoldError(Exception):
    """A Dutch message for the editor; nothing has been written."""


@dataclass
class Skeleton:
    kind: str
    id: str
    path: str  # relative to the repository root
    record: dict[str, Any]  # what the models validate
    lines: list[str] = field(default_factory=list)  # the YAML text, with comments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=KINDS, help="soort record: intervention (aanpak), case (casus) of element")
    parser.add_argument("--id", help="id van het nieuwe record (standaard: gemaakt uit de titel)")
    parser.add_argument("--title", help="titel")
    parser.add_argument(
        "--element", action="append", help="werkzaam element (id of nummer); herhaal voor meer elementen"
    )
    parser.add_argument("--sector", action="append", help="MBO, HBO of WO; herhaal voor meer sectoren")
    parser.add_argument("--case", help="aanpak: id van de casus die de aanpak uitwerkt (optioneel)")
    parser.add_argument("--parent", help="aanpak: id van de hoofdaanpak als dit een voorbeeld ervan is (optioneel)")
    parser.add_argument("--institution", help="casus of praktijkvoorbeeld: naam van de instelling")
    parser.add_argument(
        "--practice",
        action="store_true",
        help="aanpak: een praktijkvoorbeeld van een instelling (niet uit een rapport); met --institution",
    )
    parser.add_argument("--contact", help="praktijkvoorbeeld: functie of algemeen e-mailadres bij de instelling")
    parser.add_argument("--url", help="praktijkvoorbeeld: webpagina van de instelling over de aanpak (https://)")
    parser.add_argument("--number", type=int, help="element: nummer")
    parser.add_argument("--theme", help="element: binding of welzijn")
    parser.add_argument("--ring", help="element: onderwijs, extracurriculair of beleid")
    parser.add_argument("--source", help="id van het brondocument uit content/bronnen.yaml")
    parser.add_argument("--section", help="kop van het hoofdstuk of de paragraaf in het brondocument")


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80].strip("-")


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


class _Inputs:
    """Values from flags, or from prompts when a flag is missing."""

    def __init__(self, args: argparse.Namespace, ask: Ask | None) -> None:
        self.args = args
        self.ask = ask

    def get(self, name: str, prompt: str, default: str | None = None) -> str:
        value = getattr(self.args, name, None)
        if value not in (None, "", []):
            return str(value)
        if self.ask is None:
            if default is not None:
                return default
            raise ScaffoldError(
                f"--{name} ontbreekt ({prompt}); of draai de opdracht zonder opties en beantwoord de vragen"
            )
        shown = f" [{default}]" if default else ""
        try:
            answer = self.ask(f"{prompt}{shown}: ").strip()
        except EOFError:
            raise ScaffoldError(f"--{name} ontbreekt ({prompt})") from None
        if not answer and default is not None:
            return default
        if not answer:
            raise ScaffoldError(f"{prompt}: geen antwoord gegeven")
        return answer

    def many(self, name: str, prompt: str) -> list[str]:
        value = getattr(self.args, name, None)
        if value:
            return [v.strip() for item in value for v in str(item).split(",") if v.strip()]
        return [v.strip() for v in self.get(name, prompt + " (meerdere met komma's)").split(",") if v.strip()]


def _choose(value: str, choices: list[str], what: str) -> str:
    for choice in choices:
        if choice.lower() == value.lower():
            return choice
    raise ScaffoldError(f"{what} '{value}'{suggest(value, choices)}; kies uit {', '.join(choices)}")


def _literal_choices(alias: Any) -> list[str]:
    return [str(a) for a in get_args(alias)]


def _element_id(cat: Catalog, value: str) -> str:
    """An element by id, number or title (editors see titles and numbers on the site)."""
    for el in cat.elements.values():
        if value == str(el.number) or value.casefold() == el.title.casefold():
            return el.id
    return _choose(value, list(cat.elements), "onbekend element")


def _new_id(cat: Catalog, inputs: _Inputs, title: str) -> str:
    ident = inputs.get("id", "Id (kleine letters, cijfers en streepjes)", slugify(title) or None)
    if not re.fullmatch(m.SLUG_PATTERN, ident) or len(ident) > 80:
        raise ScaffoldError(
            f"'{ident}' is geen geldige id; gebruik kleine letters, cijfers en streepjes (bijv. '{slugify(ident) or 'mijn-aanpak'}')"
        )
    if ident in cat.origins:
        where = cat.origins[ident]
        raise ScaffoldError(f"id '{ident}' bestaat al (in {where.path}:{where.line}); kies een andere id")
    return ident


def _source_lines(cat: Catalog, inputs: _Inputs, kind: str) -> list[dict[str, str]]:
    # Default: the document records of this kind cite most often (computed, so it follows the data).
    used = Counter(s.document for r in cat.records[kind].values() for s in r.sources)
    default = used.most_common(1)[0][0] if used else next(iter(cat.documents))
    doc = _choose(
        inputs.get("source", f"Brondocument ({', '.join(cat.documents)})", default),
        list(cat.documents),
        "onbekend brondocument",
    )
    section = inputs.get("section", "Kop van het hoofdstuk of de paragraaf in het rapport", _SECTION_TODO)
    return [{"document": doc, "section": section}]


def _sources_yaml(sources: list[dict[str, str]], indent: str) -> list[str]:
    lines = [
        f"{indent}# Bron: waar dit in een rapport staat. Het document is een id uit content/bronnen.yaml;",
        f"{indent}# 'section' is de kop zoals in het rapport; 'lines' (optioneel) de regels in de brontekst.",
        f"{indent}sources:",
    ]
    for s in sources:
        lines += [
            f"{indent}  - document: {s['document']}",
            f"{indent}    section: {_yaml_str(s['section'])}",
            f'{indent}    # lines: "120-135"',
        ]
    return lines


def _field(indent: str, comment: str, key: str, value: str) -> list[str]:
    """A field of a skeleton with the comment that tells the editor what belongs in it."""
    return [f"{indent}# {comment}", f"{indent}{key}: {value}"]


def _intervention(cat: Catalog, inputs: _Inputs) -> Skeleton:
    title = inputs.get("title", "Titel van de aanpak")
    ident = _new_id(cat, inputs, title)
    elements = [_element_id(cat, e) for e in inputs.many("element", "Werkzame elementen (id of nummer)")]
    sectors = [
        _choose(s, list(m.SECTORS), "onbekende sector") for s in inputs.many("sector", "Sectoren (MBO, HBO, WO)")
    ]
    case = getattr(inputs.args, "case", None)
    parent = getattr(inputs.args, "parent", None)
    if case:
        case = _choose(case, list(cat.cases), "onbekende casus")
    if parent:
        parent = _choose(parent, list(cat.interventions), "onbekende aanpak")
    practice = _is_practice(inputs)
    description = _todo("practice" if practice else "intervention", "description")
    record: dict[str, Any] = {"id": ident, "title": title, "elements": elements, "sectors": sectors}
    i = "    "
    lines = [
        f"  # Nieuwe aanpak (gemaakt met `toolbox new intervention`). Vervang elke tekst die met {TODO} begint.",
        f"  - id: {ident}",
        f"{i}title: {_yaml_str(title)}",
    ]
    if not practice:
        lines += [
            f"{i}# Rijnummers in bijlage 7 van het rapport; laat de lijst leeg als de aanpak daar niet in staat.",
            f"{i}numbers: []",
        ]
    if parent:
        record["parent"] = parent
        lines += [f"{i}# Dit is een voorbeeld van de hoofdaanpak hieronder.", f"{i}parent: {parent}"]
    lines += [
        *_field(
            i,
            "Werkzame elementen (ids uit content/elements/); het eerste is het belangrijkste.",
            "elements",
            _flow(elements),
        ),
        *_field(i, "Onderwijssectoren: MBO, HBO en/of WO.", "sectors", _flow(sectors)),
        *_field(
            i,
            "Beschrijving in Markdown, volledig en neutraal; geen namen of andere persoonsgegevens van studenten.",
            "description",
            "|",
        ),
        f"{i}  {description}",
    ]
    if case:
        record["case"] = case
        lines += _field(i, "De casus die deze aanpak uitwerkt (id uit content/cases/).", "case", case)
    else:
        lines += [
            f"{i}# Optioneel: de casus die deze aanpak uitwerkt (id uit content/cases/), bijvoorbeeld:",
            f"{i}# case: <id>",
        ]
    record["description"] = description
    if practice:
        submitted = _submission(inputs)
        record["submitted"] = submitted
        lines += [
            f"{i}# Praktijkvoorbeeld van een instelling, niet uit een rapport: wie het indiende, wanneer, en een",
            f"{i}# contact (functie of algemeen e-mailadres) of url. De site toont het als praktijkvoorbeeld.",
            f"{i}submitted:",
            *(f"{i}  {key}: {_yaml_str(str(value))}" for key, value in submitted.items()),
        ]
        if "url" not in submitted:
            lines.append(f"{i}  # url: https://...")
    else:
        sources = _source_lines(cat, inputs, "intervention")
        lines += _sources_yaml(sources, i)
        record.update(numbers=[], sources=sources)
    return _skeleton("intervention", ident, record, lines)


def _is_practice(inputs: _Inputs) -> bool:
    """A practice example of an institution, or an intervention from a report (the default)."""
    if getattr(inputs.args, "practice", False) or inputs.ask is None:
        return bool(getattr(inputs.args, "practice", False))
    answer = inputs.get(
        "practice", "Komt de aanpak uit een rapport (r) of is het een praktijkvoorbeeld van een instelling (p)?", "r"
    )
    return answer.strip().lower().startswith("p")


def _submission(inputs: _Inputs) -> dict[str, str]:
    institution = inputs.get("institution", "Instelling die het praktijkvoorbeeld indient")
    submitted = {"institution": institution, "date": dt.date.today().isoformat()}
    contact = getattr(inputs.args, "contact", None)
    url = getattr(inputs.args, "url", None)
    if inputs.ask is not None and not (contact or url):
        contact = inputs.get("contact", "Contact: functie of algemeen e-mailadres (leeg: later invullen)", "") or None
    if url:
        submitted["url"] = url
    if contact or not url:
        submitted["contact"] = contact or _todo("practice", "contact")
    return submitted


def _case(cat: Catalog, inputs: _Inputs) -> Skeleton:
    title = inputs.get("title", "Titel van de casus")
    ident = _new_id(cat, inputs, title)
    institution = inputs.get("institution", "Instelling (bijv. Hogeschool Voorbeeld)")
    sector = _choose(inputs.get("sector", "Sector (MBO, HBO of WO)"), list(m.SECTORS), "onbekende sector")
    elements = [_element_id(cat, e) for e in inputs.many("element", "Werkzame elementen (id of nummer)")]
    summary, description = _todo("case", "summary"), _todo("case", "description")
    sources = _source_lines(cat, inputs, "case")
    record: dict[str, Any] = {
        "id": ident,
        "title": title,
        "institution": institution,
        "sector": sector,
        "summary": summary,
        "description": description,
        "elements": elements,
        "sources": sources,
    }
    lines = [
        "# yaml-language-server: $schema=../../schemas/case.schema.json",
        f"# Nieuwe casus (gemaakt met `toolbox new case`). Vervang elke tekst die met {TODO} begint.",
        f"id: {ident}",
        f"title: {_yaml_str(title)}",
        f"institution: {_yaml_str(institution)}",
        "# MBO, HBO of WO.",
        f"sector: {sector}",
        f"summary: {_yaml_str(summary)}",
        "# Markdown; geen namen of andere persoonsgegevens van studenten.",
        "description: |",
        f"  {description}",
        "# Werkzame elementen (ids uit content/elements/): eerst het element waarbij de casus in het rapport staat.",
        f"elements: {_flow(elements)}",
        "# Optioneel, alleen als de bron het noemt: target_group, goal, time_needed en tips (een lijst).",
        "# time_needed: Een dagdeel",
    ]
    lines += _sources_yaml(sources, "")
    return _skeleton("case", ident, record, lines)


def _element(cat: Catalog, inputs: _Inputs) -> Skeleton:
    title = inputs.get("title", "Titel van het element")
    ident = _new_id(cat, inputs, title)
    bounds = {type(c).__name__: c for c in m.Element.model_fields["number"].metadata}
    low, high = getattr(bounds.get("Ge"), "ge", 1), getattr(bounds.get("Le"), "le", 10**6)
    used = {el.number for el in cat.elements.values()}
    free = [n for n in range(low, high + 1) if n not in used]
    if not free:
        raise ScaffoldError(
            f"alle elementnummers {low}-{high} zijn in gebruik; een nieuw element past niet in het model van het rapport"
        )
    raw = inputs.get("number", f"Nummer ({', '.join(map(str, free))})", str(free[0]))
    if not raw.isdigit() or int(raw) not in free:
        raise ScaffoldError(f"nummer '{raw}' is niet vrij; kies uit {', '.join(map(str, free))}")
    number = int(raw)
    theme = _choose(inputs.get("theme", "Thema (binding of welzijn)"), _literal_choices(m.Theme), "onbekend thema")
    ring = _choose(
        inputs.get("ring", "Ring (onderwijs, extracurriculair of beleid)"), _literal_choices(m.Ring), "onbekende ring"
    )
    summary, findings = _todo("element", "summary"), _todo("element", "findings")
    recommendation = _todo("element", "recommendations")
    sources = _source_lines(cat, inputs, "element")
    record: dict[str, Any] = {
        "id": ident,
        "number": number,
        "title": title,
        "theme": theme,
        "ring": ring,
        "summary": summary,
        "findings": findings,
        "recommendations": [recommendation],
        "sources": sources,
    }
    lines = [
        "# yaml-language-server: $schema=../../schemas/element.schema.json",
        f"# Nieuw werkzaam element (gemaakt met `toolbox new element`). Vervang elke tekst die met {TODO} begint.",
        f"id: {ident}",
        f"number: {number}",
        f"title: {_yaml_str(title)}",
        "# binding of welzijn; ring: onderwijs, extracurriculair of beleid.",
        f"theme: {theme}",
        f"ring: {ring}",
        f"summary: {_yaml_str(summary)}",
        "# Markdown. Citaten horen in 'quotes' (text, role, institution), niet hier.",
        "findings: |",
        f"  {findings}",
        "recommendations:",
        f"  - {_yaml_str(recommendation)}",
        "# Optioneel: participation, quotes, literature en related (ids van verwante elementen).",
    ]
    lines += _sources_yaml(sources, "")
    return _skeleton("element", ident, record, lines)


_BUILDERS: dict[str, Callable[[Catalog, _Inputs], Skeleton]] = {
    "intervention": _intervention,
    "case": _case,
    "element": _element,
}


def _type(kind: str) -> RecordType:
    return next(rt for rt in TYPES if rt.name == kind)


def _skeleton(kind: str, ident: str, record: dict[str, Any], lines: list[str]) -> Skeleton:
    """The skeleton goes where the registry keeps records of its kind."""
    store = _type(kind).store
    path = f"{store.path}/{store.name(record)}" if isinstance(store, Folder) else store.path
    return Skeleton(kind, ident, path, record, lines)


def build(cat: Catalog, kind: str, args: argparse.Namespace, ask: Ask | None) -> Skeleton:
    skeleton = _BUILDERS[kind](cat, _Inputs(args, ask))
    try:
        _type(kind).model.model_validate(skeleton.record)
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False))
        raise ScaffoldError(f"de invoer past niet in het model ({reasons})") from None
    return skeleton


def write(root: Path, skeleton: Skeleton) -> tuple[int, str | None]:
    """Write the skeleton; return the line it starts on and the previous text (None: new file)."""
    target = root / skeleton.path
    block = "\n".join(skeleton.lines) + "\n"
    if isinstance(_type(skeleton.kind).store, Folder):
        if target.exists():
            raise ScaffoldError(f"{skeleton.path} bestaat al; kies een andere id")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block, encoding="utf-8")
        return 1, None
    old = target.read_text(encoding="utf-8")
    text = old if old.endswith("\n") else old + "\n"
    start = text.count("\n") + 2  # after the blank separator line
    target.write_text(text + "\n" + block, encoding="utf-8")
    return start, old


def id_line(skeleton: Skeleton, start: int) -> int:
    """The line of the new record's `id:` (where `toolbox validate` and edit links point)."""
    offset = next(i for i, line in enumerate(skeleton.lines) if line.strip().lstrip("- ") == f"id: {skeleton.id}")
    return start + offset


def todo_lines(root: Path, skeleton: Skeleton, start: int) -> list[tuple[int, str]]:
    lines = (root / skeleton.path).read_text(encoding="utf-8").splitlines()
    end = start - 1 + len(skeleton.lines)
    return [
        (n, lines[n - 1].strip())
        for n in range(start, min(end, len(lines)) + 1)
        if TODO in lines[n - 1] and not lines[n - 1].lstrip().startswith("#")
    ]


def run(root: Path, kind: str, args: argparse.Namespace, ask: Ask | None, say: Say) -> int:
    try:
        cat = load_catalog(root)
    except ContentError as exc:
        say(exc.report())
        say("Los eerst deze fouten op (toolbox validate); daarna kun je een nieuw record toevoegen.")
        return 1
    try:
        skeleton = build(cat, kind, args, ask)
        start, previous = write(root, skeleton)
    except ScaffoldError as exc:
        say(f"Niets geschreven: {exc}.")
        return 1
    try:
        load_catalog(root)
    except ContentError as exc:  # should not happen: undo rather than leave a broken repository
        target = root / skeleton.path
        if previous is None:
            target.unlink()
        else:
            target.write_text(previous, encoding="utf-8")
        say(exc.report())
        say("Niets geschreven: het nieuwe record gaf de fouten hierboven.")
        return 1
    name = _type(kind).label
    say(f"Nieuwe {name} '{skeleton.id}' toegevoegd in {skeleton.path}:{id_line(skeleton, start)}.")
    say("Vul nu in (vervang de tekst die met TODO: begint):")
    for line, text in todo_lines(root, skeleton, start):
        say(f"  {skeleton.path}:{line}: {text}")
    checked = (
        "de gegevens van de instelling (submitted)"
        if "submitted" in skeleton.record
        else "de bron (document en section)"
    )
    say(f"Controleer daarna {checked} en draai `toolbox validate`.")
    say("Zolang er TODO-tekst staat, weigert `toolbox validate` het record (en dus ook je pull request).")
    return 0


def flags_given(args: argparse.Namespace) -> bool:
    """Any record flag given means non-interactive: missing required values are errors, not prompts."""
    names = (
        "id",
        "title",
        "element",
        "sector",
        "case",
        "parent",
        "institution",
        "number",
        "theme",
        "ring",
        "contact",
        "url",
    )
    return bool(getattr(args, "practice", False)) or any(
        getattr(args, n, None) not in (None, []) for n in names + ("source", "section")
    )


def placeholder_problems(cat: Catalog) -> list[Problem]:
    """Every `TODO:` left in record text, at its file, line and column (comments do not count).

    `toolbox validate` refuses them (so pre-commit and the pull-request checks do); `toolbox
    validate --concept`, the preview and `toolbox new` accept them while a record is being written."""
    found = []
    for path in source_files(cat.root, cat.types):
        rel = path.relative_to(cat.root).as_posix()
        for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            col = line.find(TODO)
            if col >= 0 and not line[:col].lstrip().startswith("#"):
                found.append(
                    Problem(
                        rel,
                        n,
                        col + 1,
                        "hier staat nog sjabloontekst die met TODO: begint; vervang die door de tekst uit de bron",
                    )
                )
    return found


def placeholders(cat: Catalog) -> list[str]:
    """`path:line: id` of every record that still holds TODO: text (from `toolbox new` or the guide)."""
    found = []
    for _, record in cat.all_records():
        if TODO in record.model_dump_json():
            origin = cat.origins[record.id]
            found.append(f"{origin.path}:{origin.line}: '{record.id}'")
    return found
