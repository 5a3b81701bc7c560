"""Read what a built page tells other sites: language, meta tags, canonical link, JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any


@dataclass
class PageHead:
    lang: str | None = None
    title: str = ""
    canonical: str | None = None
    meta: dict[str, list[str]] = field(default_factory=dict)  # property or name -> contents, in order
    json_ld: list[Any] = field(default_factory=list)
    trail: list[tuple[str, str]] = field(default_factory=list)  # visible breadcrumb: (text, href)

    def one(self, key: str) -> str | None:
        """The content of the meta tag `key`; fails when the page has it more than once."""
        values = self.meta.get(key, [])
        assert len(values) <= 1, f"{key} appears {len(values)} times"
        return values[0] if values else None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.head = PageHead()
        self._in: str | None = None  # "title", "ld" or "crumb"
        self._text: list[str] = []
        self._in_path = False
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.head.lang = a.get("lang")
        elif tag == "title" and not self.head.title:  # the document's, not an SVG's <title>
            self._in, self._text = "title", []
        elif tag == "meta" and ("property" in a or "name" in a) and "content" in a:
            key = a.get("property") or a.get("name") or ""
            self.head.meta.setdefault(key, []).append(a["content"])
        elif tag == "link" and a.get("rel") == "canonical":
            self.head.canonical = a.get("href")
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in, self._text = "ld", []
        elif tag == "nav" and "md-path" in a.get("class", "").split():
            self._in_path = True
        elif tag == "a" and self._in_path:
            self._in, self._text, self._href = "crumb", [], a.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        text = "".join(self._text)
        if tag == "title" and self._in == "title":
            self.head.title = text.strip()
        elif tag == "script" and self._in == "ld":
            self.head.json_ld.append(json.loads(text))
        elif tag == "a" and self._in == "crumb":
            self.head.trail.append((" ".join(text.split()), self._href))
        elif tag == "nav":
            self._in_path = False
        else:
            return
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)


def read(path: Path) -> PageHead:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.head


def graph(head: PageHead) -> list[dict[str, Any]]:
    """Every JSON-LD node of the page, with `@graph` lists flattened."""
    nodes: list[dict[str, Any]] = []
    for block in head.json_ld:
        for item in block if isinstance(block, list) else [block]:
            nodes.extend(item.get("@graph", [item]) if isinstance(item, dict) else [])
    return nodes


def of_type(head: PageHead, kind: str) -> list[dict[str, Any]]:
    return [n for n in graph(head) if n.get("@type") == kind]
