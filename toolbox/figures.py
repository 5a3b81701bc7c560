"""Figures of the research pages, drawn at build time: count tables as HTML, a bar chart as inline SVG.

Like `toolbox.visuals`, every function returns an HTML fragment without blank lines (Markdown keeps
it as one raw block) and escapes all record text. Figures are shown as printed in the source: a
chart is drawn from the printed counts, and a figure that does not add up keeps its note.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from toolbox import models as m
from toolbox.text import editors_only_line_refs

_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def nl_date(day: dt.date, weekday: bool = False) -> str:
    """'12 januari 2026', or 'maandag 12 januari 2026' (the machine has no Dutch locale to rely on)."""
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_DAYS[day.weekday()]} {text}" if weekday else text


def _cell(c: m.Count) -> str:
    if c.count is None:
        return '<span class="tb-figure__none">geen getal</span>'
    return f"{c.count}" + (f" ({c.percent}%)" if c.percent is not None else "")


def _note_refs(table: m.CountTable, column: str | None, row: str | None) -> str:
    """Links to the notes on exactly this column and row (a header has row None; the caption both None)."""
    return "".join(
        f'<sup><a href="#{escape(table.id)}-noot-{i}" aria-label="noot {i}">{i}</a></sup>'
        for i, n in enumerate(table.notes, start=1)
        if n.column == column and n.row == row
    )


def count_table(study: m.ParticipationStudy, table: m.CountTable) -> str:
    """The table as printed: one column per cohort (with its N), one row per answer, notes below."""
    parts = [
        f'<div class="tb-figure tb-figure--table" id="{escape(table.id)}">',
        '<table class="tb-count-table">',
        f"<caption>{escape(table.title)}{_note_refs(table, None, None)}</caption>",
        '<thead><tr><th scope="col">Onderwijsinstelling</th>'
        + "".join(
            f'<th scope="col">{escape(c.label)}<br><span class="tb-figure__n">N={c.n}</span>'
            f"{_note_refs(table, c.id, None)}</th>"
            for c in study.cohorts
        )
        + "</tr></thead>",
        "<tbody>",
    ]
    for row in table.rows:
        cells = "".join(
            f"<td>{_cell(cell)}{_note_refs(table, c.id, row.label)}</td>"
            for c, cell in zip(study.cohorts, row.cells, strict=True)
        )
        parts.append(f'<tr><th scope="row">{escape(row.label)}</th>{cells}</tr>')
    parts += ["</tbody>", "</table>"]
    if table.notes:
        parts.append('<ol class="tb-figure__notes">')
        for i, n in enumerate(table.notes, start=1):
            where = next((c.label for c in study.cohorts if c.id == n.column), "")
            label = " · ".join(x for x in (where, n.row or "") if x)
            parts.append(
                f'<li id="{escape(table.id)}-noot-{i}">'
                + (f"<strong>{escape(label)}:</strong> " if label else "")
                + f"{editors_only_line_refs(escape(n.note))}</li>"
            )
        parts.append("</ol>")
    parts.append("</div>")
    return "\n".join(parts)


def stacked_bars(study: m.ParticipationStudy, table: m.CountTable) -> str:
    """Each cohort as one bar split into the table's rows, in proportion to the printed counts."""
    left, width, row_h, top = 170, 420, 34, 34
    height = top + row_h * len(study.cohorts) + 6
    parts = [
        '<figure class="tb-visual tb-bars">',
        f'<svg viewBox="0 0 {left + width + 20} {height}" role="img" aria-labelledby="{escape(table.id)}-chart-title"'
        ' class="tb-bars__svg" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(table.id)}-chart-title">{escape(table.title)}: aantallen per instelling</title>',
    ]
    for k, row in enumerate(table.rows):
        key_x = left + k * 160
        parts.append(f'<rect class="tb-bars__seg tb-bars__seg--{k}" x="{key_x}" y="6" width="14" height="14"/>')
        parts.append(f'<text class="tb-bars__legend" x="{key_x + 20}" y="18">{escape(row.label)}</text>')
    for i, cohort in enumerate(study.cohorts):
        y = top + i * row_h
        parts.append(
            f'<text class="tb-bars__label" x="{left - 10}" y="{y + 19}" text-anchor="end">'
            f"{escape(cohort.label)} (N={cohort.n})</text>"
        )
        counts = [row.cells[i].count for row in table.rows]
        if any(c is None for c in counts):
            parts.append(f'<text class="tb-bars__none" x="{left + 6}" y="{y + 19}">geen getallen in de tabel</text>')
            continue
        total = sum(c or 0 for c in counts) or 1
        x = float(left)
        for k, c in enumerate(counts):
            w = width * (c or 0) / total
            parts.append(
                f'<rect class="tb-bars__seg tb-bars__seg--{k}" x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 10}"/>'
            )
            if w > 28:
                parts.append(
                    f'<text class="tb-bars__count" x="{x + w / 2:.1f}" y="{y + 19}" text-anchor="middle">{c}</text>'
                )
            x += w
    parts.append("</svg>")
    parts.append(
        "<figcaption>De balken zijn getekend naar de aantallen in de tabel hieronder, zoals gedrukt. "
        "De tabel is de tekstversie van deze figuur, met de percentages en de noten.</figcaption>"
    )
    parts.append("</figure>")
    return "\n".join(parts)


def jinja_globals() -> dict[str, object]:
    return {"count_table": count_table, "stacked_bars": stacked_bars, "nl_date": nl_date}
