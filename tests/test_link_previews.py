"""Link previews: Open Graph and Twitter tags on every page type, as chat clients read them."""

from __future__ import annotations

import html
import struct
from pathlib import Path

import pytest

from tests.conftest import PUBLISHED_URL, ROOT
from tests.support.page_head import PageHead, read
from tests.support.page_types import ALL_TYPES, html_file, page_of, representative_pages
from toolbox import link_preview, markup, safe_html
from toolbox.catalog import Catalog, load_catalog
from toolbox.page_context import plain

SITE_NAME = "Samen Sterker toolbox"
# Every page a visitor can share; the not-found page has no address of its own.
SHARED_TYPES = tuple(t for t in ALL_TYPES if t != "not found")


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(ROOT)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def site_path(site: Path, file: Path) -> str:
    rel = file.relative_to(site).as_posix()
    return rel.removesuffix("index.html")


def record_summary(cat: Catalog, path: str) -> str | None:
    """The text a record page must use as its description: the record's own summary."""
    kind, _, ident = path.strip("/").partition("/")
    if kind == "elementen" and ident in cat.elements:
        return cat.elements[ident].summary
    if kind == "casussen" and ident in cat.cases:
        return cat.cases[ident].summary
    if kind == "aanpakken" and ident in cat.interventions:
        return markup.first_sentence(cat.interventions[ident].description)
    return None


def common_tags(head: PageHead) -> None:
    """What every shared page carries, with or without a site address."""
    assert head.lang == "nl"
    assert head.one("og:site_name") == SITE_NAME
    assert head.one("og:locale") == "nl_NL"
    title, description = head.one("og:title"), head.one("og:description")
    assert title and description
    assert head.title in (title, f"{title} - {SITE_NAME}")
    assert description == head.one("description")
    assert head.one("og:type") in ("website", "article")
    assert head.one("twitter:title") == title
    assert head.one("twitter:description") == description


@pytest.mark.parametrize("page_type", SHARED_TYPES)
def test_published_page_has_a_complete_preview(published_site_dir: Path, cat: Catalog, page_type: str) -> None:
    file = page_of(published_site_dir, page_type)
    head = read(file)
    common_tags(head)
    url = PUBLISHED_URL + site_path(published_site_dir, file)
    assert head.one("og:url") == url == head.canonical
    image = head.one("og:image")
    assert image == PUBLISHED_URL + link_preview.IMAGE
    assert head.one("twitter:image") == image
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("og:image:alt") and head.one("twitter:image:alt") == head.one("og:image:alt")
    # The image is served by the site itself, and its declared size is its real size.
    local = published_site_dir / image.removeprefix(PUBLISHED_URL)
    width, height = png_size(local)
    assert (head.one("og:image:width"), head.one("og:image:height")) == (str(width), str(height))
    assert head.one("og:image:type") == "image/png"
    assert width / height == pytest.approx(1.91, abs=0.01)


@pytest.mark.parametrize("page_type", ["element", "intervention", "case"])
def test_a_record_preview_shows_the_record_summary(published_site_dir: Path, cat: Catalog, page_type: str) -> None:
    path = representative_pages(published_site_dir, (page_type,))[page_type]
    head = read(html_file(published_site_dir, path))
    summary = record_summary(cat, path)
    assert summary is not None
    assert head.one("og:description") == plain(summary)
    assert head.one("og:type") == "article"


def test_descriptions_are_not_boilerplate(published_site_dir: Path) -> None:
    """Only the home page may use the site's description: every other page says what it is about."""
    pages = representative_pages(published_site_dir, SHARED_TYPES)
    home = read(html_file(published_site_dir, pages["home"])).one("og:description")
    others = {t: read(html_file(published_site_dir, p)).one("og:description") for t, p in pages.items()}
    del others["home"]
    assert home not in others.values()
    assert len(set(others.values())) == len(others)


@pytest.mark.parametrize("page_type", SHARED_TYPES)
def test_without_site_url_the_absolute_tags_are_left_out(site_dir: Path, page_type: str) -> None:
    head = read(page_of(site_dir, page_type))
    common_tags(head)
    for key in ("og:url", "og:image", "twitter:image", "og:image:width"):
        assert head.one(key) is None, key
    assert head.canonical is None
    assert head.one("twitter:card") == "summary"


def test_without_site_url_the_build_says_what_it_left_out(site_dir: Path, published_site_dir: Path) -> None:
    log = (site_dir.parent / "mkdocs.log").read_text(encoding="utf-8")
    lines = [line for line in log.splitlines() if "Geen site_url ingesteld" in line]
    assert len(lines) == 1
    assert lines[0].startswith("INFO")  # not a warning: `mkdocs build --strict` still succeeds
    for part in ("canonieke URL's", "og:url", "og:image", "twitter:image", "sitemap.xml", "robots.txt"):
        assert part in lines[0]
    published = (published_site_dir.parent / "mkdocs.log").read_text(encoding="utf-8")
    assert "site_url" not in published


def test_tags_escape_quotes_and_markup() -> None:
    tags = link_preview.tags(
        site_name="S",
        title='Een "titel" <b>',
        description="a & b",
        url=None,
        image_url=None,
        image_alt="",
        article=False,
    )
    html = link_preview.html_tags(tags)
    assert 'content="Een &quot;titel&quot; &lt;b&gt;"' in html
    assert 'content="a &amp; b"' in html
    assert "<b>" not in html


def test_plain_text_of_markdown() -> None:
    # The front matter holds the record's plain text (safe_html.plain), HTML-escaped for the theme.
    markdown = "Zie [het rapport](https://example.org/x) en **vooral** *dit*: 3 \\* 4 < 5 & 'zo'."
    escaped = html.escape(safe_html.plain(markdown))
    assert plain(escaped) == "Zie het rapport en vooral dit: 3 * 4 < 5 & 'zo'."
