"""The NSE message check: flag steering phrasings in a draft announcement of the NSE.

The rules are data (`content/nse-regels.yaml`, model `NseRules`); this module only applies them.
`static/assets/nse-check/check.js` applies the very same rules in the browser, so both normalise
text the same way: lower case and accents removed, one character for one character, so positions
stay valid.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from toolbox import models as m
from toolbox.load import Loc


def normalise(text: str) -> str:
    """Lower case without accents, with the same length as `text` (vóór -> voor)."""
    out = []
    for ch in text:
        plain = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower()
        out.append(plain if len(plain) == 1 else ch.lower() if len(ch.lower()) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str  # the original words that matched


@dataclass
class Flag:
    rule: m.NseRule
    hits: list[Hit] = field(default_factory=list)


def check(text: str, rules: m.NseRules) -> list[Flag]:
    """Every rule the text appears to break, in the order of the rules file."""
    norm = normalise(text)
    flags = []
    for rule in rules.rules:
        hits: dict[tuple[int, int], Hit] = {}
        for pattern in rule.patterns:
            for match in re.finditer(pattern, norm):
                if match.end() > match.start():
                    hits.setdefault(match.span(), Hit(match.start(), match.end(), text[match.start() : match.end()]))
        if hits:
            flags.append(Flag(rule, sorted(hits.values(), key=lambda h: h.start)))
    return flags


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def report(path: str, text: str, flags: list[Flag], rules: m.NseRules, communication: m.Communication | None) -> str:
    """The Dutch explanation the CLI prints: each flag with the rule it breaks and neutral phrasings."""
    lines: list[str] = []
    for flag in flags:
        lines.append(f"Melding: {flag.rule.title}")
        for hit in flag.hits:
            line, col = position(text, hit.start)
            lines.append(f"  {path}:{line}:{col}: gevonden: ‘{' '.join(hit.text.split())}’")
        if communication is not None:
            lines.append(f"  De richtlijn: {communication.rule}")
        lines.append(f"  Niet toegestaan volgens de richtlijnen: {flag.rule.example}")
        lines.append("  Neutraal kan bijvoorbeeld zo:")
        lines.extend(f"    - ‘{s}’" for s in flag.rule.suggestions)
        lines.append("")
    if flags:
        lines.append(f"{len(flags)} melding(en). {rules.disclaimer}")
    else:
        lines.append(f"Geen sturende formuleringen gevonden. {rules.disclaimer}")
    return "\n".join(lines)


def rule_problems(rules: m.NseRules, communication: m.Communication | None) -> list[tuple[Loc, str]]:
    """Each rule must cite the guidelines verbatim: its steering example and its neutral phrasings.

    Returns (place in the rules record, Dutch message) pairs."""
    if communication is None:
        return []
    problems: list[tuple[Loc, str]] = []
    for i, rule in enumerate(rules.rules):
        label = f"nse-regel '{rule.id}'"
        if rule.example not in communication.steering_examples:
            problems.append(
                (
                    ("rules", i, "example"),
                    f"{label}: 'example' moet letterlijk een van de 'steering_examples' uit communicatie.yaml zijn",
                )
            )
        for j, suggestion in enumerate(rule.suggestions):
            if suggestion not in communication.neutral_examples:
                problems.append(
                    (
                        ("rules", i, "suggestions", j),
                        f"{label}: suggestie moet letterlijk een van de 'neutral_examples' uit communicatie.yaml zijn",
                    )
                )
    return problems
