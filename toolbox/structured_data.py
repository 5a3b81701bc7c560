"""schema.org structured data (JSON-LD), generated from the catalog.

- every element, intervention and case: a `LearningResource` that cites the reports it is
  transcribed from (`citation`);
- `/data/`: a `Dataset` with a `DataDownload` per published file;
- the home page: the `WebSite`;
- every page with a breadcrumb: a `BreadcrumbList` of the same trail.

Addresses are absolute when the site has a `site_url`, otherwise relative to the page (JSON-LD
resolves them against the page's address). Nothing here is typed by hand: names, descriptions,
dates and sources come from the records, `mkdocs.yml` and `CITATION.cff`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from toolbox import models as m
from toolbox.catalog import Catalog

CONTEXT = "https://schema.org"
LANGUAGE = "nl"
# Which schema.org type a source document is: a research report is a Report, the rest (slide
# decks, a companion document) stay CreativeWork with their kind as genre.
DOCUMENT_TYPES = {"Onderzoeksrapport": "Report"}
ENCODINGS = {".json": "application/json", ".csv": "text/csv"}
SCHEMA_ENCODING = "application/schema+json"
RESOURCE_TYPES = {"element": "Werkzaam element", "intervention": "Aanpak", "case": "Casus"}

Href = Callable[[str], str]  # site path (`aanpakken/x/`) -> URL as this page writes it


def document(doc: m.SourceDocument) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": DOCUMENT_TYPES.get(doc.kind or "", "CreativeWork"), "name": doc.title}
    if doc.subtitle:
        out["alternativeHeadline"] = doc.subtitle
    if doc.authors:
        out["author"] = [{"@type": "Person", "name": a} for a in doc.authors]
    if doc.organisation:
        out["publisher"] = {"@type": "Organization", "name": doc.organisation}
    if doc.date:
        out["datePublished"] = doc.date
    if doc.kind and out["@type"] == "CreativeWork":
        out["genre"] = doc.kind
    if doc.url:
        out["url"] = str(doc.url)
    return out


def _cited(cat: Catalog, sources: Sequence[m.Source]) -> list[dict[str, Any]]:
    ids = list(dict.fromkeys(s.document for s in sources))  # each report once, in source order
    return [document(cat.documents[i]) for i in ids]


def website(name: str, description: str, href: Href) -> dict[str, Any]:
    return {"@type": "WebSite", "name": name, "description": description, "url": href(""), "inLanguage": LANGUAGE}


def learning_resource(
    cat: Catalog,
    kind: str,
    record: m.Element | m.Intervention | m.Case,
    *,
    title: str,
    description: str,
    url: str,
    modified: str,
    site: dict[str, Any],
) -> dict[str, Any]:
    """One record page: what it is, where it is part of, and the reports it cites."""
    out: dict[str, Any] = {
        "@type": "LearningResource",
        "name": title,
        "description": description,
        "url": url,
        "inLanguage": LANGUAGE,
        "learningResourceType": RESOURCE_TYPES[kind],
        "isPartOf": site,
        "dateModified": modified,
        "citation": _cited(cat, record.sources),
    }
    if isinstance(record, m.Element):
        out["keywords"] = [m.THEMES[record.theme], m.RINGS[record.ring]]
    elif isinstance(record, m.Intervention):
        out["keywords"] = [m.THEMES[t] for t in cat.themes_of(record)]
        out["educationalLevel"] = list(record.sectors)
    else:
        out["educationalLevel"] = [record.sector]
        out["about"] = {"@type": "EducationalOrganization", "name": record.institution}
    return out


def dataset(
    cat: Catalog,
    *,
    name: str,
    description: str,
    url: str,
    modified: str,
    files: Sequence[str],
    href: Href,
    citation: dict[str, Any] | None,
    usage_info: str,
) -> dict[str, Any]:
    """The open data on /data/: one DataDownload per file (paths below `data/`).

    No `license`: the page says the terms for reusing the texts are not confirmed yet
    (docs/publishing.md); `usageInfo` points at that section instead.
    """
    out: dict[str, Any] = {
        "@type": "Dataset",
        "name": name,
        "description": description,
        "url": url,
        "inLanguage": LANGUAGE,
        "isAccessibleForFree": True,
        "dateModified": modified,
        "usageInfo": usage_info,
        "isBasedOn": [document(d) for d in cat.documents.values()],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": rel,
                "contentUrl": href(f"data/{rel}"),
                "encodingFormat": SCHEMA_ENCODING if rel.startswith("schemas/") else ENCODINGS[rel[rel.rindex(".") :]],
            }
            for rel in files
        ],
    }
    if citation:
        authors = citation.get("authors") or []
        creators = [_cff_person(a) for a in authors if isinstance(a, dict)]
        if creators:
            out["creator"] = creators
        if citation.get("version"):
            out["version"] = str(citation["version"])
        if citation.get("keywords"):
            out["keywords"] = [str(k) for k in citation["keywords"]]
    return out


def _cff_person(author: dict[str, Any]) -> dict[str, Any]:
    """A CITATION.cff author: a person (given and family names) or an entity (name)."""
    if author.get("family-names"):
        name = " ".join(str(author[k]) for k in ("given-names", "name-particle", "family-names") if author.get(k))
        return {"@type": "Person", "name": name}
    return {"@type": "Organization", "name": str(author.get("name", ""))}


def breadcrumbs(trail: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """(name, URL) from the home page down to the current page."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url}
            for n, (name, url) in enumerate(trail, start=1)
        ],
    }


def script(graph: Sequence[dict[str, Any]]) -> str:
    """One `<script type="application/ld+json">` for the page; '' when there is nothing to say."""
    if not graph:
        return ""
    data = {"@context": CONTEXT, "@graph": list(graph)}
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    # Inside <script>, "</script>" or "<!--" in a title would end or break the element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
