"""What search engines read besides the pages: robots.txt, and what needs an absolute site URL.

The sitemap itself is MkDocs' (`sitemap.xml`); the hook gives every page its `lastmod`
(toolbox/history.py). Canonical links, `og:url`, the preview image and the sitemap's addresses
must be absolute, so they need `site_url`; without it the build says what it left out.
"""

from __future__ import annotations

from collections.abc import Mapping

# The published address for one build (a deployment, a test) without editing mkdocs.yml; it wins
# over mkdocs.yml's site_url. Not MkDocs' `!ENV` tag: tools that read mkdocs.yml as plain YAML
# would fail on it.
SITE_URL_VARIABLE = "TOOLBOX_SITE_URL"


def site_url(configured: str | None, environ: Mapping[str, str]) -> str | None:
    """The site's address with a trailing slash (as MkDocs keeps it), or None when there is none."""
    url = (environ.get(SITE_URL_VARIABLE) or configured or "").strip()
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def robots_txt(site_url: str | None) -> str:
    """Everything may be crawled; the sitemap is named when its address can be absolute."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"


def left_out(site_url: str | None) -> list[str]:
    """Dutch info lines for the build log: what the build leaves out without `site_url`."""
    if site_url:
        return []
    return [
        f"Geen site_url ingesteld (in mkdocs.yml of met {SITE_URL_VARIABLE}): de site wordt gebouwd "
        "zonder canonieke URL's (link rel=canonical), zonder og:url, og:image en twitter:image "
        "(gedeelde links krijgen een voorbeeld zonder afbeelding), zonder adressen in sitemap.xml en "
        "zonder Sitemap-regel in robots.txt; de structured data (JSON-LD) gebruikt relatieve adressen."
    ]
