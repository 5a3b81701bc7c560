"""The compare page's data (toolbox/browser_data.py CompareData) against the catalog."""

from __future__ import annotations

from tests.conftest import ROOT
from toolbox import browser_data
from toolbox import models as m
from toolbox.catalog import load_catalog
from toolbox.render import render_site
from toolbox.safe_html import plain
from toolbox.sitemap import Links, P, record_uri

CAT = load_catalog(ROOT)
PAGES = render_site(CAT)


def test_compare_data_holds_every_intervention_as_the_catalog_says() -> None:
    data = browser_data.CompareData.model_validate_json(PAGES[P.compare_data].text)
    assert [it.id for it in data.items] == list(CAT.interventions)
    links = Links(P.compare)
    for it in data.items:
        iv = CAT.interventions[it.id]
        assert it.url == links.href(record_uri("intervention", iv.id))
        assert it.title == plain(iv.title)
        assert it.sectors == iv.sectors
        assert [e.url for e in it.elements] == [links.href(record_uri("element", e)) for e in iv.elements]
        assert it.rings == [m.RINGS[r] for r in CAT.rings_of(iv)]
        assert it.themes == [m.THEMES[t] for t in CAT.themes_of(iv)]
        assert (it.case.url if it.case else None) == (links.href(record_uri("case", iv.case)) if iv.case else None)
        # Every word of the description, in order, and no markup.
        assert " ".join(it.description).split() == plain(iv.description, urls=True).split()
        assert not any("<" in p for p in it.description)
        for s in iv.sources:
            assert f"{plain(CAT.documents[s.document].title)}, {plain(s.section)}" in it.sources
        assert not any("regel" in s for s in it.sources), "line numbers are for editors"


def test_compare_page_reads_the_data_file_and_links_the_finder() -> None:
    text = PAGES[P.compare].text
    links = Links(P.compare)
    assert f'data-items="{links.file_href(P.compare_data)}"' in text
    assert f'data-finder="{links.href(P.finder)}"' in text
    finder = PAGES[P.finder].text
    assert f'href="{Links(P.finder).href(P.compare)}"' in finder
