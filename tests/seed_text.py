"""The seed documents as word streams, and a check that record text is taken from them word for word.

A record text passes when it splits into runs of at least `MIN_RUN` words that each occur, in that
order and without other words in between, in the seed document it cites. Runs may come from
different places (the site joins a sentence that the extraction split over a page or a sidebar),
but a run may not resume two or three words after the previous one ended: that would be a word
dropped from the middle of a sentence. Only extraction noise may be skipped inside a run: page
numbers and headers, footnote markers and footnote blocks, link dumps.

Mends of the seed text (typos, broken words) are listed in `MENDS`, so every change the site makes
to the report's words is written down once and checked.
"""

from __future__ import annotations

import functools
import html
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

DOCUMENT_FILES = {
    "nse-deck": "000",
    "nse-bijeenkomst": "001",
    "studentsucces-2021": "002",
    "nro-2025": "003",
    "hva-2023": "004",
}

# (seed text, as the site writes it), per seed: typos and extraction damage the site mends.
MENDS: dict[str, list[tuple[str, str]]] = {
    "003": [
        ("vergoten", "vergroten"),
        ("zinder", "zonder"),
        ("ethisch- adviescommissie", "ethisch-adviescommissie"),
        ("Wat vzijn", "Wat zijn"),
        ("vethoor", "voor"),
        ("gespreken", "gesprekken"),
        ("deenemers", "deelnemers"),
        ("defineerden", "definieerden"),
        ("internatinale", "internationale"),
        ("voolgden", "volgden"),
        ("oonderzoek", "onderzoek"),
        ("klas/ medestudenten", "klas/medestudenten"),
        ("figuur1", "figuur 1"),
        ("samensterkerinhetonderwijs.nl l.", "samensterkerinhetonderwijs.nl."),
        # Footnote markers of the method (003:1013-1045); their footnotes are shown as a list.
        ("(fishbowlbijeenkomsten) 1.", "(fishbowlbijeenkomsten)."),
        ("data2.", "data."),
        ("(Kurasaki, 2000)3.", "(Kurasaki, 2000)."),
        ("bereikten4.", "bereikten."),
        ("even grote 4 kans", "even grote kans"),
        ("Artikele (1)", "Artikelen (1)"),
        ("[inforgraphic]", "[infographic]"),
        ("publiciaties", "publicaties"),
        ("studenen", "studenten"),
        ("[Werklaats", "[Werkplaats"),
    ],
    "002": [
        ("leerstrateg ieën", "leerstrategieën"),
        ("όf", "óf"),
        ("21 st century", "21st century"),
        ("face -to- face", "face-to-face"),
        ("perfectief", "perspectief"),
        ("uitgangpunten", "uitgangspunten"),
        ("Werkveldveldadviescommissies", "Werkveldadviescommissies"),
        ("Zijn kunnen", "Zij kunnen"),
        ("bewerkstellingen", "bewerkstelligen"),
        ("met wel doel", "met welk doel"),
    ],
    "001": [
        ("Beveilingssleutel", "Beveiligingssleutel"),
        ("beveilingssleutel", "beveiligingssleutel"),
        ("Voorheen weren er", "Voorheen waren er"),
        ("020- 36", "020-36"),
    ],
    "000": [],
    "004": [],
}

MIN_RUN = 4  # words; a changed or invented word leaves a shorter run behind
MAX_GAP = 3  # a run that resumes 1-3 words after the previous one hides a dropped word

_WORD = re.compile(r"\w+(?:(?:[-‐’'/]|\.(?=[^\W\d_]))\w+)*")
_NOISE = [
    re.compile(r"^\s*\d{1,3}\s*$"),  # page number
    re.compile(r"^\s*\d{1,2} Studentsucces\s*$"),  # page header of 002
    re.compile(r"^\s*file:///"),
    re.compile(r"^\s*(?:https?|mailto):\S+\s*$"),  # link dumps
]
_FOOTNOTE = {"002": re.compile(r"^\s*\d{1,3}\s{2,}\S"), "004": re.compile(r"^\d{1,2}\t")}


def seed_dir() -> Path | None:
    """The seeds: $TOOLBOX_SEEDS, or shared/seeds next to the checkout or one of its parents."""
    if env := os.environ.get("TOOLBOX_SEEDS"):
        return Path(env)
    for parent in ROOT.parents:
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared" / "seeds"
    return None


def seed_lines(key: str) -> list[str]:
    """The seed's lines, 1-based (index 0 is empty)."""
    folder = seed_dir()
    assert folder is not None
    path = next(folder.glob(f"{key}_*.txt"))
    return [""] + path.read_text(encoding="utf-8").split("\n")


def words(text: str) -> list[str]:
    text = html.unescape(text)
    text = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 \2", text)  # a Markdown link: its text and its address
    text = text.replace("\\", "")
    return [w.casefold() for w in _WORD.findall(text)]


@dataclass
class Stream:
    """A seed as words; `skip[i]` marks extraction noise that a run may pass over."""

    words: list[str]
    skip: list[bool]
    line: list[int]
    at: dict[str, list[int]]


@functools.cache
def stream(key: str) -> Stream:
    lines = seed_lines(key)
    footnote = _FOOTNOTE.get(key)
    # Join the lines as the extraction broke them: a hyphen at the end of a line binds the next word.
    parts: list[tuple[str, int, bool]] = []
    in_block = False
    for n, raw in enumerate(lines[1:], start=1):
        if footnote and footnote.match(raw):
            in_block = True
        elif in_block and raw.startswith(" ") and raw.strip():
            in_block = False  # the body text resumes on a new page
        noise = in_block or any(p.match(raw) for p in _NOISE)
        if in_block and any(p.match(raw) for p in _NOISE[:2]):
            in_block = False  # a page number or header: the next page starts
        parts.append((raw, n, noise))
    text_parts: list[tuple[str, int, bool]] = []
    deferred: list[tuple[str, int, bool]] = []  # noise inside a word broken over a page: "vroeg-" ... "signalering"
    for raw, n, noise in parts:
        s = raw.replace("\t", " ").replace("\u2009", " ").replace("\u202f", " ").replace("\xa0", " ")
        last = next((t for t in reversed(text_parts) if t[0].strip()), None)
        if noise and s.strip() and last and not last[2] and last[0].rstrip().endswith("-"):
            deferred.append((s, n, noise))
            continue
        text_parts.append((s, n, noise))
        if deferred and s.strip() and not noise:
            text_parts += deferred
            deferred = []
    text_parts += deferred
    joined = ""
    marks: list[tuple[int, int, bool]] = []  # (start offset, line, noise)
    for s, n, noise in text_parts:
        if not s.strip():
            continue
        stripped = s.strip()
        if joined.endswith("-") and stripped[:1].isalpha() and not re.match(r"(en|of|tot)\b", stripped):
            pass  # glue: "wo-" + "instelling"
        else:
            joined += " "
        if not noise and re.match(r"^o\s", stripped):
            stripped = stripped[1:]  # an 'o' bullet glyph
        marks.append((len(joined), n, noise))
        joined += stripped
    for old, new in MENDS.get(key, []):
        joined, marks = _replace(joined, marks, old, new)
    out_words: list[str] = []
    skip: list[bool] = []
    line_of: list[int] = []
    found = list(_WORD.finditer(joined))
    mi, expected = 0, 1
    for k, m in enumerate(found):
        while mi + 1 < len(marks) and marks[mi + 1][0] <= m.start():
            mi += 1
        start, n, noise = marks[mi]
        w = m.group(0).casefold()
        marker = False
        if not noise and w.isdigit() and int(w) == expected and key in _FOOTNOTE:
            # Footnote markers are numbered 1, 2, 3... in reading order: in 002 a bare number (but not
            # the number of a heading), in 004 a number glued to the word before it ("studenten.1").
            heading = m.start() == start and k + 1 < len(found) and found[k + 1].group(0)[:1].isupper()
            before = joined[max(0, m.start() - 2) : m.start()]
            glued = len(before) == 2 and (
                before[1] in ")”’" or before[1].isalpha() or (before[1] == "." and not before[0].isdigit())
            )
            marker = (key == "002" and not heading) or (key == "004" and glued)
            if marker:
                expected += 1
        out_words.append(w)
        line_of.append(n)
        skip.append(noise or marker)
    at: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(out_words):
        at[w].append(i)
    return Stream(out_words, skip, line_of, dict(at))


def _replace(
    text: str, marks: list[tuple[int, int, bool]], old: str, new: str
) -> tuple[str, list[tuple[int, int, bool]]]:
    """Replace every `old` by `new`, moving the line marks behind each replacement along."""
    hits = [m.end() for m in re.finditer(re.escape(old), text)]
    if not hits:
        return text, marks
    delta = len(new) - len(old)
    moved = [(o + delta * sum(1 for end in hits if end <= o), n, z) for o, n, z in marks]
    return text.replace(old, new), moved


def _run(st: Stream, rec: list[str], i: int, p: int) -> tuple[int, int]:
    """How many record words from `i` match the seed from position `p`; and where the match ends."""
    j, q = i, p
    while j < len(rec) and q < len(st.words):
        if st.words[q] == rec[j]:
            j, q = j + 1, q + 1
        elif st.skip[q]:
            q += 1
        else:
            break
    return j - i, q


def _line_end(st: Stream, q: int) -> bool:
    """Whether the seed word before position `q` is the last word of its line."""
    return q >= len(st.words) or st.line[q] != st.line[q - 1]


def _line_start(st: Stream, p: int) -> bool:
    return p == 0 or st.line[p] != st.line[p - 1]


def unmatched(text: str, key: str) -> list[str]:
    """Passages of `text` that are not the seed's words (empty when the text is verbatim)."""
    st = stream(key)
    problems: list[str] = []
    for segment in text.split("\n"):
        rec = words(segment)
        runs: list[tuple[int, int, int, int]] = []  # (record index, length, seed start, seed end)
        i = 0
        while i < len(rec):
            best, best_start, best_end = 0, 0, 0
            for p in st.at.get(rec[i], []):
                n, end = _run(st, rec, i, p)
                if n > best:
                    best, best_start, best_end = n, p, end
                    if i + n == len(rec):
                        break
            if best == 0:
                problems.append(f"niet in de bron: '{' '.join(rec[i : i + 8])}'")
                i += 1
                continue
            runs.append((i, best, best_start, best_end))
            i += best
        for k, (i, n, start, end) in enumerate(runs):
            if n < min(MIN_RUN, len(rec) - i):
                # A short run is only a sentence the extraction broke over a line (a sidebar, a page).
                joined_after = k + 1 < len(runs) and _line_end(st, end) and _line_start(st, runs[k + 1][2])
                joined_before = k > 0 and _line_start(st, start) and _line_end(st, runs[k - 1][3])
                if not (joined_after or joined_before):
                    problems.append(f"niet in de bron: '{' '.join(rec[i : i + 8])}'")
                    continue
            if k > 0 and start > runs[k - 1][3]:
                gap = [st.words[q] for q in range(runs[k - 1][3], start) if not st.skip[q]]
                if 0 < len(gap) <= MAX_GAP:
                    problems.append(f"woord(en) weggelaten voor '{' '.join(rec[i : i + 6])}': '{' '.join(gap)}'")
    return problems


def in_vocabulary(text: str, keys: tuple[str, ...] = tuple(DOCUMENT_FILES.values())) -> list[str]:
    """Words of a (short) title or label that occur nowhere in the seeds."""
    return [w for w in words(text) if not any(w in stream(k).at for k in keys)]
