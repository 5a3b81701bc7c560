"""The nh3 allowlist is what keeps record text safe; validation explains in Dutch what it would remove.

The container-nested reference definitions of issue 15 (in a quote, a list item, an admonition, with
an entity-encoded scheme) passed validation and became live `javascript:` and `http:` links in
`mkdocs serve` and non-strict builds: here they are refused by validation, and the sanitised HTML
of any generated Markdown has no link outside https: and mailto: and no element or attribute
outside the allowlist.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from tests.conftest import ROOT
from toolbox import safe_html
from toolbox.catalog import load_catalog
from toolbox.problems import ContentError

CASE = "content/cases/escaperoom-hanze.yaml"
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def set_description(repo: Path, markdown: str) -> int:
    """Replace the case's description by `markdown` as a literal block; return the key's line."""
    path = repo / CASE
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("description:"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" "))
    lines[start:end] = ["description: |", *["  " + ln if ln else "" for ln in markdown.split("\n")]]
    path.write_text("\n".join(lines), encoding="utf-8")
    return start + 1


# Link definitions inside containers, with encoded schemes: what issue 15 found live in serve.
NESTED = {
    "blockquote-javascript-entity": "Zie [klik][x].\n\n> [x]: java&#115;cript:alert(1)",
    "blockquote-javascript-hex": "Zie [klik][x].\n\n> [x]: &#x6A;avascript:alert(1)",
    "list-item-javascript": "- een [klik][r]\n\n    [r]: javascript&#58;alert(1)",
    "admonition-javascript": "!!! note\n    Zie [klik][q].\n\n    [q]: jav&Tab;ascript:alert(1)",
    "blockquote-http-entity": "Zie [hier][h].\n\n> [h]: &#104;ttp://example.org/",
    "list-item-http": "- zie [hier][h]\n\n    [h]: &#x68;ttp://example.org/",
    "admonition-http": "!!! tip\n    Zie [hier][h].\n\n    [h]: HTTP://example.org/",
    "nested-quote-in-list-data": "Tekst [a][b].\n\n- > [b]: dat&#97;:text/html,x",
}


@pytest.mark.parametrize("name", sorted(NESTED))
def test_nested_link_definitions_are_refused_at_the_field(repo: Path, name: str) -> None:
    line = set_description(repo, NESTED[name])
    with pytest.raises(ContentError) as exc:
        load_catalog(repo)
    messages = [p.message for p in exc.value.problems if (p.path, p.line) == (CASE, line)]
    assert any("description" in m and ("link" in m or "citaat" in m or "blok" in m) for m in messages), (
        exc.value.report()
    )


@pytest.mark.parametrize("name", sorted(NESTED))
def test_nested_link_definitions_never_reach_the_html(name: str) -> None:
    for html in (safe_html.block(NESTED[name]), safe_html.inline(NESTED[name])):
        assert all(safe_html.allowed_url(h) for h in hrefs(html)), html
        assert "javascript" not in html.lower() or "href" not in html


CONTENT_RULES = {
    "heading": ("# Nieuwe titel\n\nTekst.", "koppen"),
    "warning-box": ('!!! danger "Let op"\n    Verplaatst.', "blokken ('!!!')"),
    "table-of-contents": ("[TOC]\n\nTekst.", "inhoudsopgave"),
    "table": ("| a | b |\n|---|---|\n| 1 | 2 |", "tabellen"),
    "details": ("??? note\n    x", "uitklapblokken"),
    "inflation": ("[x][r] " * 600 + "\n\n[r]: https://example.org/" + "a" * 400, "veel groter"),
}


@pytest.mark.parametrize("name", sorted(CONTENT_RULES))
def test_content_that_reshapes_the_page_is_refused(repo: Path, name: str) -> None:
    text, fragment = CONTENT_RULES[name]
    line = set_description(repo, text)
    with pytest.raises(ContentError) as exc:
        load_catalog(repo)
    assert any((p.path, p.line) == (CASE, line) and fragment in p.message for p in exc.value.problems), (
        exc.value.report()
    )


def test_mailto_links_are_allowed(repo: Path) -> None:
    set_description(repo, "Mail [het team](mailto:team@example.org).")
    cat = load_catalog(repo)
    html = safe_html.block(cat.cases["escaperoom-hanze"].description)
    assert hrefs(html) == ["mailto:team@example.org"]


def test_the_renderer_uses_the_sites_markdown_extensions() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert list(config["markdown_extensions"]) == safe_html.MARKDOWN_EXTENSIONS
    assert {k: v for k, v in config["mdx_configs"].items() if v} == safe_html.MARKDOWN_CONFIGS


# --- properties ----------------------------------------------------------------------------------

SCHEMES = ["javascript:", "JaVaScRiPt:", "java&#115;cript:", "&#106;avascript:", "jav&Tab;ascript:", "java\tscript:"]
SCHEMES += ["vbscript:", "data:text/html,", "http://", "&#104;ttp://", "HTTP://", "file:///", "//evil.example/"]
SCHEMES += [
    "https://ok.example/",
    "mailto:a@example.org",
    "ftp://x/",
    "#frag",
    "../rel",
    " javascript:",
    "\x01javascript:",
]
PIECES = st.sampled_from(
    [
        "tekst ",
        "\n\n",
        "\n",
        "> ",
        "- ",
        "1. ",
        "    ",
        "!!! note\n    ",
        "??? tip\n    ",
        "[a]",
        "[a][r]",
        "[r]",
        "![i]",
        "](",
        ")",
        "<",
        ">",
        "*",
        "**",
        "_",
        "`",
        "{: onclick=x }",
        "{: .c #i }",
        "<a href='",
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "&#58;",
        "&colon;",
        '"',
        "'",
        "[TOC]",
        "# ",
        "\t",
    ]
)
LINKS = st.builds(
    lambda t, s, r: f"[{t}]({s}{r})", st.sampled_from(["x", ""]), st.sampled_from(SCHEMES), st.text(max_size=5)
)
DEFINITIONS = st.builds(
    lambda p, s: f"\n\n{p}[r]: {s}alert(1)\n",
    st.sampled_from(["", "> ", "- ", "    ", "> - ", "!!! x\n    "]),
    st.sampled_from(SCHEMES),
)
AUTOLINKS = st.builds(lambda s: f"<{s}x>", st.sampled_from(SCHEMES))
MARKDOWN = st.lists(st.one_of(PIECES, LINKS, DEFINITIONS, AUTOLINKS, st.text(max_size=4)), max_size=25).map("".join)


class Tags(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def hrefs(html: str) -> list[str]:
    return [v or "" for _, attrs in Tags(html).tags for k, v in attrs if k == "href"]


@pytest.mark.slow  # a property test over generated Markdown
@given(MARKDOWN)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_sanitised_html_of_any_markdown_has_only_allowed_schemes_elements_and_attributes(text: str) -> None:
    for html, allowed in (
        (safe_html.block(text), safe_html.ARTICLE_TAGS),  # publishing allows the report's quotes and tables
        (safe_html.inline(text), safe_html.INLINE_TAGS),
    ):
        for tag, attrs in Tags(html).tags:
            assert tag in allowed | {"p"}, (tag, text)
            for name, value in attrs:
                assert name in safe_html.ATTRIBUTES.get(tag, set()) | {"rel", "class"}, (tag, name, text)
                if name == "href":
                    # What a browser follows: entities decoded by the parser, tabs and newlines dropped.
                    url = re.sub(r"[\t\n\r]", "", value or "").strip()
                    assert url.lower().startswith(("https://", "mailto:")), (url, text)
                    assert not SCHEME.match(url) or url.lower().startswith(("https:", "mailto:")), (url, text)


@pytest.mark.slow  # a property test over generated Markdown
@given(MARKDOWN)
@settings(max_examples=300, deadline=None)
def test_text_that_validation_accepts_loses_nothing_in_the_sanitiser(text: str) -> None:
    from toolbox import markup

    clean = text.strip()
    if not clean or markup.character_problems(clean) or markup.problems_in(clean) or markup.complexity_problems(clean):
        return
    if safe_html.html_problems(clean):
        return
    rendered = Tags(safe_html.render_markdown(clean)).tags
    kept = Tags(safe_html.sanitised(clean)).tags
    assert [t for t, _ in rendered] == [t for t, _ in kept], clean


@given(st.text(alphabet=st.sampled_from(list("ab éC.,;:'\"()-+=?/0123456789\n \u00a0")), max_size=60), st.booleans())
@settings(max_examples=500, deadline=None)
def test_the_plain_text_shortcut_renders_like_markdown(text: str, inline: bool) -> None:
    if inline:
        text = " ".join(text.split())
    if not text or safe_html._NOT_PLAIN.search(text):
        return
    md = safe_html._markdown(inline)
    assert safe_html.render_markdown.__wrapped__(text, inline) == md.convert(text)


def test_lead_paragraph_class_never_shows_as_text(repo: Path) -> None:
    from tests.test_payloads import to_html
    from toolbox.render import render_site
    from toolbox.sitemap import record_uri

    path = repo / CASE
    text = path.read_text(encoding="utf-8")
    summary = json.dumps("Twee punten:\n\n- samenwerken\n- ontdekken", ensure_ascii=False)
    path.write_text(re.sub(r"(?m)^summary: .*$", lambda _: f"summary: {summary}", text), encoding="utf-8")
    html = to_html(render_site(load_catalog(repo))[record_uri("case", "escaperoom-hanze")].text)
    assert "tb-lead }" not in html and "{:" not in html
    assert '<p class="tb-lead">Twee punten:</p>' in html
