"""The built site: every page type exists, every internal link and anchor resolves."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.html import internal_links, links_with_subpages, parse, resolve
from toolbox.catalog import Catalog, load_catalog


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(ROOT)


def test_every_page_of_the_page_map_is_built(site_dir: Path, cat: Catalog) -> None:
    expected = ["", "elementen/", "aanpakken/", "casussen/", "roadmap/", "communicatie/", "over/", "online-onderwijs/"]
    expected += [f"elementen/{e}/" for e in cat.elements]
    expected += [f"aanpakken/{i}/" for i in cat.interventions]
    expected += [f"casussen/{c}/" for c in cat.cases]
    missing = [url for url in expected if not (site_dir / url / "index.html").is_file()]
    assert not missing


def test_html_is_dutch(site_dir: Path) -> None:
    assert '<html lang="nl"' in (site_dir / "index.html").read_text(encoding="utf-8")


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    broken = []
    ids_cache: dict[Path, set[str]] = {}
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 80
    for html in pages:
        for written, url, fragment in internal_links(site_dir, html):
            target = resolve(site_dir, url)
            if target is None:
                broken.append(f"{html.relative_to(site_dir)}: {written}")
                continue
            if fragment and target.suffix == ".html":
                ids = ids_cache.setdefault(target, parse(target).ids)
                if fragment not in ids:
                    broken.append(f"{html.relative_to(site_dir)}: {written} (anker ontbreekt)")
    assert not broken, "\n".join(broken[:30])


def _links_from(site_dir: Path, page: str) -> set[str]:
    html = site_dir / page / "index.html"
    return {url for _, url, _ in internal_links(site_dir, html)}


def test_element_pages_link_to_their_interventions_cases_and_related(site_dir: Path, cat: Catalog) -> None:
    for el in cat.elements.values():
        # A long list continues on the element's list pages (elementen/<id>/aanpakken/, ...).
        links = links_with_subpages(site_dir, f"elementen/{el.id}")
        for iv in cat.related(el.id, "interventions"):
            assert f"/aanpakken/{iv}/" in links, (el.id, iv)
        for case in cat.related(el.id, "cases"):
            assert f"/casussen/{case}/" in links, (el.id, case)
        for rel in cat.related(el.id, "related"):
            assert f"/elementen/{rel}/" in links, (el.id, rel)


def test_intervention_pages_link_to_elements_case_and_sub_examples(site_dir: Path, cat: Catalog) -> None:
    for iv in cat.interventions.values():
        page = site_dir / "aanpakken" / iv.id / "index.html"
        links = _links_from(site_dir, f"aanpakken/{iv.id}")
        text = page.read_text(encoding="utf-8")
        for e in iv.elements:
            assert f"/elementen/{e}/" in links
        if iv.case:
            assert f"/casussen/{iv.case}/" in links
        for child in cat.related(iv.id, "children"):
            assert f"/aanpakken/{child}/" in links
        for sector in iv.sectors:
            assert sector in text


def test_case_pages_link_to_elements_and_interventions(site_dir: Path, cat: Catalog) -> None:
    for case in cat.cases.values():
        links = _links_from(site_dir, f"casussen/{case.id}")
        for e in case.elements:
            assert f"/elementen/{e}/" in links
        for iv in cat.related(case.id, "interventions"):
            assert f"/aanpakken/{iv}/" in links


def test_site_loads_nothing_from_other_hosts(site_dir: Path) -> None:
    offenders = []
    for html in site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for marker in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com", "googletagmanager"):
            if marker in text:
                offenders.append(f"{html.relative_to(site_dir)}: {marker}")
    assert not offenders


def test_navigation_stays_small(site_dir: Path, cat: Catalog) -> None:
    """Record pages are reached through overview pages; they are not all in every page's menu."""
    html = (site_dir / "elementen" / next(iter(cat.elements)) / "index.html").read_text(encoding="utf-8")
    nav_links = html.count('class="md-nav__link')
    assert nav_links < 40, nav_links
