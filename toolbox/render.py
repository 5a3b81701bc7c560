"""Render the catalog through Jinja templates into Markdown pages (and data files).

Nothing here imports MkDocs: `render_site` returns {page path: Markdown text}, which the
MkDocs hook adds as generated files and `toolbox generate` writes to disk.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from toolbox import markup
from toolbox import models as m
from toolbox.catalog import Catalog, Origin
from toolbox.repo_docs import jinja_globals as repo_doc_globals
from toolbox.visuals import jinja_globals as visual_globals

TEMPLATES = Path(__file__).parent / "templates"

SECTOR_PAGES = {s: f"aanpakken/sector-{s.lower()}.md" for s in m.SECTORS}


def element_uri(id: str) -> str:
    return f"elementen/{id}.md"


def intervention_uri(id: str) -> str:
    return f"aanpakken/{id}.md"


def case_uri(id: str) -> str:
    return f"casussen/{id}.md"


def topic_uri(id: str) -> str:
    return f"{id}.md"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
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
    )
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

    def page(self, uri: str, template: str, origin: str | None = None, **context: Any) -> None:
        def link(target: str) -> str:
            """Relative link from this page to another page's source path (MkDocs checks it)."""
            return posixpath.relpath(target, posixpath.dirname(uri) or ".")

        def href(target: str) -> str:
            """Relative URL for raw HTML, where MkDocs does not rewrite links (directory URLs)."""
            here, there = _url(uri), _url(target)
            rel = posixpath.relpath(there or ".", here.rstrip("/") or ".")
            return "./" if rel == "." else rel + "/"

        source = self.cat.origins.get(origin) if origin else None
        text = self.env.get_template(template).render(
            cat=self.cat, link=link, href=href, uri=uri, source=source, **context
        )
        self.pages[uri] = RenderedPage(text, source)


def _url(uri: str) -> str:
    """The directory URL MkDocs gives a page (`use_directory_urls: true`), without leading slash."""
    stem = uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem


def render_site(catalog: Catalog) -> dict[str, RenderedPage]:
    """Every generated page, keyed by its path below the docs directory."""
    r = _Renderer(catalog)
    cat = catalog
    r.page("index.md", "home.md.j2")
    r.page("elementen/index.md", "elements.md.j2")
    for el in cat.elements.values():
        r.page(element_uri(el.id), "element.md.j2", el.id, el=el)
    r.page("aanpakken/index.md", "finder.md.j2")
    for iv in cat.interventions.values():
        r.page(intervention_uri(iv.id), "intervention.md.j2", iv.id, iv=iv)
    for sector, uri in SECTOR_PAGES.items():
        # A dict: ordered, and `in` stays O(1) for the template's per-element filter (quadratic with a list).
        ids = dict.fromkeys(i.id for i in cat.interventions.values() if sector in i.sectors)
        r.page(uri, "sector.md.j2", sector=sector, ids=ids)
    r.page("casussen/index.md", "cases.md.j2")
    for case in cat.cases.values():
        r.page(case_uri(case.id), "case.md.j2", case.id, case=case)
    for topic in cat.topics.values():
        r.page(topic_uri(topic.id), "topic.md.j2", topic.id, topic=topic)
    if cat.roadmap:
        r.page("roadmap.md", "roadmap.md.j2", cat.roadmap.id, rm=cat.roadmap)
    if cat.communication:
        r.page("communicatie.md", "communication.md.j2", cat.communication.id, com=cat.communication)
    if cat.practice:
        r.page("hbo-praktijk.md", "practice.md.j2", cat.practice.id, pr=cat.practice)
    r.page("over.md", "about.md.j2")
    r.page("data.md", "data.md.j2")
    r.page("actieplan.md", "actieplan.md.j2")
    r.page("communicatie/check.md", "nse-check.md.j2", cat.nse_rules.id if cat.nse_rules else None)
    r.page("roadmap/overzicht.md", "roadmap-overview.md.j2", cat.roadmap.id if cat.roadmap else None)
    r.page("zoeken.md", "search.md.j2")
    return r.pages


def write_pages(pages: dict[str, RenderedPage], out: Path) -> None:
    for uri, page in pages.items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
