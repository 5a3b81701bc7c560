"""Make the link preview image, static/assets/preview.png: `python scripts/preview_image.py`.

Chat clients and social sites show this picture on every shared link (toolbox/link_preview.py).
It is made once, here, and committed, so a build needs no image library and no network. It
shows the site's name and description from mkdocs.yml and the theme's logo, in the header
colours, at the 1200x630 size every client shows uncropped. Run it again after changing those.
Needs the test tools (Playwright, Debian's Chromium).
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from toolbox.link_preview import IMAGE, IMAGE_SIZE  # noqa: E402

OUT = ROOT / "static" / IMAGE
PRIMARY = "#00695c"  # --md-primary-fg-color in static/assets/a11y.css (white on it: 6.6:1)
DARK = "#004d40"


def _config() -> dict[str, str]:
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return {"name": data["site_name"], "description": data["site_description"]}


def _logo() -> str:
    import material

    icon = Path(material.__file__).parent / "templates" / ".icons" / "material" / "library.svg"
    return icon.read_text(encoding="utf-8").replace("<svg ", '<svg fill="#fff" width="132" height="132" ', 1)


def page(name: str, description: str) -> str:
    width, height = IMAGE_SIZE
    return f"""<!doctype html><html lang="nl"><meta charset="utf-8"><style>
html, body {{ margin: 0; }}
body {{ width: {width}px; height: {height}px; box-sizing: border-box; padding: 84px 96px;
  background: {PRIMARY}; border-bottom: 24px solid {DARK}; color: #fff; justify-content: center;
  font-family: "Liberation Sans", Arial, Helvetica, sans-serif; display: flex; flex-direction: column; }}
header {{ display: flex; align-items: center; gap: 36px; }}
h1 {{ font-size: 76px; line-height: 1.05; margin: 0; font-weight: 700; letter-spacing: -0.5px; }}
p {{ font-size: 40px; line-height: 1.35; margin: 64px 0 0; max-width: 980px; }}
</style><body><header>{_logo()}<h1>{html.escape(name)}</h1></header><p>{html.escape(description)}</p></body></html>"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    config = _config()
    width, height = IMAGE_SIZE
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
        tab.set_content(page(config["name"], config["description"]))
        tab.evaluate("document.fonts.ready")
        OUT.parent.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(OUT), type="png")
        browser.close()
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
