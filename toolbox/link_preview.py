"""Link previews: the Open Graph and Twitter card tags chat clients and social sites read.

Teams, Slack, WhatsApp and LinkedIn build their preview card from `og:title`, `og:description`
and `og:image` (Slack falls back to the `twitter:` tags); the Open Graph protocol requires
`og:title`, `og:type`, `og:image` and `og:url`. The image and the URL must be absolute, so they
are left out when the site has no `site_url` (see toolbox/search_engines.py).
"""

from __future__ import annotations

import html

# One image for every page, made for the site (scripts/preview_image.py) and served by it, so
# no preview depends on a third-party service.
IMAGE = "assets/preview.png"
IMAGE_TYPE = "image/png"
IMAGE_SIZE = (1200, 630)  # the 1.91:1 card every client shows without cropping
LOCALE = "nl_NL"


def tags(
    *,
    site_name: str,
    title: str,
    description: str,
    url: str | None,
    image_url: str | None,
    image_alt: str,
    article: bool,
) -> list[tuple[str, str, str]]:
    """(attribute, key, content) for each tag: `property` for Open Graph, `name` for Twitter."""
    og = [
        ("og:type", "article" if article else "website"),
        ("og:site_name", site_name),
        ("og:locale", LOCALE),
        ("og:title", title),
        ("og:description", description),
    ]
    if url:
        og.append(("og:url", url))
    if image_url:
        og += [
            ("og:image", image_url),
            ("og:image:type", IMAGE_TYPE),
            ("og:image:width", str(IMAGE_SIZE[0])),
            ("og:image:height", str(IMAGE_SIZE[1])),
            ("og:image:alt", image_alt),
        ]
    twitter = [
        ("twitter:card", "summary_large_image" if image_url else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
    if image_url:
        twitter += [("twitter:image", image_url), ("twitter:image:alt", image_alt)]
    return [("property", k, v) for k, v in og] + [("name", k, v) for k, v in twitter]


def html_tags(items: list[tuple[str, str, str]]) -> str:
    return "\n".join(
        f'<meta {attr}="{html.escape(key)}" content="{html.escape(value, quote=True)}">' for attr, key, value in items
    )
