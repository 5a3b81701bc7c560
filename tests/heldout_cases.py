"""A held-out set of hostile inputs for issue 15, written down before the fixes and never tuned on.

Each case makes one change to a copy of the repository and says what a good answer is:
- "reject": exit code 1 and a Dutch `path:line:col: message` at exactly that file and line;
- "accept": the input is fine (exit code 0), and any extra check passes;
- "either": accepting is fine, and so is rejecting at that file and line.
Every case must also show no traceback, no raw control character, no quoted secret, no hang,
no command run, and (for builds) a complete previous or new site. Run by tests/test_heldout.py
only when HELDOUT=1: the point is to measure, once, on inputs nobody fitted the code to.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

CASE = "content/cases/escaperoom-hanze.yaml"
EL = "content/elements/01-persoonlijke-aandacht.yaml"
IV = "content/interventions.yaml"
COM = "content/communicatie.yaml"
SECRET = "HELDOUT-SECRET-7c1f"


@dataclass
class Spec:
    outcome: str  # "reject", "accept" or "either"
    path: str | None = None
    line: int | None = None
    command: str = "validate"  # "validate", "build" (non-strict) or "build-strict"
    secret: str | None = None  # must never appear in the output
    limit: float = 2.0  # seconds the command may take (validate); builds get their own limit
    xss_field: tuple[str, str] | None = None  # (case field, text): also rendered with validation bypassed
    check: Callable[[Path, str], str | None] | None = None  # extra check on (repo, output): reason or None
    notes: list[str] = field(default_factory=list)


def _text(repo: Path, rel: str) -> str:
    return (repo / rel).read_text(encoding="utf-8")


def _replace(repo: Path, rel: str, old: str, new: str) -> int:
    text = _text(repo, rel)
    at = text.index(old)
    (repo / rel).write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def _description(repo: Path, markdown: str) -> int:
    """Replace the case's description by `markdown` as a literal block; return the key's line."""
    text = _text(repo, CASE)
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("description:"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" "))
    body = ["  " + ln if ln else "" for ln in markdown.split("\n")]
    lines[start:end] = ["description: |", *body]
    (repo / CASE).write_text("\n".join(lines), encoding="utf-8")
    return start + 1


CASES: dict[str, Callable[[Path], Spec]] = {}


def case(func: Callable[[Path], Spec]) -> Callable[[Path], Spec]:
    CASES[func.__name__.replace("_", "-")] = func
    return func


# --- script execution ------------------------------------------------------------------------


def _xss(repo: Path, markdown: str) -> Spec:
    line = _description(repo, markdown)
    return Spec("reject", CASE, line, xss_field=("description", markdown))


@case
def xss_refdef_blockquote_hex_entity(repo: Path) -> Spec:
    return _xss(repo, "Zie [klik][x].\n\n> [x]: jav&#x61;script:alert(1)")


@case
def xss_refdef_list_item_decimal_entity(repo: Path) -> Spec:
    return _xss(repo, "- punt een [klik][r]\n\n    [r]: &#106;avascript:alert(1)")


@case
def xss_refdef_admonition_named_entity(repo: Path) -> Spec:
    return _xss(repo, "!!! note\n    Zie [klik][q].\n\n    [q]: javascript&colon;alert(1)")


@case
def xss_refdef_nested_list_blockquote_data(repo: Path) -> Spec:
    return _xss(repo, "Tekst [a][b].\n\n- > [b]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")


@case
def xss_angle_bracket_inline_link(repo: Path) -> Spec:
    return _xss(repo, "Zie [hier](<javascript:alert(1)>).")


@case
def xss_link_title_quote_breakout(repo: Path) -> Spec:
    return _xss(repo, 'Zie [hier](https://example.org "x\\" onclick=\\"alert(1)").')


@case
def xss_raw_details_ontoggle(repo: Path) -> Spec:
    return _xss(repo, "Tekst.\n\n<details open ontoggle=alert(1)><summary>x</summary></details>")


@case
def xss_attr_list_on_list_item(repo: Path) -> Spec:
    return _xss(repo, "- punt {: onclick=alert(1) }\n- nog een punt")


@case
def http_refdef_admonition(repo: Path) -> Spec:
    return _xss(repo, "!!! tip\n    Zie [hier][h].\n\n    [h]: http://example.org/pad")


@case
def http_encoded_scheme_inline(repo: Path) -> Spec:
    return _xss(repo, "Zie [hier](&#104;ttp://example.org/).")


@case
def http_uppercase_scheme(repo: Path) -> Spec:
    return _xss(repo, "Zie [hier](HTTP://example.org/).")


@case
def mailto_link_is_fine(repo: Path) -> Spec:
    line = _description(repo, "Mail [het team](mailto:team@example.org) voor vragen.")
    return Spec("accept", CASE, line)


@case
def entity_encoded_tags_in_code_are_text(repo: Path) -> Spec:
    line = _description(repo, "Schrijf nooit `&lt;script&gt;` in een bericht.")
    return Spec("either", CASE, line, xss_field=("description", "Schrijf nooit `&lt;script&gt;` in een bericht."))


# --- data loss and file-system faults ----------------------------------------------------------


@case
def two_builds_at_once(repo: Path) -> Spec:
    return Spec("accept", command="concurrent-builds")


@case
def site_is_a_symlink_to_deploy_folder(repo: Path) -> Spec:
    (repo / "deploy").mkdir()
    (repo / "site").symlink_to("deploy")

    def check(repo: Path, output: str) -> str | None:
        if not (repo / "site").is_symlink():
            return "site/ is no longer a symlink"
        if not (repo / "deploy" / "index.html").is_file():
            return "the deploy folder has no site"
        return None

    return Spec("accept", command="build-strict", check=check)


@case
def site_is_read_only(repo: Path) -> Spec:
    return Spec("either", command="build-read-only")


@case
def staging_path_is_a_file(repo: Path) -> Spec:
    (repo / ".site.building").write_text("in de weg", encoding="utf-8")
    return Spec("either", command="build-strict")


@case
def disk_full_while_writing(repo: Path) -> Spec:
    return Spec("either", command="build-file-size-limit")


@case
def stale_backup_folder_left_by_a_crash(repo: Path) -> Spec:
    (repo / ".site.old").mkdir()
    (repo / ".site.old" / "x.html").write_text("oud", encoding="utf-8")
    return Spec("accept", command="build-strict")


# --- disclosure --------------------------------------------------------------------------------


@case
def record_symlink_to_system_file(repo: Path) -> Spec:
    (repo / "content/cases/wachtwoorden.yaml").symlink_to("/etc/passwd")

    def check(repo: Path, output: str) -> str | None:
        return "a line of /etc/passwd was printed" if "root:" in output else None

    return Spec("reject", "content/cases/wachtwoorden.yaml", 1, check=check)


@case
def record_symlink_to_secret_outside_repo(repo: Path) -> Spec:
    outside = repo.parent / "elders.yaml"
    outside.write_text(f"id: geheim\ntitle: x\nwachtwoord: {SECRET}\n", encoding="utf-8")
    (repo / "content/cases/geheim.yaml").symlink_to(outside)
    return Spec("reject", "content/cases/geheim.yaml", 1, secret=SECRET)


@case
def record_is_a_named_pipe(repo: Path) -> Spec:
    os.mkfifo(repo / "content/cases/pijp.yaml")
    return Spec("reject", "content/cases/pijp.yaml", 1, limit=5.0)


@case
def record_symlink_loop(repo: Path) -> Spec:
    (repo / "content/cases/lus.yaml").symlink_to("lus.yaml")
    return Spec("reject", "content/cases/lus.yaml", 1)


@case
def record_symlink_to_readme_in_repo(repo: Path) -> Spec:
    (repo / "NOTES.md").write_text(f"# Notities\n\nIntern: {SECRET}\n", encoding="utf-8")
    (repo / "content/cases/notities.yaml").symlink_to("../../NOTES.md")
    return Spec("reject", "content/cases/notities.yaml", 1, secret=SECRET)


# --- hangs -------------------------------------------------------------------------------------


@case
def megabyte_of_braces(repo: Path) -> Spec:
    line = _description(repo, "{" * 1_000_000)
    return Spec("either", CASE, line)


@case
def megabyte_of_brackets(repo: Path) -> Spec:
    line = _description(repo, "[" * 1_000_000)
    return Spec("either", CASE, line)


@case
def half_megabyte_of_link_openers(repo: Path) -> Spec:
    line = _description(repo, "](" * 250_000)
    return Spec("either", CASE, line)


@case
def alternating_emphasis(repo: Path) -> Spec:
    line = _description(repo, "*a_" * 300_000)
    return Spec("either", CASE, line)


@case
def megabyte_without_punctuation_builds(repo: Path) -> Spec:
    _description(repo, ("woord " * 170_000).strip())
    return Spec("accept", command="build-strict")


@case
def deeply_nested_blockquotes(repo: Path) -> Spec:
    line = _description(repo, "> " * 5000 + "diep")
    return Spec("either", CASE, line)


@case
def deeply_nested_lists(repo: Path) -> Spec:
    line = _description(repo, "\n".join("  " * i + "- a" for i in range(3000)))
    return Spec("either", CASE, line)


# --- typing ------------------------------------------------------------------------------------


@case
def number_with_leading_zero(repo: Path) -> Spec:
    line = _replace(repo, EL, "\nnumber: 1\n", "\nnumber: 010\n") + 1
    return Spec("either", EL, line)


@case
def number_as_quoted_text(repo: Path) -> Spec:
    line = _replace(repo, EL, "\nnumber: 1\n", '\nnumber: "1"\n') + 1
    return Spec("reject", EL, line)


@case
def number_with_str_tag(repo: Path) -> Spec:
    line = _replace(repo, EL, "\nnumber: 1\n", "\nnumber: !!str 1\n") + 1
    return Spec("reject", EL, line)


@case
def lines_as_sexagesimal(repo: Path) -> Spec:
    line = _replace(repo, CASE, 'lines: "2130-2140"', "lines: 21:30")
    return Spec("reject", CASE, line)


@case
def yes_as_time_needed_is_text(repo: Path) -> Spec:
    _replace(repo, CASE, "time_needed: Een dagdeel", "time_needed: yes")
    return Spec("accept")


@case
def binary_tag_on_sector(repo: Path) -> Spec:
    line = _replace(repo, CASE, "sector: HBO", "sector: !!binary SEJP")
    return Spec("reject", CASE, line)


@case
def date_with_time(repo: Path) -> Spec:
    line = _replace(repo, COM, "start: 2025-10-07", "start: 2025-10-07T10:00:00")
    return Spec("reject", COM, line)


# --- invisible characters, control characters, encodings ---------------------------------------


@case
def cyrillic_a_in_id(repo: Path) -> Spec:
    line = _replace(repo, CASE, "id: escaperoom-hanze", "id: escaperoom-h\u0430nze")

    def check(repo: Path, output: str) -> str | None:
        return None if "U+0430" in output else "the code point is not named"

    return Spec("reject", CASE, line, check=check)


@case
def greek_omicron_in_title(repo: Path) -> Spec:
    line = _replace(repo, CASE, "title: Escaperoom", "title: Escaper\u03bfom")
    return Spec("reject", CASE, line)


@case
def right_to_left_override_in_title(repo: Path) -> Spec:
    line = _replace(repo, CASE, "title: Escaperoom", 'title: "Escape\u202eroom"')

    def check(repo: Path, output: str) -> str | None:
        if "\u202e" in output:
            return "the override character reached the terminal"
        return None if "U+202E" in output else "the code point is not named"

    return Spec("reject", CASE, line, check=check)


@case
def title_of_only_a_zero_width_space(repo: Path) -> Spec:
    line = _replace(repo, CASE, "title: Escaperoom", 'title: "\u200b"')
    return Spec("reject", CASE, line)


@case
def terminal_escape_in_enum(repo: Path) -> Spec:
    line = _replace(repo, CASE, "sector: HBO", 'sector: "\\e[2J\\e[31mHBO"')
    return Spec("reject", CASE, line)


@case
def terminal_escape_in_summary(repo: Path) -> Spec:
    line = _replace(repo, CASE, "time_needed: Een dagdeel", 'time_needed: "Een \\e]0;gehackt\\a dagdeel"')
    return Spec("reject", CASE, line)


@case
def utf16_little_endian_without_bom(repo: Path) -> Spec:
    (repo / CASE).write_bytes(_text(repo, CASE).encode("utf-16-le"))

    def check(repo: Path, output: str) -> str | None:
        return None if "UTF-16" in output else "UTF-16 is not named"

    return Spec("reject", CASE, 1, check=check)


@case
def utf16_big_endian_with_bom(repo: Path) -> Spec:
    (repo / CASE).write_bytes(_text(repo, CASE).encode("utf-16"))
    return Spec("reject", CASE, 1)


# --- cosmetic: content that reshapes the page --------------------------------------------------


@case
def extra_h1_in_description(repo: Path) -> Spec:
    line = _description(repo, "# Nieuwe paginatitel\n\nTekst.")
    return Spec("reject", CASE, line)


@case
def warning_box_in_description(repo: Path) -> Spec:
    line = _description(repo, '!!! danger "Let op"\n    Deze pagina is verplaatst.')
    return Spec("reject", CASE, line)


@case
def table_of_contents_in_description(repo: Path) -> Spec:
    line = _description(repo, "[TOC]\n\nTekst.")
    return Spec("reject", CASE, line)


@case
def inflation_by_reference_links(repo: Path) -> Spec:
    target = "https://example.org/" + "a" * 2000
    line = _description(repo, "[x][r] " * 3000 + f"\n\n[r]: {target}")
    return Spec("reject", CASE, line)


@case
def summary_ending_in_a_list_keeps_lead_styling_hidden(repo: Path) -> Spec:
    _replace(
        repo,
        CASE,
        'summary: "In deze escaperoom',
        'summary: "Twee punten:\\n\\n- samenwerken\\n- ontdekken\\n\\nIn deze escaperoom',
    )

    def check(repo: Path, output: str) -> str | None:
        page = repo / "site/casussen/escaperoom-hanze/index.html"
        if not page.is_file():
            return None  # rejected by validation: also fine
        return "'{: .tb-lead }' shows as text" if "tb-lead }" in page.read_text(encoding="utf-8") else None

    return Spec("either", CASE, 6, command="build-strict", check=check)


@case
def table_in_description(repo: Path) -> Spec:
    line = _description(repo, "| a | b |\n|---|---|\n| 1 | 2 |")
    return Spec("either", CASE, line)


# --- messages at the right place -----------------------------------------------------------------


@case
def topic_id_renamed(repo: Path) -> Spec:
    _replace(repo, "content/online-onderwijs.yaml", "id: online-onderwijs", "id: online-leren")
    return Spec("either", "content/online-onderwijs.yaml", 2, command="build-strict")


@case
def element_id_renamed_everywhere(repo: Path) -> Spec:
    old, new = "communicatie-welzijnsaanbod", "welzijnsaanbod-communiceren"
    for path in (repo / "content").rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")
    return Spec("either", "content/elements/09-communicatie-welzijnsaanbod.yaml", 2, command="build-strict")


# --- browser: the action plan --------------------------------------------------------------------

# Items a visitor's localStorage may hold (written by an old version, another tab or an attacker).
PLAN_STORE = "tb-actieplan-v1"
PLAN_PAYLOADS = {
    "plan-item-not-in-catalog-with-script-url": {
        "version": 1,
        "items": [
            {
                "id": "aanpak/bestaat-niet",
                "note": "",
                "text": "Klik",
                "group": "X",
                "url": "javascript:window.__pwned=1",
            }
        ],
    },
    "plan-note-is-a-number": {"version": 1, "items": [{"id": "aanpak/bestaat-niet", "note": 42, "text": 7, "url": 5}]},
}


def plan_store(name: str) -> str:
    return json.dumps(PLAN_PAYLOADS[name])


def make_read_only(path: Path) -> None:
    for p in [path, *path.rglob("*")]:
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
