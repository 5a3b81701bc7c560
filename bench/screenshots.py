"""Screenshots of the pages a redesign touches: `python bench/screenshots.py --out DIR [--site DIR]`.

Home, finder and one intervention page, at a phone (390x844) and a laptop (1366x768) viewport, in
the light and the dark colour scheme: one PNG of what the visitor first sees (`-viewport`) and one
of the whole page (`-full`). Debian's Chromium through Playwright; the site is built (or taken
from --site) and served with gzip on 127.0.0.1. Compare two folders of these to review a change.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.support.gzip_server import serve  # noqa: E402
from tests.support.page_types import representative_pages  # noqa: E402
from tests.support.site_build import build_site  # noqa: E402

VIEWPORTS = {"phone": (390, 844), "laptop": (1366, 768)}
SCHEMES = ("light", "dark")
PAGES = ("home", "finder", "intervention")
# The page's own ready signal, where it has one (never a fixed wait).
READY = {"finder": "#tb-finder[data-tb-ready]"}


def shoot(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    pages = representative_pages(site, PAGES)
    written = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for device, (width, height) in VIEWPORTS.items():
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    color_scheme=scheme,  # type: ignore[arg-type]
                    device_scale_factor=1,
                )
                page = context.new_page()
                for name, path in pages.items():
                    page.goto(f"{base}/{path}", wait_until="load")
                    if name in READY:
                        page.wait_for_selector(READY[name], state="attached")
                    page.evaluate("document.fonts.ready")
                    stem = f"{name.replace(' ', '-')}-{device}-{scheme}"
                    for kind, full in (("viewport", False), ("full", True)):
                        target = out / f"{stem}-{kind}.png"
                        page.screenshot(path=str(target), full_page=full)
                        written.append(target)
                context.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--site", type=Path, help="a built site (default: build the repository)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="toolbox-shots-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site)
        for path in shoot(site, args.out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
