"""Record text as HTML that is safe to publish.

Every Markdown field is rendered here with the Markdown extensions of the site (`mkdocs.yml`) and
passed through an allowlist sanitiser, nh3 (the Python binding of Ammonia). The templates put the
result into the page as finished HTML, so MkDocs never interprets record text itself: what a record
can become in the browser is decided by this allowlist, on rendered HTML, in validation and in
every build mode alike. The regular expressions in `toolbox.markup` only give friendlier messages.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser
from typing import Any

import markdown  # type: ignore[import-untyped]  # no stubs in the lock file
import nh3

from toolbox.problems import quote

# The extensions and settings MkDocs uses for `mkdocs.yml` (its own toc, tables and fenced_code
# first); tests/test_sanitiser.py checks they stay equal.
MARKDOWN_EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html", "pymdownx.details"]
MARKDOWN_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": True, "permalink_title": "Link naar deze sectie"}}

# What the templates need from record text: paragraphs, lists, emphasis, code and links. Headings,
# tables, boxes, images and every attribute but a link's address belong to the templates.
BLOCK_TAGS = frozenset({"p", "ul", "ol", "li", "strong", "em", "code", "br", "a"})
INLINE_TAGS = frozenset({"strong", "em", "code", "br", "a"})
# The report's own long texts (research pages, chapters) also quote and tabulate inside their prose:
# validation allows these only in fields typed `Article`; publishing allows them everywhere, since
# they are as inert as a paragraph.
ARTICLE_TAGS = BLOCK_TAGS | {"blockquote", "table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"https", "mailto"})
LINK_REL = "noopener noreferrer"

# A field may grow when rendered (tags, entities), but not without bound: reference links repeat
# their address at every use, so a few lines could otherwise make a page of megabytes.
INFLATION_RATIO = 4
INFLATION_FLOOR = 4096

_URL_JUNK = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL


def allowed_url(value: str) -> bool:
    """True for the only link targets the site publishes: absolute https:// and mailto: addresses.

    The value is read the way a browser reads it (entities are already decoded by the HTML parser;
    tabs and newlines removed, surrounding spaces and control characters stripped).
    """
    url = _URL_JUNK.sub("", value).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    lowered = url.lower()
    return (lowered.startswith("https://") and len(url) > len("https://")) or (
        lowered.startswith("mailto:") and len(url) > len("mailto:")
    )


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        return value if allowed_url(value) else None
    if attribute == "start":
        return value if value.isdigit() and len(value) <= 6 else None
    return None


def _markdown(inline: bool) -> markdown.Markdown:
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIGS)
    if inline:
        # Text shown inside a heading, a list item or a table cell: only inline Markdown (emphasis,
        # links, code); a leading '#', '- ' or '1. ' and a reference definition stay text.
        for name in [p.name for p in md.parser.blockprocessors._priority]:
            if name not in ("empty", "paragraph"):
                md.parser.blockprocessors.deregister(name)
    return md


_RENDERERS: dict[bool, markdown.Markdown] = {}


# Text without a single character that Markdown gives a meaning renders as plain paragraphs; most
# titles and short texts are like that, and skipping the renderer for them keeps validation fast.
# (tests/test_sanitiser.py checks this shortcut against the renderer on generated text.)
_NOT_PLAIN = re.compile(r"[<>&*_`\[\]{}|!#\\~\t\r]|^[^\S\n]|[^\S\n]$|^(?:[-+=?:]|[0-9]+[.)])|\A\s|\s\Z", re.MULTILINE)


@functools.lru_cache(maxsize=16384)  # validation audits this HTML, then sanitises the same
def render_markdown(text: str, inline: bool = False) -> str:
    """Record text as the site's Markdown would render it: not yet sanitised."""
    if text and not _NOT_PLAIN.search(text):
        return "\n".join(f"<p>{p}</p>" for p in re.split(r"\n\n+", text))
    md = _RENDERERS.get(inline)
    if md is None:
        md = _RENDERERS[inline] = _markdown(inline)
    md.reset()
    return md.convert(text)


@functools.lru_cache(maxsize=16384)  # titles and names appear on many pages; validation renders first
def sanitised(text: str, inline: bool = False) -> str:
    """Rendered and sanitised HTML of record text (nh3 allowlist); never raises for any text."""
    try:
        rendered = render_markdown(text, inline)
    except RecursionError:  # validation refuses such nesting; never publish it unrendered
        rendered = html.escape(text)
    return nh3.clean(
        rendered,
        tags=set(INLINE_TAGS if inline else ARTICLE_TAGS),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_attribute_filter,
        link_rel=LINK_REL,
        strip_comments=True,
    )


# --- into a Markdown page ------------------------------------------------------------------------

# Characters that mean something to Markdown, written as character references in text so that the
# page's own Markdown pass leaves the finished HTML exactly as it is (a browser shows them as is).
_MARKDOWN_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_[]{}|!#~"}
_LINE_START = re.compile(r"^(\s*)([-+*=:?>]|\d+(?=[.)]))")


def _text(data: str) -> str:
    escaped = html.escape(data, quote=False)
    return (
        "".join(_MARKDOWN_SPECIAL.get(c, c) for c in escaped)
        if any(c in escaped for c in _MARKDOWN_SPECIAL)
        else escaped
    )


class _Writer(HTMLParser):
    """Re-serialise sanitised HTML: text inert for Markdown, links without an address unwrapped."""

    VOID = frozenset({"br"})

    def __init__(self, paragraph_class: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipped: list[bool] = []  # per open <a>: was its tag dropped
        self.depth = 0
        self.paragraph_class = paragraph_class

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            has_href = any(k == "href" and v for k, v in attrs)
            self.skipped.append(not has_href)
            if not has_href:
                return
        if tag == "p" and self.depth == 0 and self.paragraph_class:
            attrs = [*attrs, ("class", self.paragraph_class)]
        rendered = "".join(f' {k}="{html.escape(v or "", quote=True)}"' for k, v in attrs)
        self.out.append(f"<{tag}{rendered}>")
        if tag not in self.VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if tag == "a" and self.skipped and self.skipped.pop():
            return
        self.depth -= 1
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(_text(data))


def _write(clean: str, paragraph_class: str | None = None) -> str:
    writer = _Writer(paragraph_class)
    writer.feed(clean)
    writer.close()
    return "".join(writer.out)


@functools.lru_cache(maxsize=16384)
def block(text: str, paragraph_class: str | None = None) -> str:
    """A Markdown field as an HTML block for a Markdown page (the `md` filter)."""
    return _write(sanitised(text), paragraph_class).strip()


@functools.lru_cache(maxsize=16384)
def inline(text: str) -> str:
    """Text as inline HTML for a heading, list item, link text or table cell (the `inline` filter)."""
    out = _write(sanitised(" ".join(text.split()), inline=True)).strip()
    if out.startswith("<p>") and out.endswith("</p>"):
        out = out[3:-4].strip()
    # The page's Markdown must not read the start of the text as a list, heading or quote.
    return _LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), out, count=1)


class _Text(HTMLParser):
    def __init__(self, urls: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.urls = urls
        self.links: list[str] = []  # the addresses of the open links

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li", "br"):
            self.parts.append(" ")
        if tag == "a":
            self.links.append(next((v or "" for k, v in attrs if k == "href"), ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links and (href := self.links.pop()) and self.urls:
            self.parts.append(f" ({href.removeprefix('mailto:')})")


@functools.lru_cache(maxsize=16384)
def plain(text: str, urls: bool = False) -> str:
    """The visible text of a field, without markup (for data files, metadata and cards); text on
    one line is read as inline Markdown, like a title, so '1. Inleiding' keeps its number."""
    one_line = "\n" not in text.strip()
    parser = _Text(urls)
    parser.feed(sanitised(" ".join(text.split()) if one_line else text, inline=one_line))
    parser.close()
    return " ".join("".join(parser.parts).split())


# --- validation: what the sanitiser would remove, in Dutch -----------------------------------------

_ELEMENTS = {
    **{f"h{n}": "koppen ('#') zijn niet toegestaan; de pagina maakt haar eigen koppen" for n in range(1, 7)},
    "table": "tabellen zijn niet toegestaan in een tekstveld",
    "pre": "codeblokken (regels die met vier spaties inspringen, of tussen ```) zijn niet toegestaan",
    "blockquote": "citaatblokken ('>') zijn niet toegestaan; gebruik het veld 'quotes'",
    "hr": "horizontale lijnen ('---' of '***') zijn niet toegestaan",
    "img": "afbeeldingen ('![...](...)') zijn niet toegestaan; de site laadt niets van andere websites",
    "details": "uitklapblokken ('???') zijn niet toegestaan",
    "summary": "uitklapblokken ('???') zijn niet toegestaan",
}
_BOXES = {
    "admonition": "waarschuwings- en tipblokken ('!!!') zijn niet toegestaan",
    "toc": "een inhoudsopgave ('[TOC]') is niet toegestaan",
}


class _Audit(HTMLParser):
    """Dutch reasons for every element, attribute and link the sanitiser would remove."""

    def __init__(self, allowed: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = next((v or "" for k, v in attrs if k == "class"), "").split()
        if "headerlink" in classes:  # the permalink of a heading, which is reported itself
            return
        if tag not in self.allowed:
            box = next((_BOXES[c] for c in classes if c in _BOXES), None)
            if box is None and tag in ("ul", "ol", "li", "p"):
                box = "een lijst of alinea past hier niet; schrijf de tekst op één regel"
            self.found.append(box or _ELEMENTS.get(tag, f"HTML-element <{tag}> is niet toegestaan"))
            return
        for name, value in attrs:
            if name in ATTRIBUTES.get(tag, ()):
                if name == "href" and not allowed_url(value or ""):
                    self.found.append(
                        f"link {quote(value or '', 50)} is niet toegestaan; gebruik een https://- of mailto:-adres"
                    )
            elif name.startswith("on"):
                self.found.append(f"attribuut '{name}' (een script) is niet toegestaan")
            else:
                self.found.append(f"attribuut '{name}' is niet toegestaan (attributen tussen accolades, '{{: ...}}')")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.found.append("HTML-commentaar is niet toegestaan")


def html_problems(text: str, inline: bool = False, article: bool = False) -> list[str]:
    """Dutch reasons why the rendered text is not what the field may hold (empty when it is)."""
    try:
        rendered = render_markdown(" ".join(text.split()) if inline else text, inline)
    except RecursionError:  # the nesting limits of toolbox.markup should make this unreachable
        return ["tekst is te diep genest (lijsten of citaten in elkaar); maak hem eenvoudiger"]
    # Inline text is one paragraph; only an `Article` field may quote and tabulate.
    audit = _Audit(INLINE_TAGS | {"p"} if inline else ARTICLE_TAGS if article else BLOCK_TAGS)
    audit.feed(rendered)
    audit.close()
    found = list(dict.fromkeys(audit.found))
    size = len(sanitised(" ".join(text.split()) if inline else text, inline))
    if size > max(INFLATION_FLOOR, INFLATION_RATIO * len(text)):
        found.append(
            f"tekst wordt opgemaakt {size // 1024} KB groot, veel groter dan hij is ({len(text) // 1024} KB); "
            "herhaal geen verwijzingslinks ('[tekst][naam]') zo vaak"
        )
    return found[:5]
