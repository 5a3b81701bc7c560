"""Parse built HTML pages: their ids and the internal links they contain."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if a.get("name") and tag == "a":
            self.ids.add(a["name"] or "")
        for attr in ("href", "src"):
            if a.get(attr) and tag in ("a", "link", "script", "img"):
                self.links.append(a[attr] or "")


def parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


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
