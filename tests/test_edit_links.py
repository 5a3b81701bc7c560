"""Every page's edit button points to the YAML file of the record the page is made from, at its main field."""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from tests.conftest import ROOT
from toolbox.catalog import load_catalog
from toolbox.sitemap import record_uri

CAT = load_catalog(ROOT)
EDIT = re.compile(r'<a href="([^"]+)"[^>]*rel="edit"')
ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*['\"]?([a-z0-9-]+)")


def _edit_prefix() -> str:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])
    return str(config["edit_uri_template"]).split("{path}")[0]


def _edit_links(site_dir: Path) -> dict[str, str]:
    links = {}
    for page in site_dir.rglob("*.html"):
        found = EDIT.findall(page.read_text(encoding="utf-8"))
        assert len(found) <= 1, page
        if found:
            links[page.relative_to(site_dir).as_posix()] = html.unescape(found[0])
    return links


def test_every_edit_link_points_to_the_line_of_a_record_id(site_dir: Path) -> None:
    prefix = _edit_prefix()
    links = _edit_links(site_dir)
    assert links
    for page, href in links.items():
        assert href.startswith(prefix), (page, href)
        path, _, anchor = href[len(prefix) :].partition("#L")
        assert (ROOT / path).is_file(), (page, href)
        origin = next(o for o in CAT.origins.values() if (o.path, o.edit_line) == (path, int(anchor)))
        line = (ROOT / path).read_text(encoding="utf-8").splitlines()[origin.line - 1]
        assert ID_LINE.match(line), f"{page}: {path}:{origin.line} holds no id ({line!r})"


def test_every_record_page_has_an_edit_link_to_its_own_record(site_dir: Path) -> None:
    links = _edit_links(site_dir)
    pages = (
        [(record_uri("element", i), i) for i in CAT.elements]
        + [(record_uri("intervention", i), i) for i in CAT.interventions]
        + [(record_uri("case", i), i) for i in CAT.cases]
    )
    for uri, ident in pages:
        html_page = uri[: -len(".md")] + "/index.html"
        origin = CAT.origins[ident]
        assert links.get(html_page, "").endswith(f"/{origin.path}#L{origin.edit_line}"), html_page
        # The link opens at the field editors fix most, not at the `id:` line (issue 17).
        field = next(rt.edit_field for rt in CAT.types if ident in CAT.records[rt.name])
        text = (ROOT / origin.path).read_text(encoding="utf-8").splitlines()[origin.edit_line - 1]
        assert text.strip().startswith(f"{field}:"), (html_page, text)


def test_overview_pages_have_no_edit_link_to_a_missing_markdown_file(site_dir: Path) -> None:
    for page, href in _edit_links(site_dir).items():
        assert not href.split("#")[0].endswith(".md"), (page, href)
