"""Record text as plain text and as YAML scalars (for cards, data files, front matter and skeletons)."""

from __future__ import annotations

import json
import re

from toolbox import markup

_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MARKERS = re.compile(r"(?<!\\)(\*\*|__|\*|`)")
_LINE_START = re.compile(r"(?m)^[ \t]*(?:[-*+][ \t]+|[0-9]+[.)][ \t]+|>[ \t]?|#{1,6}[ \t]+)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")


def plain(markdown: str) -> str:
    """The words of a Markdown text without its syntax, on one line: what a card or a data file shows.

    The result is text, not HTML: whoever puts it in a page escapes it once (Jinja's `e`, or
    `textContent` in the browser)."""
    text = _LINE_START.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _MARKERS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def summary(markdown: str) -> str:
    """The first sentence of a Markdown text, as plain text."""
    return markup.first_sentence(plain(markdown))


def yaml_str(value: object) -> str:
    """A YAML double-quoted scalar for any text (a JSON string is one)."""
    return json.dumps(str(value), ensure_ascii=False)
