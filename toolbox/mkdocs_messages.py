"""MkDocs' English messages about pages, links and the navigation, told in Dutch at a file and line.

An id rename can break the navigation or a link between pages; MkDocs then warns in English and
names a generated page nobody edits. This logging filter rewrites those warnings (and drops the
English line MkDocs logs before an error the hook reports itself) so that the editor reads which
record file and line, or which line of mkdocs.yml, to change.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

_OMITTED = re.compile(
    r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n(.*)", re.S
)
_NAV_MISSING = re.compile(
    r"A reference to '(.+?)' is included in the 'nav' configuration, which is not found in the documentation files\."
)
_LINK_MISSING = re.compile(
    r"Doc file '(.+?)' contains a link '(.+?)', but the target(?: '(.+?)')? is not found among documentation files\."
)
_ANCHOR_MISSING = re.compile(
    r"Doc file '(.+?)' contains a link '(.+?)', but (?:the doc '.+?' does not contain an anchor|there is no such anchor on this page) '#?(.+?)'\."
)
_DROPPED = re.compile(r"Error building page '")


class DutchMessages(logging.Filter):
    def __init__(self, root: Path, sources: dict[str, tuple[str, int]]) -> None:
        super().__init__()
        self.root = root
        self.sources = sources  # generated page -> (record file, line); filled by the hook's on_files

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _DROPPED.match(message):
            return False  # the hook reports the cause itself, in Dutch
        dutch = self.translate(message)
        if dutch is not None:
            record.msg, record.args = dutch, ()
        return True

    def translate(self, message: str) -> str | None:
        if m := _OMITTED.match(message):
            pages = [p.strip().lstrip("- ").strip() for p in m.group(1).splitlines() if p.strip()]
            return "\n".join(
                f"{self.where(page)}: de pagina '{page}' staat niet in de navigatie van mkdocs.yml (nav of not_in_nav); "
                "is een id hernoemd? Zet de id terug of neem de nieuwe pagina op in mkdocs.yml"
                for page in pages
            )
        if m := _NAV_MISSING.match(message):
            target = m.group(1)
            return (
                f"{self.config_line(target)}: de navigatie (nav) verwijst naar '{target}', maar die pagina bestaat niet; "
                "is een id hernoemd? Pas mkdocs.yml aan of zet de id terug"
            )
        if m := _LINK_MISSING.match(message):
            page, link, target = m.group(1), m.group(2), m.group(3) or m.group(2)
            return (
                f"{self.where(page)}: de pagina '{page}' linkt naar '{target}', maar die pagina bestaat niet; "
                f"is een id hernoemd? (link '{link}')"
            )
        if m := _ANCHOR_MISSING.match(message):
            page, link, anchor = m.groups()
            return f"{self.where(page)}: de pagina '{page}' linkt naar '{link}', maar het anker '#{anchor}' bestaat niet; is een id hernoemd?"
        return None

    def where(self, page: str) -> str:
        path, line = self.sources.get(page, ("mkdocs.yml", 1))
        return f"{path}:{line}:1"

    def config_line(self, target: str) -> str:
        try:
            lines = (self.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
        except OSError:
            lines = []
        for n, line in enumerate(lines, 1):
            if re.search(rf"(:|-)\s*{re.escape(target)}\s*$", line):
                return f"mkdocs.yml:{n}:{line.index(target) + 1}"
        return "mkdocs.yml:1:1"


def install(root: Path, sources: dict[str, tuple[str, int]]) -> None:
    """Put the filter on MkDocs' log handlers (once each; `mkdocs serve` calls this per rebuild)."""
    for handler in logging.getLogger("mkdocs").handlers:
        for old in [f for f in handler.filters if type(f).__name__ == "DutchMessages"]:
            handler.removeFilter(old)
        handler.addFilter(DutchMessages(root, sources))
