"""The search quality set (tests/search_queries.yaml) and how a result list is scored against it.

A target is a page (`/aanpakken/bufferweek/`) or a part of one (`/roadmap/#toetsing`). A result
link hits a page target when its path is the page (any anchor on it counts), and an anchored target
only when it leads to that very anchor. Used by bench/search_compare.py and the browser tests.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("own-words", "variant", "typo", "sentence")

# The top five links of plain Pagefind, as the site's search box used it before issue 18 (one link
# per page, to the page itself).
PLAIN_TOP5_JS = """async (q) => {
  const pf = await import('/pagefind/pagefind.js');
  const search = await pf.search(q);
  const data = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  return data.map(d => { const u = new URL(d.url, location.href); return u.pathname + u.hash; });
}"""

# The top five links of the site's search (static/assets/search/engine.js), as every box shows them.
OURS_TOP5_JS = """async (q) => {
  const engine = await import('/assets/search/engine.js');
  const found = await engine.search(q, {limit: 5});
  return found.results.slice(0, 5).map(r => { const u = new URL(r.url, location.href); return u.pathname + u.hash; });
}"""


@dataclass(frozen=True)
class Query:
    q: str
    kind: str
    targets: tuple[str, ...]
    holdout: bool


def load_queries() -> list[Query]:
    raw = yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]
    return [Query(r["q"], r["kind"], tuple(r["targets"]), bool(r.get("holdout", False))) for r in raw]


def hits(links: list[str], targets: tuple[str, ...]) -> bool:
    for link in links:
        parsed = urlparse(link)
        for target in targets:
            path, _, anchor = target.partition("#")
            if parsed.path == path and (not anchor or parsed.fragment == anchor):
                return True
    return False


def rates(rows: list[tuple[Query, bool]]) -> dict[str, tuple[int, int]]:
    """(hits, queries) per kind and for 'all'."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for query, hit in rows:
        for key in (query.kind, "all"):
            out[key][0] += int(hit)
            out[key][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def top5(page: Any, js: str, q: str) -> list[str]:
    return list(page.evaluate(js, q))
