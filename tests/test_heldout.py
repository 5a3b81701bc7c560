"""Run the held-out hostile inputs of tests/heldout_cases.py and score them (only with HELDOUT=1).

A case is handled when its outcome matches the spec (a Dutch message at the right file and line, or
acceptance) and nothing bad happened: no traceback, no raw control character in the output, no
quoted secret, no hang, no command run by content, no incomplete site. The scores are written to
`heldout-results.json` in the pytest temporary directory and summarised on stdout.
"""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests import heldout_cases as H
from tests.conftest import copy_repository
from tests.support.site_build import start_builds

pytestmark = pytest.mark.skipif(os.environ.get("HELDOUT") != "1", reason="held-out set: run once with HELDOUT=1")

ENGLISH = re.compile(
    r"Traceback|Input should|Field required|Extra inputs|value is not|expected <|while parsing|"
    r"could not|found character|Error:|Exception|is not found|contains a link|Aborted with",
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "form", "style", "svg", "math", "base", "meta", "link"}
RESULTS: dict[str, dict[str, Any]] = {}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _run(args: list[str], repo: Path, timeout: float, preexec: Any = None) -> tuple[int | None, str, float]:
    """Exit code, output and the child's CPU seconds (the machine is shared: wall time measures the
    neighbours; the timeout still catches a hang)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        result = subprocess.run(
            args, cwd=repo, capture_output=True, text=True, timeout=timeout, env=ENV, preexec_fn=preexec
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return result.returncode, result.stdout + result.stderr, cpu
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        return None, out, float(timeout)


def validate(repo: Path, timeout: float) -> tuple[int | None, str, float]:
    return _run([sys.executable, "-m", "toolbox", "--root", str(repo), "validate"], repo, timeout)


def build(repo: Path, strict: bool = True, preexec: Any = None) -> tuple[int | None, str, float]:
    args = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])]
    return _run(args, repo, 600, preexec)


def site_state(repo: Path) -> str | None:
    """None when site/ is absent or complete; a reason when it is a partial site."""
    site = repo / "site"
    if not site.exists():
        return None
    needed = ["index.html", "casussen/index.html", "elementen/index.html", "pagefind/pagefind-entry.json"]
    missing = [n for n in needed if not (site / n).is_file()]
    return f"incomplete site/: missing {missing}" if missing else None


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def located(output: str, spec: H.Spec) -> bool:
    pattern = re.compile(rf"^{re.escape(spec.path or '')}:{spec.line}:\d+: (.+)$", re.MULTILINE)
    return any(msg.strip() for msg in pattern.findall(output))


def bypass_render_problem(field: str, text: str) -> str | None:
    """Render the case with `text` in `field` without validation; return why the HTML is unsafe, or None."""
    from html.parser import HTMLParser

    import markdown
    from mkdocs.config import load_config
    from mkdocs.utils import meta

    from tests.conftest import ROOT
    from toolbox.catalog import load_catalog
    from toolbox.render import render_site
    from toolbox.sitemap import record_uri

    cat = load_catalog(ROOT)
    cid = "escaperoom-hanze"
    cat.cases[cid] = cat.cases[cid].model_copy(update={field: text})
    page = render_site(cat)[record_uri("case", cid)].text
    config = load_config(str(ROOT / "mkdocs.yml"))
    body, _ = meta.get_data(page)
    html = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]).convert(
        body
    )
    bad: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in DANGEROUS_TAGS:
                bad.append(f"<{tag}>")
            for name, value in attrs:
                if name.startswith("on"):
                    bad.append(f"{tag} {name}")
                if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                    url = re.sub(r"[\t\n\r]", "", value).strip().lower()
                    if re.match(r"^[a-z][a-z0-9+.-]*:", url) and not url.startswith(("https://", "mailto:")):
                        bad.append(f"{tag} {name}={value!r}")

    Tags(convert_charrefs=True).feed(html)
    return "; ".join(bad) or None


def run_command(repo: Path, spec: H.Spec) -> tuple[int | None, str, float, list[str]]:
    """Run what the spec asks; return (exit code, output, seconds, problems seen by the runner)."""
    problems: list[str] = []
    if spec.command == "validate":
        code, out, secs = validate(repo, timeout=max(30.0, spec.limit * 10))
        if code is None or secs > spec.limit:
            problems.append(f"took {secs:.1f} CPU s (limit {spec.limit} s)")
        return code, out, secs, problems
    if spec.command in ("build", "build-strict"):
        code, out, secs = build(repo, strict=spec.command == "build-strict")
        if code is None:
            problems.append("build hung")
        if reason := site_state(repo):
            problems.append(reason)
        return code, out, secs, problems
    if spec.command == "concurrent-builds":
        first, _, _ = build(repo)
        assert first == 0
        procs = start_builds(repo)
        outs, codes = [], []
        for p in procs:
            try:
                o, _ = p.communicate(timeout=600)
            except subprocess.TimeoutExpired:
                p.kill()
                o, _ = p.communicate()
                problems.append("a concurrent build hung")
            outs.append(o)
            codes.append(p.returncode)
        if reason := site_state(repo):
            problems.append(reason)
        if not (repo / "site").is_dir():
            problems.append("site/ disappeared")
        bad = [c for c in codes if c != 0]
        if bad and not all(ENGLISH.search(o) is None for o in outs):
            problems.append(f"exit codes {codes} with English output")
        return (0 if not bad else 1), "\n".join(outs), 0.0, problems
    if spec.command == "build-read-only":
        first, _, _ = build(repo)
        assert first == 0
        before = snapshot(repo / "site")
        subprocess.run(["chattr", "-R", "+i", str(repo / "site")], check=True)
        try:
            code, out, secs = build(repo)
        finally:
            subprocess.run(["chattr", "-R", "-i", str(repo / "site")], check=False)
        if snapshot(repo / "site") != before and (code != 0 or site_state(repo)):
            problems.append("the previous site changed although the build failed")
        return code, out, secs, problems
    if spec.command == "build-file-size-limit":
        first, _, _ = build(repo)
        assert first == 0
        before = snapshot(repo / "site")

        def limit() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

        code, out, secs = build(repo, preexec=limit)
        if code != 0 and snapshot(repo / "site") != before:
            problems.append("the previous site changed although the build failed")
        if code == 0 and site_state(repo):
            problems.append("incomplete site after success")
        return code, out, secs, problems
    raise AssertionError(spec.command)


def score(name: str, spec: H.Spec, repo: Path, code: int | None, out: str, problems: list[str]) -> dict[str, Any]:
    if code not in (0, 1):
        problems.append(f"exit code {code}")
    if "Traceback" in out:
        problems.append("traceback")
    if m := CONTROL.search(out):
        problems.append(f"raw control character U+{ord(m.group(0)):04X} in the output")
    if spec.secret and spec.secret in out:
        problems.append("secret disclosed")
    if (repo / "EXECUTED").exists():
        problems.append("command executed")
    if spec.check and (reason := spec.check(repo, out)):
        problems.append(reason)
    if spec.xss_field and (reason := bypass_render_problem(*spec.xss_field)):
        problems.append(f"unsafe HTML without validation: {reason}")
    at_place = spec.path is not None and located(out, spec)
    english = ENGLISH.search(out)
    if spec.outcome == "reject":
        if code != 1:
            problems.append("not rejected")
        elif spec.path and not at_place:
            problems.append(f"no message at {spec.path}:{spec.line}")
    elif spec.outcome == "accept":
        if code != 0:
            problems.append("rejected valid input")
    elif code == 1 and spec.path and not at_place:
        problems.append(f"rejected without a message at {spec.path}:{spec.line}")
    if code == 1 and english:
        problems.append(f"English in the output: {english.group(0)!r}")
    safety = [p for p in problems if p.split(" ")[0] in ("traceback", "secret", "command", "unsafe", "incomplete")]
    safety += [p for p in problems if "hung" in p or "took" in p or "previous site" in p or "disappeared" in p]
    return {"handled": not problems, "problems": problems, "safety": safety, "exit": code, "output": out[-3000:]}


@pytest.mark.parametrize("name", sorted(H.CASES))
def test_heldout_case(tmp_path: Path, name: str) -> None:
    repo = copy_repository(tmp_path / "repo")
    spec = H.CASES[name](repo)
    code, out, _, problems = run_command(repo, spec)
    RESULTS[name] = score(name, spec, repo, code, out, problems)
    assert RESULTS[name]["handled"], RESULTS[name]


@pytest.mark.parametrize("name", sorted(H.PLAN_PAYLOADS))
def test_heldout_plan_payload(page: Any, site_url: str, name: str) -> None:
    problems: list[str] = []
    page.goto(f"{site_url}/actieplan/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [H.PLAN_STORE, H.plan_store(name)])
    page.reload()
    page.wait_for_selector('#tb-plan[aria-busy="false"]', state="attached")
    hrefs = page.eval_on_selector_all("#tb-plan a[href]", "as => as.map(a => a.getAttribute('href'))")
    if any(not h.startswith(("https://", "/", ".", "#")) and not h.startswith(site_url) for h in hrefs):
        problems.append(f"live link from storage: {hrefs}")
    for link in page.locator("#tb-plan a[href]").all():
        link.click(modifiers=["Control"])  # would run a javascript: URL; opens real ones in a new tab
    if page.evaluate("typeof window.__pwned") != "undefined":
        problems.append("script ran")
    if page.locator("#tb-plan-md").count():
        try:
            with page.expect_download(timeout=5000) as dl:
                page.click("#tb-plan-md")
            Path(dl.value.path()).read_text(encoding="utf-8")
        except Exception as exc:  # noqa: BLE001 - any failure to export is the finding
            problems.append(f"Markdown export failed: {exc}")
    if page.console_errors:
        problems.append(f"console errors: {page.console_errors}")
    RESULTS[name] = {"handled": not problems, "problems": problems, "safety": problems, "exit": None, "output": ""}
    assert not problems, problems


def test_zz_summary(tmp_path_factory: pytest.TempPathFactory) -> None:
    handled = sorted(n for n, r in RESULTS.items() if r["handled"])
    failed = {n: r["problems"] for n, r in RESULTS.items() if not r["handled"]}
    unsafe = {n: r["safety"] for n, r in RESULTS.items() if r["safety"]}
    out = Path(os.environ.get("HELDOUT_RESULTS", tmp_path_factory.getbasetemp() / "heldout-results.json"))
    out.write_text(json.dumps(RESULTS, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nheld-out: {len(handled)}/{len(RESULTS)} handled; unsafe: {len(unsafe)}; details in {out}")
    for n, p in sorted(failed.items()):
        print(f"  {n}: {p}")
