"""Privacy (GDPR): the built site requests nothing from any host but its own.

Every page type is loaded in Chromium with all requests intercepted; anything not addressed to the
local server is blocked and fails the test (fonts, scripts, images, analytics, search). A static
scan of every built file backs this up for the pages the browser does not visit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT
from tests.support.html import parse_html
from tests.support.page_types import RESEARCH
from toolbox.catalog import load_catalog


def page_types() -> dict[str, str]:
    """One URL path per page type, with real record ids from the catalog."""
    cat = load_catalog(ROOT)
    first = {
        name: next(iter(records))
        for name, records in (
            ("element", cat.elements),
            ("intervention", cat.interventions),
            ("case", cat.cases),
            ("topic", cat.topics),
        )
    }
    return {
        "home": "",
        "elements": "elementen/",
        "element": f"elementen/{first['element']}/",
        "finder": "aanpakken/",
        "intervention": f"aanpakken/{first['intervention']}/",
        "sector": "aanpakken/sector-hbo/",
        "cases": "casussen/",
        "case": f"casussen/{first['case']}/",
        "online-topic": f"{first['topic']}/",
        "roadmap": "roadmap/",
        "communication": "communicatie/",
        "hbo-praktijk": "hbo-praktijk/",
        "about": "over/",
        "news": "nieuw/",
        "data": "data/",
        "search": "zoeken/?q=welzijn",
        "compare": "vergelijk/?ids=" + ",".join(list(cat.interventions)[:3]),
        "action-plan": "actieplan/",
        "self-scan": "zelfscan/",
        "contribute": f"bijdragen/?wijzig=aanpak/{first['intervention']}",
        "404": "404.html",
        **RESEARCH,
    }


PAGES = page_types()
LOCAL_SCHEMES = ("data:", "blob:", "about:")


def watch_requests(page: Any, site_url: str) -> list[str]:
    """Block and record every request that leaves the local server."""
    foreign: list[str] = []

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(site_url + "/") or url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    page.route("**/*", handle)
    page.on("websocket", lambda ws: foreign.append(ws.url))
    return foreign


def exercise(page: Any, name: str) -> None:
    """Use the page the way a visitor would, so lazily loaded resources are requested too."""
    if name == "finder":
        page.locator("#tb-finder input[type=checkbox]").first.check()
    search = page.locator("#tb-search-input")
    if search.count():
        search.first.fill("studenten")
        page.wait_for_function("() => document.querySelector('form[data-tb-search]').dataset.tbDone === 'studenten'")
    page.mouse.wheel(0, 5000)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_makes_no_third_party_requests(page: Any, site_dir: Path, site_url: str, name: str) -> None:
    target = PAGES[name].split("?")[0]
    assert (site_dir / target / "index.html").is_file() or (site_dir / target).is_file(), f"{target} not built"
    foreign = watch_requests(page, site_url)
    local: list[str] = []
    page.on("request", lambda r: local.append(r.url))
    page.goto(f"{site_url}/{PAGES[name]}")
    exercise(page, name)
    page.wait_for_load_state("networkidle")
    assert foreign == []
    assert any(u.endswith(".css") for u in local), "interception saw the page's own requests"


def test_interception_catches_a_foreign_request(page: Any, site_url: str) -> None:
    foreign = watch_requests(page, site_url)
    page.goto(f"{site_url}/404.html")
    page.evaluate("() => { const i = new Image(); i.src = 'https://tracker.example/pixel.png'; }")
    page.wait_for_load_state("networkidle")
    assert foreign == ["https://tracker.example/pixel.png"]


# --- every built file, statically --------------------------------------------------------------

FETCHING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
    "track": "src",
    "input": "src",
}
FETCHING_LINKS = {
    "stylesheet",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "manifest",
    "modulepreload",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def resources(html: str) -> list[str]:
    """Every URL an HTML page makes the browser fetch."""
    urls: list[str] = []
    for tag, a in parse_html(html).tags:
        if tag in FETCHING and a.get(FETCHING[tag]):
            urls.append(a[FETCHING[tag]] or "")
        if tag == "link" and FETCHING_LINKS & set((a.get("rel") or "").split()) and a.get("href"):
            urls.append(a["href"] or "")
        if a.get("srcset"):
            urls += [part.split()[0] for part in (a["srcset"] or "").split(",") if part.strip()]
        if a.get("style"):
            urls += [m.group(1) or m.group(2) for m in CSS_URL.finditer(a["style"] or "")]
    return urls


def foreign(url: str) -> bool:
    url = url.strip()
    return not url.startswith(LOCAL_SCHEMES) and bool(urlsplit(url).netloc or url.startswith("//"))


def test_no_built_file_loads_anything_from_another_host(site_dir: Path) -> None:
    found: list[str] = []
    for path in site_dir.rglob("*"):
        if path.suffix == ".html":
            found += [
                f"{path.relative_to(site_dir)}: {u}" for u in resources(path.read_text(encoding="utf-8")) if foreign(u)
            ]
        elif path.suffix == ".css":
            for m in CSS_URL.finditer(path.read_text(encoding="utf-8")):
                url = m.group(1) or m.group(2)
                if foreign(url):
                    found.append(f"{path.relative_to(site_dir)}: {url}")
    assert found == []
