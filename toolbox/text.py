"""Record text as a one-sentence summary and as YAML scalars (for cards, front matter and skeletons).

For the plain text of a field see `toolbox.safe_html.plain`.
"""

from __future__ import annotations

import json
import re

from toolbox import markup, safe_html


def summary(markdown: str) -> str:
    """The first sentence of a Markdown text, as plain text (what a card or a description shows)."""
    return markup.first_sentence(safe_html.plain(markdown))


def yaml_str(value: object) -> str:
    """A YAML double-quoted scalar for any text (a JSON string is one)."""
    return json.dumps(str(value), ensure_ascii=False)


# "(regels 1193-1198)", "(regel 673 van de tekstversie)": where an editorial note found something in
# the text version of a report. Readers get the note; the line numbers are for editors, shown in the
# record footer's editors' view like the citations' line ranges (identity.css `.tb-lines`).
_LINE_REF = re.compile(
    r" ?\((?:tekstversie, )?regels? [0-9]+(?:[-–][0-9]+)?(?:(?:,| en) [0-9]+(?:[-–][0-9]+)?)*(?: van de tekstversie)?\)"
)


_LINE_REF_TAIL = re.compile(r", regels? [0-9]+(?:[-–][0-9]+)?(?=\))")  # "(‘Kader 1’, regels 347-383)"


def editors_only_line_refs(html: str) -> str:
    """Sanitised HTML with the line references of editorial notes marked as editors-only."""

    def hide(m: re.Match[str]) -> str:
        return f'<span class="tb-lines" data-pagefind-ignore>{m.group(0)}</span>'

    return _LINE_REF_TAIL.sub(hide, _LINE_REF.sub(hide, html))
