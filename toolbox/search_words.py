"""The words of the visitors' search index, for typo corrections and compound joins in the browser.

Pagefind has no typo tolerance. After it has indexed the built site, this module reads the same
text Pagefind read (inside `data-pagefind-body`, without `data-pagefind-ignore` parts and heading
permalinks) and writes its distinct words, most frequent first, with the editors' search synonyms
(`content/zoekwoorden.yaml`) to `search/woorden.json`. `static/assets/search/engine.js` loads
that file once and suggests "Bedoelde je ...?" from it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

WORDS_FILE = "search/woorden.json"
MIN_LENGTH = 3  # shorter words are never corrected, so they need not be downloaded
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def fold(text: str) -> str:
    """Lower case without accents: how the browser compares words too (`café` is `cafe`)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def words(text: str) -> list[str]:
    return [w for w in (fold(m) for m in _WORD.findall(text)) if len(w) >= MIN_LENGTH]


class _IndexedText(HTMLParser):
    """Collects the text Pagefind indexes: inside the body element, outside ignored elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements, counted from the document root
        self.body_at: int | None = None
        self.ignore_at: int | None = None
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        self.depth += 1
        names = dict(attrs)
        if self.body_at is None and "data-pagefind-body" in names:
            self.body_at = self.depth
        ignored = "data-pagefind-ignore" in names or "headerlink" in (names.get("class") or "").split()
        if self.ignore_at is None and (ignored or tag in ("script", "style", "template")):
            self.ignore_at = self.depth

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.ignore_at == self.depth:
            self.ignore_at = None
        if self.body_at == self.depth:
            self.body_at = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.body_at is not None and self.ignore_at is None:
            self.parts.append(data)


def indexed_text(html: str) -> str:
    parser = _IndexedText()
    parser.feed(html)
    return " ".join(parser.parts)


def site_words(site_dir: Path) -> list[str]:
    """The distinct words of every indexed page, most frequent first (ties alphabetical)."""
    counts: Counter[str] = Counter()
    for page in sorted(site_dir.rglob("*.html")):
        counts.update(words(indexed_text(page.read_text(encoding="utf-8"))))
    return sorted(counts, key=lambda w: (-counts[w], w))


def content_words(texts: Iterable[str]) -> set[str]:
    """The folded words of the given texts: what a synonym may point at."""
    return {w for text in texts for w in words(text)}
