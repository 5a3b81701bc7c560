"""Repository documents shown on the site: the contributor guide and the citation file.

`CONTRIBUTING.md` is written for GitHub; the about page includes it below its own heading, so
its title is dropped and every heading moves one level down. A repository copy without these
files (as in some tests) renders without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from toolbox.schema import SCHEMAS

CONTRIBUTING = "CONTRIBUTING.md"
CITATION = "CITATION.cff"


def contributing_section(root: Path) -> str:
    """CONTRIBUTING.md without its title and with headings one level deeper, or '' when absent."""
    path = Path(root) / CONTRIBUTING
    if not path.is_file():
        return ""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    title_dropped = False
    for line in lines:
        if line.startswith("# ") and not title_dropped:
            title_dropped = True
            continue
        # Only ATX headings start at column 0 with '#'; indented code blocks start with spaces.
        # Screenshots live in docs/img/, outside the site: on the site the form itself is one click away.
        if line.lstrip().startswith("![") and "docs/img/" in line:
            continue
        out.append("#" + line if line.startswith("#") else line)
    return "\n".join(out).strip() + "\n"


def citation(root: Path) -> dict[str, Any] | None:
    """The fields of CITATION.cff, or None when the file is absent."""
    path = Path(root) / CITATION
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else None


def jinja_globals() -> dict[str, Any]:
    titles = {s.name: s.title for s in SCHEMAS}
    return {
        "contributing_section": contributing_section,
        "citation": citation,
        "schema_files": lambda: list(titles),
        "schema_title": titles.__getitem__,
    }
