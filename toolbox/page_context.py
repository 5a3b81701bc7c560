"""What the theme gets per page besides its Markdown: head tags, breadcrumb trail and date.

Built once per build from the catalog and the rendered pages (`PageContexts`), then asked for
each page by the MkDocs hook. The parts:

- link preview tags (toolbox/link_preview.py) and structured data (toolbox/structured_data.py)
  for `<head>`;
- the breadcrumb trail: the home page and every page whose address is a prefix of this one
  (`aanpakken/` above `aanpakken/x/`), shown when there is more than the home page;
- the last-modified date (toolbox/history.py) for the sitemap and `dateModified`: a page made
  from one record has that record's date, any other page the newest date of all content; a
  record's own page also shows it ("Laatst gewijzigd", `updated`);
- the alternate link in `<head>`: the Atom feed of recent changes on every page. A record's own
  JSON file (toolbox/export.py, `data_file`) is linked from the record footer only: Material takes
  every `link[rel=alternate]` for a translation of the site and fetches `sitemap.xml` beside it,
  a 404 beside the JSON file on every record page.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from toolbox import link_preview, structured_data
from toolbox.catalog import Catalog
from toolbox.feed import MEDIA_TYPE as FEED_TYPE
from toolbox.history import ContentTimes, iso_date
from toolbox.news import catalog_times
from toolbox.render import RenderedPage
from toolbox.repo_docs import citation
from toolbox.sitemap import FEED, page_url, record_data_uri, record_uri
from toolbox.structured_data import RESOURCE_TYPES

HOME = ""
DATA_PAGE = "data/"
LICENCE_ANCHOR = "#licentie"  # the heading "Licentie" on /data/


def plain(text: str) -> str:
    """A page's title or description as text for other sites. The front matter holds the plain text
    of the record (toolbox.safe_html.plain), HTML-escaped for the theme, which inserts it as is."""
    return " ".join(html.unescape(text).split())


@dataclass(frozen=True)
class Site:
    name: str
    description: str
    url: str | None  # site_url, or None when not configured

    def absolute(self, path: str) -> str | None:
        return self.url.rstrip("/") + "/" + path if self.url else None

    def href(self, path: str, here: str) -> str:
        """The URL of site path `path` as the page at `here` writes it: absolute, or relative."""
        absolute = self.absolute(path)
        return absolute if absolute else relative(path, here)


def relative(path: str, here: str) -> str:
    """Site path `path` relative to the page at site path `here` (both as MkDocs writes URLs)."""
    rel = posixpath.relpath(path or ".", here.rstrip("/") or ".")
    if path == "" or path.endswith("/"):
        return "./" if rel == "." else rel + "/"
    return rel


@dataclass(frozen=True)
class PageContext:
    head: str  # HTML for <head>: meta tags and one JSON-LD script
    trail: list[tuple[str, str]]  # (title, site path) of the breadcrumb, without this page
    modified: str  # YYYY-MM-DD


class PageContexts:
    def __init__(
        self,
        catalog: Catalog,
        pages: Mapping[str, RenderedPage],
        data_files: Iterable[str],
        site: Site,
        times: ContentTimes | None = None,
    ) -> None:
        """`pages`: every rendered page and data file, by its path below the docs folder;
        `times`: when the content changed (default: `news.catalog_times`, from git, cached)."""
        self.cat = catalog
        self.site = site
        self.data_files = sorted(data_files)
        self.pages = {uri: page for uri, page in pages.items() if uri.endswith(".md")}
        self.urls = {page_url(uri): uri for uri in self.pages}
        root = catalog.root
        times = times or catalog_times(catalog)
        newest = times.newest
        times_of = times.records
        by_place = {(o.path, o.line): ident for ident, o in catalog.origins.items()}
        self.modified: dict[str, str] = {}
        for uri, page in self.pages.items():
            origin = page.source
            ident = by_place.get((origin.path, origin.line)) if origin else None
            self.modified[page_url(uri)] = iso_date(times_of[ident] if ident else newest)
        self.newest = iso_date(newest)
        # The page of each record (of every type with pages): site path -> (type, id).
        self.record_pages: dict[str, tuple[str, str]] = {
            page_url(record_uri(rt.name, ident, catalog.types)): (rt.name, ident)
            for rt in catalog.types
            if rt.page is not None
            for ident in catalog.records[rt.name]
        }
        self.records: dict[str, tuple[str, Any]] = {}
        for kind in RESOURCE_TYPES:  # the record types described as learning resources
            for ident, record in catalog.records[kind].items():
                self.records[page_url(record_uri(kind, ident))] = (kind, record)
        self._titles: dict[str, str] = {}
        self.citation = citation(root)

    def modified_date(self, url: str) -> str:
        """YYYY-MM-DD at which the content of the page at site path `url` last changed."""
        return self.modified.get(url, self.newest)

    def updated(self, url: str) -> str | None:
        """YYYY-MM-DD of the last change of the record whose own page is at `url`, else None."""
        return self.modified_date(url) if url in self.record_pages else None

    def data_file(self, url: str) -> str | None:
        """Site path of the JSON file of the record whose own page is at `url`, else None."""
        found = self.record_pages.get(url)
        return record_data_uri(*found, self.cat.types) if found else None

    def title_of(self, url: str, nav_titles: Mapping[str, str]) -> str:
        """The navigation's label of a page, or else the title in its front matter."""
        uri = self.urls[url]
        if uri in nav_titles:
            return nav_titles[uri]
        if uri not in self._titles:
            self._titles[uri] = _front_matter_title(self.pages[uri].text) or url
        return self._titles[uri]

    def trail(self, url: str, nav_titles: Mapping[str, str]) -> list[tuple[str, str]]:
        parts = url.strip("/").split("/") if url.strip("/") else []
        prefixes = [HOME] + ["/".join(parts[:n]) + "/" for n in range(1, len(parts))]
        found = [(self.title_of(p, nav_titles), p) for p in prefixes if p in self.urls and p != url]
        return found if len(found) > 1 else []

    def for_page(self, url: str, title: str, description: str | None, nav_titles: Mapping[str, str]) -> PageContext:
        """`url`: the page's site path (`aanpakken/x/`); `nav_titles`: page source path -> label."""
        site = self.site
        description = plain(description or site.description)
        modified = self.modified_date(url)
        record = self.records.get(url)
        tags = link_preview.tags(
            site_name=site.name,
            title=plain(title),
            description=description,
            url=site.absolute(url),
            image_url=site.absolute(link_preview.IMAGE),
            image_alt=f"{site.name}: {site.description}",
            article=record is not None,
        )

        def href(path: str) -> str:
            return site.href(path, url)

        graph: list[dict[str, Any]] = []
        home = structured_data.website(site.name, site.description, href)
        if url == HOME:
            graph.append(home)
        if record:
            kind, rec = record
            graph.append(
                structured_data.learning_resource(
                    self.cat,
                    kind,
                    rec,
                    title=plain(title),
                    description=description,
                    url=href(url),
                    modified=modified,
                    site=home,
                )
            )
        if url == DATA_PAGE:
            graph.append(
                structured_data.dataset(
                    self.cat,
                    name=f"{site.name}: open data",
                    description=description,
                    url=href(url),
                    modified=self.newest,
                    files=self.data_files,
                    href=href,
                    citation=self.citation,
                    usage_info=href(url) + LICENCE_ANCHOR,
                )
            )
        trail = self.trail(url, nav_titles)
        if trail:
            crumbs = [(name, href(path)) for name, path in trail] + [(plain(title), href(url))]
            graph.append(structured_data.breadcrumbs(crumbs))
        # Material's language switcher fetches sitemap.xml next to every link whose rel is exactly
        # "alternate" (squidfunk/mkdocs-material#8576): right for the feed at the root, a 404 in
        # data/... for a record's JSON. A second token keeps it an alternate the switcher skips.
        alternates = [("alternate", FEED_TYPE, href(FEED), f"{site.name}: wat is er nieuw")]
        if data_file := self.data_file(url):
            alternates.append(
                ("alternate describedby", "application/json", href(data_file), f"{plain(title)} als JSON")
            )
        links = "\n".join(
            f'<link rel="{rel}" type="{kind}" href="{html.escape(target)}" title="{html.escape(name)}">'
            for rel, kind, target, name in alternates
        )
        head = "\n".join(x for x in (link_preview.html_tags(tags), structured_data.script(graph), links) if x)
        return PageContext(head=head, trail=trail, modified=modified)


def _front_matter_title(text: str) -> str | None:
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    data = yaml.safe_load(text[4:end]) if end > 0 else None
    title = data.get("title") if isinstance(data, dict) else None
    return str(title) if title else None
