"""Record text as a one-sentence summary and as YAML scalars (for cards, front matter and skeletons).

For the plain text of a field see `toolbox.safe_html.plain`.
"""

from __future__ import annotations

import json

from toolbox import markup, safe_html


def summary(markdown: str) -> str:
    """The first sentence of a Markdown text, as plain text (what a card or a description shows)."""
    return markup.first_sentence(safe_html.plain(markdown))


def yaml_str(value: object) -> str:
    """A YAML double-quoted scalar for any text (a JSON string is one)."""
    return json.dumps(str(value), ensure_ascii=False)
