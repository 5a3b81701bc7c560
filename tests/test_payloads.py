"""Hostile content: validation rejects script payloads, and rendering stays inert without validation.

Content arrives through pull requests, so a record may be written by an attacker. Two layers are
tested: validation rejects every payload with a Dutch message, and when validation is bypassed
(a record built without validation and rendered by `toolbox.render`), the page in Chromium runs
no script: a flag the payloads would set stays unset and no dialog opens.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils import meta

from tests.conftest import ROOT, run_toolbox
from tests.support.html import parse_html
from toolbox.catalog import load_catalog
from toolbox.problems import ContentError
from toolbox.render import render_site
from toolbox.sitemap import record_uri

CASE = "content/cases/escaperoom-hanze.yaml"
CASE_ID = "escaperoom-hanze"
FLAG = "window.__pwned"
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)

# name -> (payload, a fragment of the Dutch reason validation must give)
PAYLOADS: dict[str, tuple[str, str]] = {
    "script-tag": (f"<script>{FLAG}='script'</script>", "ruwe HTML"),
    "script-tag-spaced": (f"< script >{FLAG}='script2'</script>", "ruwe HTML"),
    "img-onerror": (f"<img src=x onerror=\"{FLAG}='img'\">", "ruwe HTML"),
    "svg-onload": (f"<svg onload=\"{FLAG}='svg'\"></svg>", "ruwe HTML"),
    "iframe": (f"<iframe src=\"javascript:{FLAG}='iframe'\"></iframe>", "ruwe HTML"),
    "md-in-html": (f'<div markdown="1" onmouseover="{FLAG}=1">*x*</div>', "ruwe HTML"),
    "html-comment": ("<!-- --><script>alert(1)</script>", "ruwe HTML"),
    "autolink-javascript": (f"<javascript:{FLAG}='autolink'>", "ruwe HTML"),
    "javascript-link": (f"[klik](javascript:{FLAG}='link')", "'javascript:'-links"),
    "javascript-link-mixed-case": (f"[klik](JaVaScRiPt:{FLAG}='link')", "'javascript:'-links"),
    "javascript-link-entity": (f"[klik](java&#115;cript:{FLAG}='entity')", "moet met https:// beginnen"),
    "javascript-link-tab": ("[klik](java\tscript:alert(1))", "moet met https:// beginnen"),
    "javascript-reference-link": (f"[klik][r]\n\n[r]: javascript:{FLAG}='ref'", "'javascript:'-links"),
    "vbscript-link": ("[klik](vbscript:msgbox(1))", "'vbscript:'-links"),
    "data-url": ("[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "'data:'-links"),
    "attr-list-onclick": (f"Tekst{{: onclick=\"{FLAG}='attr'\" }}", "attributen tussen accolades"),
    "attr-list-without-colon": (f"*x*{{ onmouseover=\"{FLAG}='attr2'\" }}", "attributen tussen accolades"),
    "attr-list-on-link": (f"[x](https://example.org){{: onclick=\"{FLAG}='attr3'\" }}", "attributen tussen accolades"),
    "image-with-onerror": (f"![x](https://example.org/x.png){{: onerror=\"{FLAG}='img2'\" }}", "afbeeldingen"),
    "tracking-image": ("![](https://tracker.example/pixel.png)", "afbeeldingen"),
    "http-link": ("[site](http://example.org)", "http://"),
    "protocol-relative-link": ("[site](//example.org/pad)", "moet met https:// beginnen"),
    "relative-link": ("[pagina](../over/)", "moet met https:// beginnen"),
}


def set_description(repo: Path, text: str) -> int:
    """Replace the case's description by `text` (as a quoted scalar); return its line."""
    path = repo / CASE
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("description:"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" "))
    lines[start:end] = ["description: " + json.dumps(text, ensure_ascii=False)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return start + 1


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_validation_rejects_the_payload_in_dutch(repo: Path, name: str) -> None:
    payload, reason = PAYLOADS[name]
    line = set_description(repo, f"Gewone tekst. {payload} Meer tekst.")
    with pytest.raises(ContentError) as exc:
        load_catalog(repo)
    messages = [p.message for p in exc.value.problems if (p.path, p.line) == (CASE, line)]
    assert any("description" in m and reason in m for m in messages), exc.value.report()


HOSTILE_FIELDS = {
    "title": "Escaperoom <script>alert(1)</script>",
    "institution": "Hanze <img src=x onerror=alert(1)>",
    "summary": "Samenvatting [klik](javascript:alert(1))",
    "target_group": "Studenten{: onclick=alert(1) }",
    "goal": "Doel ![](https://tracker.example/p.png)",
    "time_needed": "Een dagdeel, zie [hier](http://example.org)",
}


def test_a_record_full_of_payloads_is_rejected_field_by_field(repo: Path) -> None:
    path = repo / CASE
    text = path.read_text(encoding="utf-8")
    for field, value in HOSTILE_FIELDS.items():
        entry = f"{field}: {json.dumps(value, ensure_ascii=False)}"
        text, n = re.subn(rf"(?m)^{field}: .*$", entry.replace("\\", "\\\\"), text)
        if not n:
            text = text.replace("\nsources:", f"\n{entry}\nsources:", 1)
    path.write_text(text, encoding="utf-8")
    set_description(repo, "\n\n".join(p for p, _ in PAYLOADS.values()))
    result = run_toolbox(repo, "validate")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    final = path.read_text(encoding="utf-8").split("\n")
    for field in [*HOSTILE_FIELDS, "description"]:
        at = next(i for i, ln in enumerate(final, 1) if ln.startswith(f"{field}:"))
        assert re.search(rf"^{re.escape(CASE)}:{at}:\d+: casus '{CASE_ID}': {field}: ", result.stderr, re.M), (
            field,
            result.stderr,
        )


# --- validation bypassed: the renderer and the browser are the last line of defence -----------------


def hostile_markdown() -> str:
    """The case page as `toolbox.render` makes it from a record that was never validated."""
    cat = load_catalog(ROOT)
    everything = "\n\n".join(p for p, _ in PAYLOADS.values())
    update: dict[str, Any] = {
        "title": "Escaperoom " + PAYLOADS["script-tag"][0],
        "institution": PAYLOADS["img-onerror"][0],
        "summary": "Samenvatting. " + PAYLOADS["javascript-link"][0],
        "description": everything,
        "target_group": PAYLOADS["attr-list-onclick"][0],
        "goal": PAYLOADS["javascript-link-entity"][0],
        "time_needed": PAYLOADS["svg-onload"][0],
        "tips": [p for p, _ in PAYLOADS.values() if "\n" not in p],
    }
    cat.cases[CASE_ID] = cat.cases[CASE_ID].model_copy(update=update)  # model_copy does not validate
    return render_site(cat)[record_uri("case", CASE_ID)].text


def to_html(text: str) -> str:
    """Markdown -> HTML with exactly the extensions and settings of mkdocs.yml."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    body, _ = meta.get_data(text)
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]).convert(
        body
    )


def test_rendered_payloads_keep_no_live_markup() -> None:
    # Every real tag and attribute (text that merely looks like HTML is not one).
    tags = parse_html(to_html(hostile_markdown())).tags
    assert {t for t, _ in tags} <= {"h1", "h2", "p", "a", "ul", "ol", "li", "strong", "em", "code", "div", "span"}, tags
    for tag, attrs in tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action", "formaction") and value:
                # What the browser will follow: entities decoded, tabs and newlines dropped.
                url = re.sub(r"[\t\n\r]", "", value).strip()
                assert url.lower().startswith("https://") or not SCHEME.match(url), (tag, value)


def test_bypassed_validation_runs_no_script_in_the_browser(page: Any, site_dir: Path, site_url: str) -> None:
    real = (site_dir / "casussen" / CASE_ID / "index.html").read_text(encoding="utf-8")
    start = real.index(">", real.index("<article")) + 1
    end = real.index("</article>")
    hostile = real[:start] + to_html(hostile_markdown()) + real[end:]
    url = f"{site_url}/casussen/{CASE_ID}/"
    page.route(url, lambda route: route.fulfill(status=200, body=hostile, content_type="text/html; charset=utf-8"))
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    # The sanitiser keeps the harmless text (a link without an allowed address becomes its text).
    text = page.locator("article").inner_text()
    assert "Samenvatting. klik" in text and "Escaperoom" in text, text
    # Fire every event an inline handler could listen to, on every element except links.
    page.evaluate(
        """() => {
        for (const el of document.querySelectorAll('article *')) {
          if (el.closest('a')) continue;
          for (const type of ['click', 'mouseover', 'focus', 'error', 'load']) el.dispatchEvent(new Event(type));
        }
      }"""
    )
    # Inline handlers run synchronously on dispatch; let queued tasks and two frames run as well.
    page.evaluate("() => new Promise(r => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 0))")
    assert page.evaluate(f"typeof {FLAG}") == "undefined"
    assert dialogs == []
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(a => a.href)")
    assert hrefs and all(h.startswith(("https://", site_url)) for h in hrefs), hrefs
    handlers = page.evaluate(
        "() => [...document.querySelectorAll('article *')].flatMap(el => [...el.attributes]"
        ".filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))"
    )
    assert handlers == []


# --- page scripts never turn record text into markup --------------------------------------------

SCRIPTS = sorted((ROOT / "static" / "assets").rglob("*.js"))
HTML_SINKS = re.compile(
    r"\.(innerHTML|outerHTML)\s*\+?=|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\b"
)
EMPTYING = re.compile(r"\.innerHTML\s*=\s*(\"\"|'')")  # clearing an element is harmless


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_page_scripts_use_no_html_sinks(script: Path) -> None:
    code = EMPTYING.sub("", script.read_text(encoding="utf-8"))
    found = [f"{script.name}:{code.count(chr(10), 0, m.start()) + 1}: {m.group(0)}" for m in HTML_SINKS.finditer(code)]
    assert found == [], "build DOM nodes with textContent instead"


def test_there_are_page_scripts_to_check() -> None:
    assert {"finder.js", "plan.js"} <= {p.name for p in SCRIPTS}
