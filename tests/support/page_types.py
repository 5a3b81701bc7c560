"""One representative page per page type of a built site, for checks that run per page type.

Fixed pages have one address. Record pages are found by the search-result type that their template
writes (`data-pagefind-meta="soort:..."`), so no record id is spelled here: the first record page
in address order stands for its type.
"""

from __future__ import annotations

import re
from pathlib import Path

# The page types of issue 12's Lighthouse run, and the self-scan that issue 14 measures with the plan.
# Paths are relative to the site root.
LIGHTHOUSE_TYPES = (
    "home",
    "finder",
    "element",
    "intervention",
    "case",
    "roadmap",
    "action plan",
    "self-scan",
    "search",
    "compare",
)

FIXED = {
    "home": "",
    "finder": "aanpakken/",
    "roadmap": "roadmap/",
    "action plan": "actieplan/",
    "self-scan": "zelfscan/",
    "search": "zoeken/",
    "compare": "vergelijk/",
    "element overview": "elementen/",
    "case overview": "casussen/",
    "sector list": "aanpakken/sector-hbo/",
    "roadmap overview": "roadmap/overzicht/",
    "communication": "communicatie/",
    "NSE check": "communicatie/check/",
    "HBO practice": "hbo-praktijk/",
    "online education": "online-onderwijs/",
    "about": "over/",
    "what is new": "nieuw/",
    "contribution form": "bijdragen/",
    "accessibility statement": "toegankelijkheid/",
    "open data": "data/",
    "not found": "404.html",
}
# The report's explanatory pages (issue 13), one per template.
RESEARCH = {
    "research-index": "onderzoek/",
    "text-page": "onderzoek/methode/",
    "integrated-model": "onderzoek/integraal-model/",
    "participation": "onderzoek/deelname/",
    "glossary": "begrippen/",
    "coordinators": "communicatie/coordinatoren/",
    "roadmap-background": "roadmap/studentsucces/",
    "roadmap-explanations": "roadmap/toelichting/",
    "practice-chapter": "hbo-praktijk/leiderschap/",
}
FIXED.update(RESEARCH)
RECORDS = {"element": "Werkzaam element", "intervention": "Aanpak", "case": "Casus"}

ALL_TYPES = (*LIGHTHOUSE_TYPES, *(name for name in FIXED if name not in LIGHTHOUSE_TYPES))


def html_file(site: Path, path: str) -> Path:
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def _record_pages(site: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    marker = re.compile(r'data-pagefind-meta="soort:([^"]+)"')
    wanted = {kind: name for name, kind in RECORDS.items()}
    for page in sorted(site.rglob("index.html")):
        match = marker.search(page.read_text(encoding="utf-8"))
        if match and match.group(1) in wanted and wanted[match.group(1)] not in found:
            found[wanted[match.group(1)]] = page.parent.relative_to(site).as_posix() + "/"
        if len(found) == len(RECORDS):
            break
    return found


def representative_pages(site: Path, names: tuple[str, ...] = ALL_TYPES) -> dict[str, str]:
    """Page type -> site path of one page of that type, in the order of `names`; a missing type is an error."""
    records = _record_pages(site)
    pages: dict[str, str] = {}
    for name in names:
        path = FIXED.get(name, records.get(name))
        if path is None or not html_file(site, path).is_file():
            raise FileNotFoundError(f"no page of type {name!r} in {site}")
        pages[name] = path
    return pages


def page_of(site: Path, name: str) -> Path:
    """The HTML file of the representative page of type `name`."""
    return html_file(site, representative_pages(site, (name,))[name])
