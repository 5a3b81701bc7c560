"""Valid HTML: the W3C Nu HTML Checker finds no error on any page, Material's markup included."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import nu_checker
from tests.support.page_types import ALL_TYPES, html_file, representative_pages
from toolbox import html_fixes


@pytest.fixture(scope="module")
def checker() -> None:
    problem = nu_checker.available()
    if problem:
        pytest.fail(f"the Nu HTML Checker cannot run: {problem}; scripts/test.sh installs it")


def test_every_page_is_valid(checker: None, published_site_dir: Path, site_dir: Path) -> None:
    """Every page of the published build, and one page per type of the build without site_url
    (the two differ only in the tags that need an absolute address)."""
    typed = representative_pages(site_dir, ALL_TYPES)
    assert len(typed) == len(ALL_TYPES)
    files = sorted(published_site_dir.rglob("*.html")) + [html_file(site_dir, p) for p in typed.values()]
    assert len(files) > 100
    errors = nu_checker.errors(files)
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(map(str, errors[:40]))


def test_the_checker_reports_what_the_site_used_to_have(checker: None, tmp_path: Path) -> None:
    """The markup fixed for issue 16, in a page of its own: the checker must flag each of them."""
    page = tmp_path / "oud.html"
    page.write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head><body>'
        + "".join(old for old, _ in html_fixes.REPLACEMENTS)
        + '<form><input id="zoek" type="search" role="combobox" aria-autocomplete="list" aria-expanded="false"'
        + ' name="q" aria-controls="paneel"><div id="paneel" hidden></div></form>'
        + '<label for="__toc">Inhoud</label></body></html>',
        encoding="utf-8",
    )
    errors = nu_checker.errors([page])
    assert sum("autocomplete" in e.text for e in errors) == len(html_fixes.REPLACEMENTS)
    assert any('id="zoek"' in e.extract for e in errors)  # the header search as it was
    assert any('for="__toc"' in e.extract for e in errors)


def test_material_still_writes_the_markup_that_is_fixed() -> None:
    """If a Material upgrade changes its toggles, the fix no longer applies: look again then."""
    import material

    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    for old, new in html_fixes.REPLACEMENTS:
        assert old in base
        assert html_fixes.fix_material_markup(f"<body>{old}</body>") == f"<body>{new}</body>"
