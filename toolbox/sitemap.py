"""Every address of the site: record pages, overview and list pages, data files, reserved ids.

Addresses are paths below the docs directory (`aanpakken/x.md`), as MkDocs names source files;
`page_url` turns one into the directory URL it is published at (`aanpakken/x/`). Render, export,
templates (as `P` and `record_uri`) and the browser scripts' data files all take their addresses
from here, so a page moves by changing one line.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from types import SimpleNamespace

from toolbox import models as m
from toolbox.registry import TYPES, RecordType

# Pages that are not made from one record (the navigation in mkdocs.yml names some of them).
HOME = "index.md"
ELEMENTS = "elementen/index.md"
FINDER = "aanpakken/index.md"
ALL_INTERVENTIONS = "aanpakken/alle.md"  # the finder's list for readers without JavaScript
SECTORS = {s: f"aanpakken/sector-{s.lower()}.md" for s in m.SECTORS}
CASES = "casussen/index.md"
ROADMAP_OVERVIEW = "roadmap/overzicht.md"
ROADMAP_BACKGROUND = "roadmap/studentsucces.md"  # chapters 1-5 of the Studentsucces report
ROADMAP_FACTORS = "roadmap/toelichting.md"  # the full explanation of every principle and factor
RESEARCH = "onderzoek/index.md"  # the index of the report's explanatory pages
NEWS = "nieuw.md"  # the records changed last (toolbox/news.py)
NSE_CHECK = "communicatie/check.md"
ABOUT = "over.md"
DATA = "data.md"
PLAN = "actieplan.md"
SCAN = "zelfscan.md"
SEARCH = "zoeken.md"
CONTRIBUTE = "bijdragen.md"  # the contribution form (toolbox/contribute.py)
COMPARE = "vergelijk.md"  # interventions side by side (?ids=a,b,c), from COMPARE_DATA
ACCESSIBILITY = "toegankelijkheid.md"  # the accessibility statement

# Data files the browser scripts read (JSON written by `toolbox.browser_data`).
FINDER_DATA = "aanpakken/kaarten.json"
PLAN_DATA = "actieplan/onderdelen.json"
NSE_DATA = "communicatie/check/regels.json"
CONTRIBUTE_DATA = "bijdragen/formulier.json"
COMPARE_DATA = "vergelijk/aanpakken.json"
# Open data (`toolbox.export`) is published below this folder.
DATA_DIR = "data"
# The whole catalog as one file there; each record with a page also has a file (`record_data_uri`).
EXPORT_JSON = "toolbox.json"
# The Atom feed of recent changes (toolbox/feed.py), at the top so its relative links resolve.
FEED = "feed.xml"

FIXED_PAGES = (
    HOME,
    ELEMENTS,
    FINDER,
    ALL_INTERVENTIONS,
    *SECTORS.values(),
    CASES,
    ROADMAP_OVERVIEW,
    ROADMAP_BACKGROUND,
    ROADMAP_FACTORS,
    RESEARCH,
    NEWS,
    NSE_CHECK,
    ABOUT,
    DATA,
    PLAN,
    SCAN,
    SEARCH,
    CONTRIBUTE,
    COMPARE,
    ACCESSIBILITY,
)

# Templates address pages as `P.finder`, `P.sector["MBO"]`, ... instead of typing paths.
P = SimpleNamespace(
    home=HOME,
    elements=ELEMENTS,
    finder=FINDER,
    all_interventions=ALL_INTERVENTIONS,
    sector=SECTORS,
    cases=CASES,
    roadmap_overview=ROADMAP_OVERVIEW,
    roadmap_background=ROADMAP_BACKGROUND,
    roadmap_factors=ROADMAP_FACTORS,
    research=RESEARCH,
    news=NEWS,
    feed=FEED,
    nse_check=NSE_CHECK,
    about=ABOUT,
    data=DATA,
    plan=PLAN,
    scan=SCAN,
    search=SEARCH,
    compare=COMPARE,
    accessibility=ACCESSIBILITY,
    finder_data=FINDER_DATA,
    plan_data=PLAN_DATA,
    nse_data=NSE_DATA,
    contribute=CONTRIBUTE,
    contribute_data=CONTRIBUTE_DATA,
    compare_data=COMPARE_DATA,
    data_dir=DATA_DIR,
)

_PAGE_NUMBER = re.compile(r"^pagina-[0-9]+$")


def _type(name: str, types: tuple[RecordType, ...] = TYPES) -> RecordType:
    return next(t for t in types if t.name == name)


def record_uri(type_name: str, id: str = "", types: tuple[RecordType, ...] = TYPES) -> str:
    """The page of a record: `<folder>/<id>.md`, or the fixed page of a one-record type."""
    page = _type(type_name, types).page
    if page is None:
        raise ValueError(f"record type {type_name} has no pages")
    if page.uri is not None:
        return page.uri
    return f"{page.folder}/{id}.md" if page.folder else f"{id}.md"


def element_list_uri(id: str, kind: str) -> str:
    """First page of an element's full list of `aanpakken` or `casussen` (when it is long)."""
    return f"elementen/{id}/{kind}.md"


def practice_part_uri(id: str) -> str:
    """A chapter of the HBO practice report (the whole report would exceed the page size limit)."""
    return f"hbo-praktijk/{id}.md"


def list_uri(first: str, number: int) -> str:
    """Page `number` of a list whose first page is `first` (URL `X/`): `X/pagina-N.md` (URL `X/pagina-N/`)."""
    if number == 1:
        return first
    folder = first[: -len("/index.md")] if first.endswith("/index.md") else first[: -len(".md")]
    return f"{folder}/pagina-{number}.md"


def data_uri(name: str) -> str:
    """Where an open-data file (`toolbox.json`, `schemas/x.json`) is published."""
    return f"{DATA_DIR}/{name}"


def record_data_name(type_name: str, id: str = "", types: tuple[RecordType, ...] = TYPES) -> str:
    """A record's own JSON file below the data folder: its page's path with `.json`
    (`aanpakken/x.md` -> `aanpakken/x.json`), so the address is as stable as the page's."""
    return record_uri(type_name, id, types)[: -len(".md")] + ".json"


def record_data_uri(type_name: str, id: str = "", types: tuple[RecordType, ...] = TYPES) -> str:
    """Where a record's own JSON file is published (`data/aanpakken/x.json`)."""
    return data_uri(record_data_name(type_name, id, types))


@functools.cache
def reserved_ids(types: tuple[RecordType, ...] = TYPES) -> frozenset[str]:
    """Ids a record may not have, because its page would overwrite another page or folder.

    For each folder that holds record pages: the names of the fixed pages and data files in it
    (`aanpakken/alle.md` reserves `alle`), and, for pages at the top, the first folder of every
    fixed page (`elementen`). List pages (`pagina-2`) are refused by `is_reserved`."""
    folders = {t.page.folder for t in types if t.page is not None and t.page.folder is not None}
    names: set[str] = set()
    for path in (*FIXED_PAGES, FINDER_DATA, PLAN_DATA, NSE_DATA, CONTRIBUTE_DATA, COMPARE_DATA, FEED, f"{DATA_DIR}/x"):
        parts = path.split("/")
        stem = parts[-1].rsplit(".", 1)[0]
        folder = "/".join(parts[:-1])
        if folder in folders:
            names.add(stem)
        if "" in folders:
            names.add(parts[0].rsplit(".", 1)[0])
    if "" in folders:  # a record at the top has its JSON file next to the whole export's
        names.add(EXPORT_JSON.rsplit(".", 1)[0])
    names.update(t.page.uri.rsplit(".", 1)[0] for t in types if t.page is not None and t.page.uri is not None)
    return frozenset(names)


def is_reserved(id: str, types: tuple[RecordType, ...] = TYPES) -> bool:
    return id in reserved_ids(types) or bool(_PAGE_NUMBER.match(id))


def page_url(uri: str) -> str:
    """The site-relative directory URL of a page, with a trailing slash (`aanpakken/x.md` -> `aanpakken/x/`)."""
    url = url_path(uri)
    return url + "/" if url else ""


def url_path(uri: str) -> str:
    """The directory URL MkDocs gives a page (`use_directory_urls: true`), without slashes around it."""
    stem = uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem


@functools.lru_cache(maxsize=65536)
def relpath(target: str, start: str) -> str:
    """posixpath.relpath for site-relative paths, without its os.getcwd() call per link
    (a third of the render time at 5,000 interventions)."""
    to = [p for p in target.split("/") if p and p != "."]
    base = [p for p in start.split("/") if p and p != "."]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


@dataclass(frozen=True)
class Links:
    """Relative addresses from the page `base` to other pages and files."""

    base: str

    def link(self, target: str) -> str:
        """Relative link to another page's source path, for Markdown (MkDocs checks and rewrites it)."""
        return relpath(target, posixpath.dirname(self.base) or ".")

    def href(self, target: str) -> str:
        """Relative URL of a page, for raw HTML and data files, where MkDocs rewrites nothing."""
        rel = relpath(url_path(target) or ".", url_path(self.base) or ".")
        return "./" if rel == "." else rel + "/"

    def file_href(self, target: str) -> str:
        """Relative URL of a file that is not a page (a generated data file)."""
        return relpath(target, url_path(self.base) or ".")
