"""The accessibility statement's results: `python bench/accessibility.py [--site DIR]`.

Runs the checks of tests/browser/test_a11y.py (its pages, its `prepare` and `run_axe`, the axe tags
and colour schemes of `toolbox.accessibility`) on every page type in the light and the dark scheme,
and writes what axe found to toolbox/accessibility_results.json, which /toegankelijkheid/ shows.
Rebuild the site afterwards to publish the new results.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.test_a11y import AXE, CHECKED, prepare, run_axe  # noqa: E402
from tests.support import chromium  # noqa: E402
from tests.support.gzip_server import serve  # noqa: E402
from tests.support.site_build import build_site  # noqa: E402
from toolbox.accessibility import AXE_TAGS, RESULTS, SCHEMES, PageResult, Results  # noqa: E402


def measure(site: Path) -> Results:
    from playwright.sync_api import sync_playwright

    pages: list[PageResult] = []
    version, rules = "", 0
    with serve(site) as base, sync_playwright() as p:
        browser = chromium.launch(p)
        page = browser.new_page()
        for name, path in CHECKED.items():
            found: dict[str, list[str]] = {}
            for scheme in SCHEMES:
                page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
                page.goto(f"{base}/{path}")
                prepare(page, name)
                found[scheme] = sorted({v["id"] for v in run_axe(page)})
                version = page.evaluate("() => axe.version")
                rules = page.evaluate("(tags) => axe.getRules(tags).length", list(AXE_TAGS))
            pages.append(PageResult(page_type=name, path=path, violations=found))
            print(f"  {name}: {found}", file=sys.stderr)
        browser.close()
    return Results(
        date=datetime.date.today().isoformat(),
        axe_version=version,
        tags=list(AXE_TAGS),
        schemes=list(SCHEMES),
        rules=rules,
        pages=pages,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site", type=Path, help="a built site (default: build the repository)")
    args = parser.parse_args(argv)
    if not AXE.is_file():
        parser.error("axe-core is missing: run `npm ci` first")
    with tempfile.TemporaryDirectory(prefix="toolbox-a11y-") as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        results = measure(site)
    RESULTS.write_text(json.dumps(results.model_dump(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
