"""Friendly rules for text in records, in Dutch, each running in linear time.

Content arrives through pull requests, so it is untrusted. What keeps the site safe is the
allowlist sanitiser in `toolbox.safe_html`, which sees the rendered HTML; the rules here explain
the common mistakes in the editor's own terms before that, and keep the text within what the
Markdown renderer handles quickly (it slows down badly on many tiny constructs).
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from toolbox.problems import char_name, quote

# Every pattern is linear: no nested quantifiers, and no repeat that can rescan what another
# match attempt already scanned (`[^{}\n]` stops at the next brace, `[^\]\n]` at the next line).
_RAW_HTML = re.compile(r"<\s*[A-Za-z!/?]")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE_LINK = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_BAD_SCHEME = re.compile(r"\b(javascript|vbscript|data|file)\s*:", re.IGNORECASE)
# In prose, only what reads as an address: "data: 2025" is ordinary Dutch, "data:text/html" is not.
_SCHEME_IN_TEXT = re.compile(r"\b(javascript|vbscript|data|file)\s*:(?=\S)", re.IGNORECASE)
_ATTR_LIST = re.compile(r"\{\s*[:#.]|\{[^{}\n]*=")
_HTTP = re.compile(r"\bhttp://", re.IGNORECASE)

# Characters refused in all text: controls (terminal escape codes begin with ESC) and invisible
# format characters (zero-width spaces and joiners, bidirectional overrides, word joiners).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(
    r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]"
    r"|[\U000e0000-\U000e007f]"
)
# A word that mixes Latin letters with Cyrillic or Greek ones is a look-alike ('Escaperοom').
_WORD = re.compile(r"[^\W\d_]+")

# What the Markdown renderer can do in well under a second per field (see docs/hardening.md).
MAX_BLOCKS = 2000  # paragraphs and list items
MAX_MARKERS = 10_000  # characters that start inline Markdown
MAX_NESTING = 12  # quotes or lists inside each other, brackets inside brackets
MAX_BRACKET_SCAN = 400_000  # characters the renderer scans to match '[' and '(' of links
_MARKERS = "*_`[]!&\\<{"
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]", re.MULTILINE)
# The start of a line: quote markers, list markers and indentation, each a level of nesting.
_LEAD = re.compile(r"^([ \t]*(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)+|[ \t]{8,})", re.MULTILINE)
_LEVEL = re.compile(r">|[-*+]|\d{1,9}[.)]")


def character_problems(text: str, *, title: bool = False) -> list[str]:
    """Control, invisible and (in titles) look-alike characters, each named by its code point."""
    found = []
    if m := _CONTROL.search(text):
        found.append(f"teken {char_name(m.group(0))} is niet toegestaan; verwijder het")
    if m := _INVISIBLE.search(text):
        found.append(f"onzichtbaar teken {char_name(m.group(0))} is niet toegestaan; verwijder het")
    if title:
        for word in _WORD.finditer(text):
            scripts = {_script(c) for c in word.group(0)}
            if "latin" in scripts and scripts & {"cyrillic", "greek"}:
                odd = next(c for c in word.group(0) if _script(c) in ("cyrillic", "greek"))
                found.append(
                    f"woord {quote(word.group(0))} mengt Latijnse letters met {char_name(odd)}, "
                    "die op een gewone letter lijkt; typ de gewone letter"
                )
                break
    return found


def _script(ch: str) -> str:
    if ch.isascii():
        return "latin"
    name = unicodedata.name(ch, "")
    return (
        "cyrillic"
        if name.startswith("CYRILLIC")
        else "greek"
        if name.startswith("GREEK")
        else "latin"
        if name.startswith("LATIN")
        else "other"
    )


def problems_in(text: str) -> list[str]:
    """Dutch explanations of every rule the text breaks (empty when it is fine)."""
    found: list[str] = []
    if m := _RAW_HTML.search(text):
        snippet = text[m.start() : m.start() + 12].split("\n")[0]
        found.append(f"ruwe HTML is niet toegestaan ({quote(snippet)}); gebruik Markdown")
    if m := _SCHEME_IN_TEXT.search(text):
        found.append(f"'{m.group(1).lower()}:'-links zijn niet toegestaan")
    if _HTTP.search(text):
        found.append("onveilige link 'http://'; gebruik https://")
    for match in itertools.chain(_INLINE_LINK.finditer(text), _REFERENCE_LINK.finditer(text)):
        target = match.group(1)
        if target and not target.lower().startswith(("https://", "mailto:")):
            found.append(f"link {quote(target)} moet met https:// beginnen (of met mailto: voor een e-mailadres)")
            if len(found) > 8:
                break
    if _ATTR_LIST.search(text):
        found.append("attributen tussen accolades ('{: ...}') zijn niet toegestaan")
    if "![" in text:
        found.append("afbeeldingen ('![...](...)') zijn niet toegestaan; de site laadt niets van andere websites")
    return list(dict.fromkeys(found))


def complexity_problems(text: str) -> list[str]:
    """Limits that keep rendering fast: counts and scan lengths, computed in one pass each."""
    blocks = len(_PARAGRAPHS.findall(text)) + len(_LIST_ITEM.findall(text))
    if blocks > MAX_BLOCKS:
        return [f"tekst heeft te veel alinea's en lijstpunten ({blocks}; maximaal {MAX_BLOCKS}); splits hem op"]
    markers = sum(text.count(c) for c in _MARKERS)
    if markers > MAX_MARKERS:
        return [
            f"tekst bevat te veel opmaaktekens zoals * _ ` [ ] & {{ ({markers}; maximaal {MAX_MARKERS}); "
            "gebruik minder opmaak"
        ]
    for m in _LEAD.finditer(text):
        lead = m.group(1)
        depth = len(_LEVEL.findall(lead)) + (len(lead) - len(lead.lstrip(" \t"))) // 4
        if depth > MAX_NESTING:
            line = text.count("\n", 0, m.start()) + 1
            return [
                f"tekst is te diep genest op regel {line} van het veld (citaten of lijsten in elkaar); maak hem eenvoudiger"
            ]
    return _bracket_problems(text)


def _bracket_problems(text: str) -> list[str]:
    """The renderer scans from every '[' to its matching ']' (and from '](' to its ')') within a
    paragraph; count those characters so that a field full of unclosed brackets is refused."""
    scan = 0
    offset = 0
    for paragraph in _PARAGRAPHS.split(text):
        opened: list[int] = []
        for m in re.finditer(r"[\[\]]", paragraph):
            if m.group(0) == "[":
                opened.append(m.start())
                if len(opened) > MAX_NESTING:
                    line = text.count("\n", 0, offset + m.start()) + 1
                    return [f"te veel haakjes '[' in elkaar op regel {line} van het veld; maak de tekst eenvoudiger"]
            elif opened:
                scan += m.start() - opened.pop()
        scan += sum(len(paragraph) - start for start in opened)
        if "](" in paragraph:
            for m in re.finditer(r"\]\(", paragraph):
                scan += _paren_scan(paragraph, m.end(), MAX_BRACKET_SCAN - scan)
                if scan > MAX_BRACKET_SCAN:
                    break
        if scan > MAX_BRACKET_SCAN:
            first = offset + (opened[0] if opened else 0)
            line = text.count("\n", 0, first) + 1
            return [
                f"haakjes '[' of '(' worden niet gesloten (vanaf regel {line} van het veld); "
                "sluit elk '[' met ']' en elk '(' met ')'"
            ]
        offset += len(paragraph) + 1
    return []


def _paren_scan(paragraph: str, start: int, budget: int) -> int:
    """Characters from `start` to the ')' that closes the '(' before it, or to the paragraph's end
    (stops counting past `budget`, so the whole check stays linear)."""
    depth = 1
    for m in _PARENS.finditer(paragraph, start, min(len(paragraph), start + budget + 1)):
        depth += 1 if m.group(0) == "(" else -1
        if depth == 0:
            return m.start() - start
    return len(paragraph) - start


_PARENS = re.compile(r"[()]")


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\u00C0-\u024F\u2018\u201C\"'(]|$)")


def first_sentence(text: str) -> str:
    """The first sentence of a text, for cards and search results (one linear scan)."""
    flat = " ".join(text.split())
    m = _SENTENCE_END.search(flat, 1)
    return (flat[: m.end()] if m else flat).strip()
