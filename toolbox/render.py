"""Render the catalog through Jinja templates into Markdown pages (and data files).

Nothing here imports MkDocs: `render_site` returns {path: Markdown page or JSON data file}, which
the MkDocs hook adds as generated files and `toolbox generate` writes to disk. Long lists are split
into pages by `paginate`, so no page grows with the catalog.
"""

from __future__ import annotations

import functools
import math
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import jinja2

from toolbox import browser_data, markup
from toolbox import models as m
from toolbox.catalog import Catalog, Origin
from toolbox.repo_docs import jinja_globals as repo_doc_globals
from toolbox.visuals import jinja_globals as visual_globals

TEMPLATES = Path(__file__).parent / "templates"

SECTOR_PAGES = {s: f"aanpakken/sector-{s.lower()}.md" for s in m.SECTORS}
ROADMAP_URI = "roadmap.md"
COMMUNICATION_URI = "communicatie.md"
PRACTICE_URI = "hbo-praktijk.md"
FINDER_URI = "aanpakken/index.md"
ALL_INTERVENTIONS_URI = "aanpakken/alle.md"  # the finder's list for readers without JavaScript
FINDER_DATA_URI = "aanpakken/kaarten.json"
PLAN_URI = "actieplan.md"
PLAN_DATA_URI = "actieplan/onderdelen.json"
SCAN_URI = "zelfscan.md"
NSE_CHECK_URI = "communicatie/check.md"
NSE_DATA_URI = "communicatie/check/regels.json"

# No page may grow with the catalog (issue 7: at most 80 KB of HTML at 5,000 interventions).
# A list item is about 0.2 KB of HTML and the theme about 17 KB, so 100 items stay near 40 KB.
PER_PAGE = 100
# Element pages list this many interventions and cases themselves and link to the full lists.
INLINE = 20
# The finder renders this many cards into its HTML, for readers without JavaScript (a card is
# about 0.7 KB); its script reads every card from FINDER_DATA_URI.
FINDER_CARDS = 60

T = TypeVar("T")


def element_uri(id: str) -> str:
    return f"elementen/{id}.md"


def intervention_uri(id: str) -> str:
    return f"aanpakken/{id}.md"


def case_uri(id: str) -> str:
    return f"casussen/{id}.md"


def topic_uri(id: str) -> str:
    return f"{id}.md"


def element_list_uri(id: str, kind: str) -> str:
    """First page of an element's full list of `aanpakken` or `casussen` (when it is long)."""
    return f"elementen/{id}/{kind}.md"


def list_uri(first: str, number: int) -> str:
    """Page `number` of a list whose first page is `first` (URL `X/`): `X/pagina-N.md` (URL `X/pagina-N/`)."""
    if number == 1:
        return first
    folder = first[: -len("/index.md")] if first.endswith("/index.md") else first[: -len(".md")]
    return f"{folder}/pagina-{number}.md"


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """One page of a long list; templates show `items` and `mc.pager(pg)`."""

    number: int  # 1-based
    items: Sequence[T]
    uris: tuple[str, ...]  # every page of the list, in order
    start: int  # position of items[0] in the whole list, 1-based
    total: int  # items in the whole list

    @property
    def uri(self) -> str:
        return self.uris[self.number - 1]

    @property
    def end(self) -> int:
        return self.start + len(self.items) - 1

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link (first, last and `around` either side of this one); None is a gap."""
        last = len(self.uris)
        keep = sorted({1, last, *range(max(1, self.number - around), min(last, self.number + around) + 1)})
        out: list[int | None] = []
        for n in keep:
            if out and n - (out[-1] or 0) > 1:
                out.append(None)
            out.append(n)
        return out


def paginate(first: str, items: Sequence[T], per_page: int = PER_PAGE) -> list[ListPage[T]]:
    """Split `items` into pages of at most `per_page`; the first page is `first`, see `list_uri`."""
    count = max(1, math.ceil(len(items) / per_page))
    uris = tuple(list_uri(first, n) for n in range(1, count + 1))
    return [
        ListPage(n + 1, items[n * per_page : (n + 1) * per_page], uris, n * per_page + 1, len(items))
        for n in range(count)
    ]


def paged_title(title: str, pg: ListPage[Any]) -> str:
    return title if pg.number == 1 else f"{title} (pagina {pg.number} van {len(pg.uris)})"


def grouped(entries: Sequence[tuple[str, T]]) -> Iterator[tuple[str, list[T]]]:
    """Consecutive (key, item) entries as (key, [items]), in order (Jinja's `groupby` sorts)."""
    key: str | None = None
    items: list[T] = []
    for k, item in entries:
        if k != key and items:
            yield key or "", items
            items = []
        key = k
        items.append(item)
    if items:
        yield key or "", items


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Compiling the templates is most of the render step; cache the bytecode across builds
        # (in the system's temporary directory, keyed by template source, so edits still apply).
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; record text is neutralised by the `md` filter
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda text: markup.neutralise(text or "").strip()
    env.filters["inline"] = lambda text: " ".join(markup.neutralise(text or "").split())
    env.filters["first_sentence"] = lambda text: markup.first_sentence(markup.neutralise(text or ""))
    env.filters["yaml_str"] = lambda text: '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
    env.globals.update(
        THEMES=m.THEMES,
        RINGS=m.RINGS,
        HORIZONS=m.HORIZONS,
        SECTORS=m.SECTORS,
        element_uri=element_uri,
        intervention_uri=intervention_uri,
        case_uri=case_uri,
        topic_uri=topic_uri,
        sector_uri=SECTOR_PAGES.__getitem__,
        element_list_uri=element_list_uri,
        grouped=grouped,
        INLINE=INLINE,
        FINDER_CARDS=FINDER_CARDS,
        FINDER_DATA_URI=FINDER_DATA_URI,
        PLAN_DATA_URI=PLAN_DATA_URI,
        PLAN_URI=PLAN_URI,
        SCAN_URI=SCAN_URI,
        NSE_DATA_URI=NSE_DATA_URI,
        ALL_INTERVENTIONS_URI=ALL_INTERVENTIONS_URI,
        FINDER_URI=FINDER_URI,
        paged_title=paged_title,
        plain=browser_data.plain,
    )
    # Compact, deterministic JSON for the data files (and inline data): no spaces, UTF-8 as is.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}
    env.globals.update(visual_globals())
    env.globals.update(repo_doc_globals())
    return env


@dataclass(frozen=True)
class RenderedPage:
    text: str
    source: Origin | None  # the YAML record the page is made from, for edit links


class _Renderer:
    def __init__(self, catalog: Catalog) -> None:
        self.cat = catalog
        self.env = _environment()
        self.pages: dict[str, RenderedPage] = {}

    def page(
        self, uri: str, template: str, origin: str | None = None, *, base: str | None = None, **context: Any
    ) -> None:
        """Render `template` to `uri`. Links are relative to the page `base` (default: `uri` itself);
        a data file sets `base` to the page that loads it."""
        base = base or uri

        def link(target: str) -> str:
            """Relative link from this page to another page's source path (MkDocs checks it)."""
            return _relpath(target, posixpath.dirname(base) or ".")

        def href(target: str) -> str:
            return page_href(target, base)

        def file_href(target: str) -> str:
            """Relative URL of a file that is not a page (a generated data file)."""
            return _relpath(target, _url(base) or ".")

        if uri in self.pages:
            # Editors get a Dutch error for reserved ids (catalog.RESERVED_IDS); this guards against
            # that list falling behind the pages rendered here.
            raise ValueError(f"twee gegenereerde pagina's op dezelfde plek: {uri}")
        source = self.cat.origins.get(origin) if origin else None
        text = self.env.get_template(template).render(
            cat=self.cat, link=link, href=href, file_href=file_href, uri=uri, source=source, **context
        )
        self.pages[uri] = RenderedPage(text, source)

    def data(self, uri: str, data: browser_data.BrowserData | None) -> None:
        """Write a browser data file (see toolbox/browser_data.py); nothing when there is no data."""
        if data is None:
            return
        if uri in self.pages:
            raise ValueError(f"twee gegenereerde pagina's op dezelfde plek: {uri}")
        self.pages[uri] = RenderedPage(browser_data.to_json(data), None)

    def list_pages(self, first: str, template: str, items: Sequence[Any], **context: Any) -> None:
        """One page per `PER_PAGE` items; the template gets the page as `pg`."""
        for pg in paginate(first, items):
            self.page(pg.uri, template, pg=pg, **context)


@functools.lru_cache(maxsize=65536)
def _relpath(target: str, start: str) -> str:
    """posixpath.relpath for site-relative paths, without its os.getcwd() call per link
    (a third of the render time at 5,000 interventions)."""
    to = [p for p in target.split("/") if p and p != "."]
    base = [p for p in start.split("/") if p and p != "."]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def page_href(target: str, base: str) -> str:
    """Relative URL from page `base` to page `target` for raw HTML and data files, where MkDocs
    does not rewrite links (directory URLs)."""
    here, there = _url(base), _url(target)
    rel = _relpath(there or ".", here.rstrip("/") or ".")
    return "./" if rel == "." else rel + "/"


def page_url(uri: str) -> str:
    """The site-relative directory URL of a page, with a trailing slash (`aanpakken/x.md` -> `aanpakken/x/`)."""
    url = _url(uri)
    return url + "/" if url else ""


def _url(uri: str) -> str:
    """The directory URL MkDocs gives a page (`use_directory_urls: true`), without leading slash."""
    stem = uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem


def render_site(catalog: Catalog) -> dict[str, RenderedPage]:
    """Every generated page (Markdown) and data file (JSON), keyed by its path below the docs directory."""
    r = _Renderer(catalog)
    cat = catalog
    r.page("index.md", "home.md.j2")
    r.page("elementen/index.md", "elements.md.j2")
    for el in cat.elements.values():
        r.page(element_uri(el.id), "element.md.j2", el.id, el=el)
        for kind, ids in (("aanpakken", cat.element_interventions[el.id]), ("casussen", cat.element_cases[el.id])):
            if len(ids) > INLINE:
                r.list_pages(element_list_uri(el.id, kind), "element-list.md.j2", ids, el=el, kind=kind)
    r.page(FINDER_URI, "finder.md.j2")
    r.page(FINDER_DATA_URI, "finder.json.j2", base=FINDER_URI)
    if len(cat.interventions) > FINDER_CARDS:
        r.list_pages(ALL_INTERVENTIONS_URI, "all-interventions.md.j2", list(cat.interventions))
    for iv in cat.interventions.values():
        r.page(intervention_uri(iv.id), "intervention.md.j2", iv.id, iv=iv)
    for sector, uri in SECTOR_PAGES.items():
        # (element, intervention) in element order; an intervention with two elements is under both.
        entries = [
            (e, i) for e in cat.elements for i in cat.element_interventions[e] if sector in cat.interventions[i].sectors
        ]
        count = sum(1 for i in cat.interventions.values() if sector in i.sectors)
        r.list_pages(uri, "sector.md.j2", entries, sector=sector, count=count)
    r.list_pages("casussen/index.md", "cases.md.j2", list(cat.cases))
    for case in cat.cases.values():
        r.page(case_uri(case.id), "case.md.j2", case.id, case=case)
    for topic in cat.topics.values():
        r.page(topic_uri(topic.id), "topic.md.j2", topic.id, topic=topic)
    if cat.roadmap:
        r.page(ROADMAP_URI, "roadmap.md.j2", cat.roadmap.id, rm=cat.roadmap)
    if cat.communication:
        r.page(COMMUNICATION_URI, "communication.md.j2", cat.communication.id, com=cat.communication)
    if cat.practice:
        r.page(PRACTICE_URI, "practice.md.j2", cat.practice.id, pr=cat.practice)
    r.page("over.md", "about.md.j2")
    r.page("data.md", "data.md.j2")
    r.page(PLAN_URI, "actieplan.md.j2")
    plan_href = functools.partial(page_href, base=PLAN_URI)  # the plan's data file sits in its folder
    r.data(PLAN_DATA_URI, browser_data.plan_data(cat, plan_href, element_uri, intervention_uri))
    r.page(SCAN_URI, "zelfscan.md.j2")
    r.page(NSE_CHECK_URI, "nse-check.md.j2", cat.nse_rules.id if cat.nse_rules else None)
    r.data(NSE_DATA_URI, browser_data.nse_check_data(cat))
    r.page("roadmap/overzicht.md", "roadmap-overview.md.j2", cat.roadmap.id if cat.roadmap else None)
    r.page("zoeken.md", "search.md.j2")
    return r.pages


def write_pages(pages: dict[str, RenderedPage], out: Path) -> None:
    for uri, page in pages.items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
