"""Show a page's link preview as chat clients draw it: `python bench/link_card.py PAGE --out card.png`.

Reads the Open Graph and Twitter tags of a built page (built here with a site_url, or taken from
--site) and draws them the way Slack and Microsoft Teams unfurl a link: Slack from og:site_name,
og:title (as the link), og:description and og:image; Teams a card with the image on top, the
title, two lines of description and the host name. An approximation of their layouts for review,
not their code; the image is the one the site serves (fetched from the local copy).
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.support import chromium  # noqa: E402
from tests.support.gzip_server import serve  # noqa: E402
from tests.support.page_head import read  # noqa: E402
from tests.support.page_types import html_file  # noqa: E402
from tests.support.site_build import build_site  # noqa: E402

EXAMPLE_URL = "https://toolbox.example/"  # for a build without a real address


def card_page(tags: dict[str, str], image_src: str | None) -> str:
    e = {k: html.escape(v) for k, v in tags.items()}
    host = html.escape(urlsplit(tags.get("og:url", "")).hostname or "")
    image = f'<img src="{html.escape(image_src)}" alt="{e.get("og:image:alt", "")}">' if image_src else ""
    return f"""<!doctype html><html lang="nl"><meta charset="utf-8"><style>
body {{ margin: 0; padding: 24px; background: #fff; font-family: "Liberation Sans", Arial, sans-serif; width: 1000px; }}
h2 {{ font-size: 13px; color: #616161; font-weight: 400; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .5px; }}
.chat {{ display: flex; gap: 40px; align-items: flex-start; }}
.slack {{ width: 470px; font-size: 15px; color: #1d1c1d; }}
.slack .msg a.link {{ color: #1264a3; }}
.slack .unfurl {{ border-left: 4px solid #dddddd; padding: 2px 0 2px 12px; margin-top: 6px; }}
.slack .site {{ font-weight: 700; font-size: 15px; }}
.slack .title {{ color: #1264a3; font-weight: 700; display: block; margin: 2px 0; text-decoration: none; }}
.slack .desc {{ line-height: 1.4; }}
.slack img {{ display: block; margin-top: 8px; max-width: 360px; border-radius: 8px; }}
.teams {{ width: 420px; background: #f5f5f5; padding: 12px; border-radius: 6px; font-size: 14px; color: #242424; }}
.teams .msg {{ margin-bottom: 8px; }} .teams .msg a {{ color: #5b5fc7; }}
.teams .card {{ background: #fff; border-radius: 4px; overflow: hidden; box-shadow: 0 1px 2px rgba(0,0,0,.14); }}
.teams img {{ display: block; width: 100%; }}
.teams .body {{ padding: 10px 12px; }}
.teams .title {{ font-weight: 700; margin-bottom: 4px; }}
.teams .desc {{ color: #424242; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }}
.teams .host {{ color: #616161; font-size: 12px; margin-top: 6px; }}
</style><body><div class="chat">
<section class="slack"><h2>Slack</h2><div class="msg"><a class="link">{e.get("og:url", "")}</a></div>
<div class="unfurl"><div class="site">{e.get("og:site_name", "")}</div><a class="title">{e.get("og:title", "")}</a>
<div class="desc">{e.get("og:description", "")}</div>{image}</div></section>
<section class="teams"><h2>Microsoft Teams</h2><div class="msg"><a>{e.get("og:url", "")}</a></div>
<div class="card">{image}<div class="body"><div class="title">{e.get("og:title", "")}</div>
<div class="desc">{e.get("og:description", "")}</div><div class="host">{host}</div></div></div></section>
</div></body></html>"""


def draw(site: Path, page: str, out: Path) -> dict[str, str]:
    from playwright.sync_api import sync_playwright

    head = read(html_file(site, page))
    tags = {k: v[0] for k, v in head.meta.items() if k.startswith(("og:", "twitter:"))}
    with serve(site) as base, sync_playwright() as p:
        image = tags.get("og:image")
        published = tags.get("og:url", "").removesuffix(page)
        image_src = base + "/" + image.removeprefix(published) if image and published else None
        browser = chromium.launch(p)
        tab = browser.new_page(viewport={"width": 1048, "height": 400}, device_scale_factor=1)
        tab.set_content(card_page(tags, image_src), wait_until="load")
        tab.screenshot(path=str(out), full_page=True)
        browser.close()
    return tags


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("page", help="site path of the page, e.g. aanpakken/escaperoom/")
    parser.add_argument("--out", type=Path, required=True, help="PNG file to write")
    parser.add_argument("--site", type=Path, help="a site built with a site_url (default: build one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="toolbox-card-") as tmp:
        site = args.site or build_site(Path(tmp) / "site", env={"TOOLBOX_SITE_URL": EXAMPLE_URL})
        for key, value in draw(site, args.page, args.out).items():
            print(f"{key}: {value}")
    print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
