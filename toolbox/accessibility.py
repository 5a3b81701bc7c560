"""The accessibility checks the tests run, and their last results, for the statement page.

`/toegankelijkheid/` states what is checked and what was found. Both come from here: the axe-core
tags and colour schemes are the configuration tests/browser/test_a11y.py runs with, and the results
are the file `bench/accessibility.py` writes after running those same checks on every page type.
So the statement cannot claim a check that the tests do not run, nor a result nobody measured.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

# WCAG 2.2 level A and AA (2.0 and 2.1 criteria included), plus axe's best practices.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
RESULTS = Path(__file__).parent / "accessibility_results.json"


class PageResult(BaseModel):
    page_type: str
    path: str
    violations: dict[str, list[str]]  # scheme -> ids of the axe rules that failed


class Results(BaseModel):
    date: str  # ISO date of the run
    axe_version: str
    tags: list[str]
    schemes: list[str]
    rules: int  # axe rules that ran on each page
    pages: list[PageResult]


def load_results(path: Path = RESULTS) -> Results | None:
    """The last run, or None when no run has been recorded."""
    if not path.is_file():
        return None
    return Results.model_validate(json.loads(path.read_text(encoding="utf-8")))


# Dutch names of the page types the checks visit (tests/browser/test_a11y.py, CHECKED).
PAGE_TYPE_LABELS = {
    "home": "Startpagina",
    "elements": "Overzicht werkzame elementen",
    "element": "Werkzaam element",
    "finder": "Zoekhulp aanpakken (met filters aan)",
    "intervention": "Aanpak",
    "sector": "Aanpakken per sector",
    "cases": "Overzicht casussen",
    "case": "Casus",
    "online-topic": "Thema online onderwijs",
    "roadmap": "Roadmap",
    "communication": "Communicatie over de NSE",
    "hbo-praktijk": "Praktijk hbo",
    "about": "Over de toolbox",
    "news": "Wat is er nieuw",
    "contribute": "Bijdragen (formulier)",
    "research-index": "Onderzoek: overzicht",
    "text-page": "Onderzoek: tekstpagina (methode)",
    "integrated-model": "Onderzoek: integraal model",
    "participation": "Onderzoek: deelname, met grafiek en tabellen",
    "glossary": "Begrippen",
    "coordinators": "Communicatie: voor coördinatoren",
    "roadmap-background": "Roadmap: achtergrond",
    "roadmap-explanations": "Roadmap: toelichting per factor",
    "practice-chapter": "Praktijk hbo: hoofdstuk",
    "data": "Open data",
    "search": "Zoekresultaten",
    "search-panel": "Zoekvak in de kop, met resultaten open",
    "action-plan": "Actieplan",
    "self-scan": "Zelfscan",
    "accessibility": "Toegankelijkheidsverklaring",
    "compare": "Aanpakken vergelijken",
    "404": "Pagina niet gevonden",
}
