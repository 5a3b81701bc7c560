"""Render the catalog through Jinja templates into Markdown pages (and data files).

Nothing here imports MkDocs: `render_site` returns {path: Markdown page or JSON data file}, which
the MkDocs hook adds as generated files and `toolbox generate` writes to disk. Long lists are split
into pages by `paginate`, so no page grows with the catalog.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import jinja2

from toolbox import accessibility, browser_data, related, safe_html, sitemap
from toolbox import models as m
from toolbox.catalog import Catalog, Origin
from toolbox.contribute import Repository
from toolbox.figures import jinja_globals as figure_globals
from toolbox.history import dutch_date
from toolbox.news import catalog_times, recent_changes
from toolbox.repo_docs import jinja_globals as repo_doc_globals
from toolbox.sitemap import Links, P, element_list_uri, list_uri, practice_part_uri, record_uri
from toolbox.text import editors_only_line_refs, summary, yaml_str
from toolbox.visuals import jinja_globals as visual_globals

TEMPLATES = Path(__file__).parent / "templates"

# No page may grow with the catalog (issue 7: at most 80 KB of HTML at 5,000 interventions).
# A list item is about 0.2 KB of HTML and the theme about 17 KB, so 100 items stay near 40 KB.
PER_PAGE = 100
# Element pages list this many interventions and cases themselves and link to the full lists.
INLINE = 20
# The finder renders this many cards into its HTML, for readers without JavaScript (a card is
# about 0.7 KB); its script reads every card from P.finder_data.
FINDER_CARDS = 60

T = TypeVar("T")


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
        autoescape=False,  # the output is Markdown; record text goes through the `md`/`inline` filters
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Record text becomes finished, sanitised HTML (toolbox/safe_html.py) that the page's Markdown
    # leaves alone; data files and metadata get its plain text.
    env.filters["md"] = lambda text, paragraph_class=None: editors_only_line_refs(
        safe_html.block(str(text or ""), paragraph_class)
    )
    env.filters["inline"] = lambda text: editors_only_line_refs(safe_html.inline(str(text or "")))
    env.filters["plain"] = lambda text: safe_html.plain(str(text or ""))
    env.filters["first_sentence"] = lambda text: summary(str(text or ""))
    env.filters["yaml_str"] = yaml_str
    env.filters["dutch_date"] = dutch_date
    env.globals.update(
        {
            "THEMES": m.THEMES,
            "RINGS": m.RINGS,
            "HORIZONS": m.HORIZONS,
            "SECTORS": m.SECTORS,
            "P": P,
            "record_uri": record_uri,
            "element_list_uri": element_list_uri,
            "data_uri": sitemap.data_uri,
            "record_data_uri": sitemap.record_data_uri,
            "grouped": grouped,
            "INLINE": INLINE,
            "FINDER_CARDS": FINDER_CARDS,
            "paged_title": paged_title,
            "RESEARCH_GROUPS": m.RESEARCH_GROUPS,
            "practice_part_uri": practice_part_uri,
            "related": related,  # what a record page leads on to (toolbox/related.py)
        }
    )
    # Compact, deterministic JSON for the data files (and inline data): no spaces, UTF-8 as is.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}
    env.globals.update(visual_globals())
    env.globals.update(figure_globals())
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
        links = Links(base or uri)
        if uri in self.pages:
            # Editors get a Dutch error for reserved ids (sitemap.reserved_ids); this guards against
            # a page that the site map does not know.
            raise ValueError(f"twee gegenereerde pagina's op dezelfde plek: {uri}")
        source = self.cat.origins.get(origin) if origin else None
        text = self.env.get_template(template).render(
            cat=self.cat,
            link=links.link,
            href=links.href,
            file_href=links.file_href,
            uri=uri,
            source=source,
            **context,
        )
        self.pages[uri] = RenderedPage(text, source)

    def data(self, uri: str, data: browser_data.BrowserData | None) -> None:
        """A JSON data file for the browser scripts, from its typed model; nothing when there is none."""
        if data is None:
            return
        if uri in self.pages:
            raise ValueError(f"twee gegenereerde pagina's op dezelfde plek: {uri}")
        self.pages[uri] = RenderedPage(browser_data.to_json(data), None)

    def list_pages(self, first: str, template: str, items: Sequence[Any], **context: Any) -> None:
        """One page per `PER_PAGE` items; the template gets the page as `pg`."""
        for pg in paginate(first, items):
            self.page(pg.uri, template, pg=pg, **context)


def render_site(catalog: Catalog, repository: Repository | None = None) -> dict[str, RenderedPage]:
    """Every generated page (Markdown) and data file (JSON), keyed by its path below the docs directory.

    `repository`: where the contribution form opens the web editor (`toolbox.contribute`); without
    one the form offers the YAML to copy."""
    r = _Renderer(catalog)
    cat = catalog
    for rt in cat.types:  # a page per record, for every type that has pages
        if rt.page is not None:
            for ident, record in cat.records[rt.name].items():
                r.page(record_uri(rt.name, ident), rt.page.template, ident, record=record, **{rt.page.var: record})
    r.page(P.home, "home.md.j2")
    r.page(P.elements, "elements.md.j2")
    for el in cat.elements.values():
        for kind, ids in (
            ("aanpakken", cat.related(el.id, "interventions")),
            ("casussen", cat.related(el.id, "cases")),
        ):
            if len(ids) > INLINE:
                r.list_pages(element_list_uri(el.id, kind), "element-list.md.j2", ids, el=el, kind=kind)
    cards = browser_data.finder_cards(cat, Links(P.finder))
    r.page(P.finder, "finder.md.j2", cards=cards.cards[:FINDER_CARDS], counts=browser_data.facet_counts(cards.cards))
    r.data(P.finder_data, cards)
    if len(cat.interventions) > FINDER_CARDS:
        r.list_pages(P.all_interventions, "all-interventions.md.j2", list(cat.interventions))
    for sector, uri in P.sector.items():
        # (element, intervention) in element order; an intervention with two elements is under both.
        entries = [
            (e, i)
            for e in cat.elements
            for i in cat.related(e, "interventions")
            if sector in cat.interventions[i].sectors
        ]
        count = sum(1 for i in cat.interventions.values() if sector in i.sectors)
        examples = sum(1 for i in cat.interventions.values() if sector in i.sectors and i.is_practice_example)
        r.list_pages(uri, "sector.md.j2", entries, sector=sector, count=count, examples=examples)
    r.list_pages(P.cases, "cases.md.j2", list(cat.cases))
    r.page(P.about, "about.md.j2")
    r.page(P.news, "news.md.j2", changes=recent_changes(cat, catalog_times(cat)))  # from git (cached)
    r.page(P.data, "data.md.j2")
    r.page(P.plan, "actieplan.md.j2")
    r.data(P.plan_data, browser_data.plan_data(cat, Links(P.plan)))  # links relative to the plan page
    r.page(P.scan, "zelfscan.md.j2")
    r.page(P.nse_check, "nse-check.md.j2", cat.nse_rules.id if cat.nse_rules else None)
    r.data(P.nse_data, browser_data.nse_check_data(cat))
    r.page(P.roadmap_overview, "roadmap-overview.md.j2", cat.roadmap.id if cat.roadmap else None)
    r.page(P.search, "search.md.j2")
    r.page(P.contribute, "contribute.md.j2", repository=repository)
    r.data(P.contribute_data, browser_data.contribute_data(cat, repository, Links(P.contribute)))
    r.page(P.compare, "compare.md.j2")
    r.data(P.compare_data, browser_data.compare_data(cat, Links(P.compare)))  # links relative to the compare page
    r.page(P.accessibility, "accessibility.md.j2", results=accessibility.load_results(), checks=accessibility)
    r.page(P.research, "research-index.md.j2")
    if cat.roadmap and cat.roadmap.background:
        r.page(P.roadmap_background, "roadmap-explanation.md.j2", cat.roadmap.id, rm=cat.roadmap, part="achtergrond")
        r.page(P.roadmap_factors, "roadmap-explanation.md.j2", cat.roadmap.id, rm=cat.roadmap, part="factoren")
    if pr := cat.practice:
        # The chapters of the HBO practice report, each on a page of its own (the whole report
        # would exceed the page size limit).
        parts = [
            (
                "onderzoek",
                "Inleiding, methode en beperkingen",
                [*pr.introduction, *pr.method, *filter(None, [pr.limitations])],
            )
        ]
        parts += [(sec.id, sec.title, [sec]) for sec in pr.results]
        nav = [(title, practice_part_uri(pid)) for pid, title, _ in parts]
        for pid, title, sections in parts:
            if sections:
                r.page(
                    practice_part_uri(pid),
                    "practice-chapter.md.j2",
                    pr.id,
                    pr=pr,
                    title=title,
                    sections=sections,
                    nav=nav,
                )
    return r.pages


def write_pages(pages: dict[str, RenderedPage], out: Path) -> None:
    for uri, page in pages.items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
