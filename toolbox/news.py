"""What changed recently: the records whose content changed last, for `/nieuw/` and `/feed.xml`.

A change is a record with a page, dated by toolbox/history.py (the newest committed time of its own
lines; outside git the file's time). Each record appears once, at its latest change, newest first;
records changed at the same time keep the registry's and the catalog's order, so the list is the
same for the same commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolbox.catalog import Catalog, source_files
from toolbox.history import ContentTimes, content_times, iso_date
from toolbox.safe_html import plain
from toolbox.sitemap import record_uri
from toolbox.text import summary

# The page lists this many changes, the feed its first FEED_LIMIT (a reader polls it often).
NEWS_LIMIT = 50
FEED_LIMIT = 20
SUMMARY_FIELDS = ("summary", "description", "intro")  # the first text field a record has


@dataclass(frozen=True)
class Change:
    kind: str  # record type (`intervention`)
    label: str  # its Dutch label (`aanpak`)
    id: str
    title: str  # record text (Markdown); `plain` for other formats
    uri: str  # the record's page (sitemap.record_uri)
    stamp: int  # Unix time of the change
    summary: str  # plain text: the first sentence of the record's summary or description, or ""

    @property
    def date(self) -> str:
        return iso_date(self.stamp)


def catalog_times(cat: Catalog) -> ContentTimes:
    """The last-change times of every record in `cat` and of its newest source file."""
    rels = [p.relative_to(cat.root).as_posix() for p in source_files(cat.root, cat.types)]
    return content_times(cat.root, rels, cat.origins)


def recent_changes(cat: Catalog, times: ContentTimes, limit: int = NEWS_LIMIT) -> list[Change]:
    """The `limit` records with a page that changed last, newest first."""
    found: list[tuple[int, int, Change]] = []
    for rt in cat.types:
        if rt.page is None:
            continue
        for ident, record in cat.records[rt.name].items():
            stamp = times.records.get(ident, times.newest)
            text = next((v for f in SUMMARY_FIELDS if isinstance(v := getattr(record, f, None), str) and v), "")
            change = Change(
                rt.name,
                rt.label,
                ident,
                str(getattr(record, "title", ident)),
                record_uri(rt.name, ident, cat.types),
                stamp,
                summary(text) if text else "",
            )
            found.append((-stamp, len(found), change))
    found.sort(key=lambda item: item[:2])
    return [change for _, _, change in found[:limit]]


def title_text(change: Change) -> str:
    return plain(change.title)
