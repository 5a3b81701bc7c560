"""The one HTML parser of the tests: every start tag of a page, and what tests ask of them
(ids, links, the resources a page loads), plus how built pages link to each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

Attrs = dict[str, str | None]


@dataclass
class ParsedHtml:
    tags: list[tuple[str, Attrs]] = field(default_factory=list)  # every real start tag, in order

    @property
    def ids(self) -> set[str]:
        found = {a["id"] or "" for _, a in self.tags if a.get("id")}
        return found | {a["name"] or "" for t, a in self.tags if t == "a" and a.get("name")}

    @property
    def links(self) -> list[str]:
        """href and src of links, stylesheets, scripts and images."""
        return [
            a[attr] or ""
            for t, a in self.tags
            if t in ("a", "link", "script", "img")
            for attr in ("href", "src")
            if a.get(attr)
        ]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedHtml()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append((tag, dict(attrs)))


def parse_html(text: str) -> ParsedHtml:
    """Parse HTML text (text that merely looks like HTML is no tag)."""
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser.page


def parse(path: Path) -> ParsedHtml:
    return parse_html(path.read_text(encoding="utf-8"))


def page_url(site: Path, html: Path) -> str:
    rel = html.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def resolve(site: Path, url: str) -> Path | None:
    """The file a site-absolute URL path points to, or None."""
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site / path
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def internal_links(site: Path, html: Path) -> list[tuple[str, str, str]]:
    """(link as written, absolute path, fragment) for every link that stays on the site."""
    base = "http://site" + page_url(site, html)
    out = []
    for link in parse(html).links:
        absolute = urljoin(base, link)
        if not absolute.startswith("http://site/"):
            continue
        url, fragment = urldefrag(absolute)
        out.append((link, url[len("http://site") :], fragment))
    return out


def links_with_subpages(site: Path, page: str) -> set[str]:
    """Site-absolute links of `page` (a URL path like `elementen/x/`) and of every page below it that
    these links reach, recursively: a page together with its paginated lists (`x/aanpakken/`, `x/pagina-2/`)."""
    start = "/" + page.strip("/") + "/" if page.strip("/") else "/"
    seen: set[str] = set()
    todo = [start]
    links: set[str] = set()
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        html = resolve(site, url)
        if html is None or html.suffix != ".html":
            continue
        for _, target, _ in internal_links(site, html):
            links.add(target)
            if target.startswith(start) and target.endswith("/") and target not in seen:
                todo.append(target)
    return links
