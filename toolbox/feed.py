"""The Atom feed of recent changes (`/feed.xml`, RFC 4287), for feed readers and newsletters.

One entry per changed record (toolbox/news.py). Ids are `urn:uuid:` names derived from the
record and the time of its change, so they are absolute and permanent without `site_url`, stay
the same when the site moves, and a new change of a record is a new entry. Links are absolute
with `site_url`; without it they are relative to the feed, which sits at the top of the site
(RFC 4287 section 4.2.7.1 allows relative references; `left_out` says so in the build log).
Everything is derived from the content, so the same commit gives the same bytes.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime

from toolbox.news import Change, title_text
from toolbox.sitemap import FEED, NEWS, page_url

ATOM = "http://www.w3.org/2005/Atom"
# A fixed namespace for this site's feed ids (uuid5 names within it).
ID_NAMESPACE = uuid.UUID("7d0c6f0e-3f2a-5b8e-9a51-2a4c6b1d9e10")
FEED_ID = f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'feed')}"
MEDIA_TYPE = "application/atom+xml"


def entry_id(change: Change) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'{change.kind}/{change.id}@{change.stamp}')}"


def timestamp(stamp: int) -> str:
    """RFC 3339 date-time in UTC, as Atom's `updated` takes it."""
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom(changes: Sequence[Change], *, site_name: str, site_url: str | None, updated: int) -> bytes:
    """The feed document. `updated`: Unix time of the newest content change."""

    def url(path: str) -> str:
        return site_url.rstrip("/") + "/" + path if site_url else path or "./"

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    add(feed, "id", FEED_ID)
    add(feed, "title", f"{site_name}: wat is er nieuw")
    add(feed, "subtitle", "De records van de toolbox die het laatst zijn gewijzigd, de nieuwste eerst.")
    add(feed, "updated", timestamp(updated))
    author = add(feed, "author")
    add(author, "name", site_name)
    add(feed, "link", rel="self", type=MEDIA_TYPE, href=url(FEED))
    add(feed, "link", rel="alternate", type="text/html", href=url(page_url(NEWS)))
    for change in changes:
        entry = add(feed, "entry")
        add(entry, "id", entry_id(change))
        add(entry, "title", f"{title_text(change)} ({change.label})", type="text")
        add(entry, "updated", timestamp(change.stamp))
        add(entry, "link", rel="alternate", type="text/html", href=url(page_url(change.uri)))
        add(entry, "category", term=change.kind, label=change.label)
        add(entry, "summary", change.summary or f"{change.label.capitalize()} gewijzigd.", type="text")
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def left_out(site_url: str | None) -> list[str]:
    """Dutch info line for the build log: what the feed does without `site_url`."""
    if site_url:
        return []
    return [
        "Zonder site_url gebruikt feed.xml relatieve links (ten opzichte van de feed zelf); "
        "sommige feedlezers volgen die niet. De ids van de feed zijn urn:uuid-namen en hangen niet van het adres af."
    ]
