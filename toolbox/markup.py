"""Rules for text in records: Markdown without raw HTML and with https links only.

Content arrives through pull requests, so it is untrusted. Validation rejects anything that
could inject markup; `neutralise` is a second line of defence used when rendering, so that
even text that bypassed validation cannot become live HTML.
"""

from __future__ import annotations

import functools
import re

_RAW_HTML = re.compile(r"<\s*[A-Za-z!/?]")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_BAD_SCHEME = re.compile(r"\b(javascript|vbscript|data|file)\s*:", re.IGNORECASE)
# In prose, only what reads as an address: "data: 2025" is ordinary Dutch, "data:text/html" is not.
_SCHEME_IN_TEXT = re.compile(r"\b(javascript|vbscript|data|file)\s*:(?=\S)", re.IGNORECASE)
_ATTR_LIST = re.compile(r"\{\s*[:#.]|\{[^}\n]*=")
_HTTP = re.compile(r"\bhttp://", re.IGNORECASE)


def problems_in(text: str) -> list[str]:
    """Dutch explanations of every rule the text breaks (empty when it is fine)."""
    found: list[str] = []
    if m := _RAW_HTML.search(text):
        snippet = text[m.start() : m.start() + 12].split("\n")[0]
        found.append(f"ruwe HTML is niet toegestaan ('{snippet}'); gebruik Markdown")
    if m := _SCHEME_IN_TEXT.search(text):
        found.append(f"'{m.group(1).lower()}:'-links zijn niet toegestaan")
    if _HTTP.search(text):
        found.append("onveilige link 'http://'; gebruik https://")
    for match in list(_INLINE_LINK.finditer(text)) + list(_REFERENCE_LINK.finditer(text)):
        target = match.group(1)
        if target and not target.lower().startswith("https://"):
            found.append(f"link '{target}' moet met https:// beginnen")
    if _ATTR_LIST.search(text):
        found.append("attributen tussen accolades ('{: ...}') zijn niet toegestaan")
    if "![" in text:
        found.append("afbeeldingen ('![...](...)') zijn niet toegestaan; de site laadt niets van andere websites")
    return list(dict.fromkeys(found))


def _https(target: str) -> bool:
    return not target or target.lower().startswith("https://")


@functools.lru_cache(maxsize=8192)  # titles and names are rendered on many pages
def neutralise(text: str) -> str:
    """Make text inert for Markdown rendering: no raw HTML, no script links, no attributes."""
    # A link keeps its link syntax only with an https:// target. Renaming the scheme is not enough:
    # Markdown keeps entities in an href (`java&#115;cript:`), and the browser decodes them.
    text = _INLINE_LINK.sub(lambda m: m.group(0) if _https(m.group(1)) else "]\\(" + m.group(0)[2:], text)
    text = _REFERENCE_LINK.sub(lambda m: m.group(0) if _https(m.group(1)) else m.group(0).replace("[", "\\[", 1), text)
    text = text.replace("![", "!\\[")  # an image would be fetched, possibly from another host
    text = text.replace("<", "&lt;")
    text = _BAD_SCHEME.sub(lambda m: m.group(1) + "&#58;", text)
    return _ATTR_LIST.sub(lambda m: "&#123;" + m.group(0)[1:], text)


def first_sentence(text: str) -> str:
    """The first sentence of a Markdown text, for cards and search results."""
    flat = " ".join(text.split())
    m = re.search(r"(.+?[.!?])(\s+[A-Z\u00C0-\u024F\u2018\u201C\"'(]|$)", flat)
    return (m.group(1) if m else flat).strip()
