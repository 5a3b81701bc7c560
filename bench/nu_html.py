"""Nu HTML Checker errors per page type: `python bench/nu_html.py [--site DIR] [--out FILE]`.

Checks one representative page per page type (tests/support/page_types.py) and, for the total,
every HTML page of the site. Prints a Markdown table and the distinct error messages.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.support import nu_checker  # noqa: E402
from tests.support.page_types import html_file, representative_pages  # noqa: E402
from tests.support.site_build import build_site  # noqa: E402


def report(site: Path) -> str:
    pages = representative_pages(site)
    files = sorted(site.rglob("*.html"))
    messages = nu_checker.errors(files)
    by_file = collections.Counter(m.file.resolve() for m in messages)
    version = subprocess.run(
        ["java", "-jar", str(nu_checker.VNU_JAR), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    lines = [
        f"Nu HTML Checker {version} (npm `vnu-jar`), errors only.",
        "",
        "| page type | page | errors |",
        "|---|---|---|",
    ]
    for name, path in pages.items():
        lines.append(f"| {name} | `/{path}` | {by_file[html_file(site, path).resolve()]} |")
    typed = sum(by_file[html_file(site, p).resolve()] for p in pages.values())
    lines += [
        f"| **{len(pages)} page types** | | **{typed}** |",
        f"| all {len(files)} HTML pages | | {len(messages)} |",
        "",
        "Distinct errors (number of pages with it):",
        "",
    ]
    distinct = collections.Counter(m.text for m in messages)
    pages_with = {t: len({m.file for m in messages if m.text == t}) for t in distinct}
    for text, count in distinct.most_common():
        lines.append(f"- {count} times on {pages_with[text]} page(s): {text}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site", type=Path, help="a built site (default: build the repository)")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    problem = nu_checker.available()
    if problem:
        parser.error(problem)
    with tempfile.TemporaryDirectory(prefix="toolbox-vnu-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site)
        text = report(site)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
