"""The record footer (the contract between helpers, docs/design.md): date, improve link, editors' view."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_mkdocs
from tests.support.repo import copy_repository
from toolbox.catalog import load_catalog

CAT = load_catalog(ROOT)
IV = next(iter(CAT.interventions))
FOOTER = re.compile(r'<footer class="tb-record-footer".*?</footer>', re.S)

# A stand-in for the history and editors helpers: sets the two page-meta keys the footer reads.
META_HOOK = f"""
def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "aanpakken/{IV}.md":
        page.meta["tb_updated"] = "2025-11-02"
        page.meta["tb_improve_url"] = "bijdragen/?record=aanpak/{IV}"
    return markdown
"""


def _footer(site: Path, path: str) -> str:
    found = FOOTER.findall((site / path / "index.html").read_text(encoding="utf-8"))
    assert len(found) == 1, path
    return found[0]


def test_every_record_page_ends_with_the_footer_and_its_editors_view(site_dir: Path) -> None:
    for kind, records in (("elementen", CAT.elements), ("aanpakken", CAT.interventions), ("casussen", CAT.cases)):
        for ident in records:
            footer = _footer(site_dir, f"{kind}/{ident}")
            origin = CAT.origins[ident]
            word = {"elementen": "element", "aanpakken": "aanpak", "casussen": "casus"}[kind]
            form = f'<a class="tb-improve" href="../../bijdragen/?wijzig={word}/{ident}">Verbeter deze pagina</a>'
            assert form in footer  # the record's own correction form (editors), from this page's folder
            assert f"<code>{origin.path}</code>, regel {origin.line}." in footer
            edit = re.search(r'<a href="([^"]+)" rel="edit">', footer)
            # the edit link opens at the record's main field (editors)
            assert edit and html.unescape(edit.group(1)).endswith(f"{origin.path}#L{origin.edit_line}")
            # history dates every record page; its JSON file (editors) sits beside the date
            assert re.search(r'Laatst gewijzigd: <time datetime="\d{4}-\d\d-\d\d">', footer)
            assert f'<a href="../../data/{kind}/{ident}.json" type="application/json">Data (JSON)</a>' in footer


@pytest.mark.slow
def test_footer_shows_the_date_and_the_improve_link_from_page_meta(tmp_path: Path) -> None:
    repo = copy_repository(tmp_path / "repo")
    (repo / "hooks" / "meta_for_test.py").write_text(META_HOOK, encoding="utf-8")
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - hooks/toolbox_hook.py\n", "  - hooks/toolbox_hook.py\n  - hooks/meta_for_test.py\n")
    (repo / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_mkdocs(repo, "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr[-2000:]
    footer = _footer(tmp_path / "site", f"aanpakken/{IV}")
    assert 'Laatst gewijzigd: <time datetime="2025-11-02">2 november 2025</time>' in footer
    assert f'<a class="tb-improve" href="../../bijdragen/?record=aanpak/{IV}">Verbeter deze pagina</a>' in footer
    assert '<a href="#tb-redactie">gegevens voor redacteuren</a>' in footer
    other = _footer(tmp_path / "site", f"aanpakken/{list(CAT.interventions)[1]}")  # its own meta
    other_id = list(CAT.interventions)[1]
    assert "2025-11-02" not in other and f'href="../../bijdragen/?wijzig=aanpak/{other_id}">Verbeter' in other
