"""Visual overviews drawn at build time from the catalog, as inline SVG.

Every function returns a complete HTML fragment on lines without blank lines (so Markdown keeps
it as one raw block). All record text goes through `html.escape`. Each visual carries an
accessible name; the pages place a text alternative (list or table) next to it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from toolbox import models as m
from toolbox.catalog import Catalog
from toolbox.sitemap import P, record_uri

Href = Callable[[str], str]

# Radius of each ring's outer edge and of the circle its elements sit on (viewBox 0 0 600 600).
_RINGS: dict[m.Ring, tuple[int, int]] = {"onderwijs": (125, 68), "extracurriculair": (205, 166), "beleid": (290, 248)}
_START_ANGLE = {"onderwijs": -90.0, "extracurriculair": 0.0, "beleid": -90.0}


def ring_svg(cat: Catalog, href: Href) -> str:
    """The integrated model: three concentric rings, each element a numbered link on its ring."""
    c = 300
    parts = [
        '<figure class="tb-visual tb-rings">',
        '<svg viewBox="0 0 600 600" role="group" aria-labelledby="tb-rings-title" class="tb-rings__svg"'
        ' xmlns="http://www.w3.org/2000/svg">',
        '<title id="tb-rings-title">Het integrale model: drie ringen met de werkzame elementen</title>',
    ]
    for ring in reversed(list(m.RINGS)):
        outer, _ = _RINGS[ring]
        parts.append(f'<circle class="tb-rings__ring tb-rings__ring--{ring}" cx="{c}" cy="{c}" r="{outer}"/>')
    for ring, label in m.RINGS.items():
        outer, _ = _RINGS[ring]
        inner = 0 if ring == "onderwijs" else _RINGS[list(m.RINGS)[list(m.RINGS).index(ring) - 1]][0]
        y = c - (outer + inner) / 2 if ring != "onderwijs" else c + 3
        parts.append(
            f'<text class="tb-rings__label" x="{c}" y="{y:.0f}" text-anchor="middle" aria-hidden="true">'
            f"{escape(label)}</text>"
        )
    for ring in m.RINGS:
        _, radius = _RINGS[ring]
        members = [el for el in cat.elements.values() if el.ring == ring]
        for i, el in enumerate(members):
            angle = math.radians(_START_ANGLE[ring] + 360 * (i + 0.5) / len(members))
            x, y = c + radius * math.cos(angle), c + radius * math.sin(angle)
            name = f"{el.number}. {el.title} ({m.RINGS[ring].lower()})"
            parts.append(
                f'<a href="{escape(href(record_uri("element", el.id)))}" aria-label="{escape(name)}" class="tb-rings__el'
                f' tb-rings__el--{el.theme}"><title>{escape(name)}</title>'
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="21"/>'
                f'<text x="{x:.1f}" y="{y + 6:.1f}" text-anchor="middle">{el.number}</text></a>'
            )
    parts.append("</svg>")
    parts.append(
        "<figcaption>Klik op een nummer om het element te openen. Groen: sociale binding; oranje: welzijn. "
        "De lijsten hiernaast noemen dezelfde elementen per ring.</figcaption>"
    )
    parts.append("</figure>")
    return "\n".join(parts)


def horizon_svg(rm: m.Roadmap, href: Href) -> str:
    """Each roadmap factor as a bar over the horizons it names (kort, midden, lang)."""
    roadmap_uri = record_uri("roadmap")
    items = [it for cl in rm.clusters for it in cl.items]
    horizons = list(m.HORIZONS)
    left, col, row, top = 330, 150, 26, 40
    width, height = left + col * len(horizons) + 10, top + row * len(items) + 10
    parts = [
        '<figure class="tb-visual tb-horizon">',
        f'<svg viewBox="0 0 {width} {height}" role="group" aria-labelledby="tb-horizon-title"'
        ' class="tb-horizon__svg" xmlns="http://www.w3.org/2000/svg">',
        '<title id="tb-horizon-title">Tijdspad per factor van de roadmap: kort, midden of lang</title>',
    ]
    for i, h in enumerate(horizons):
        x = left + col * i
        parts.append(f'<rect class="tb-horizon__col" x="{x}" y="{top - 4}" width="{col - 4}" height="{height - top}"/>')
        parts.append(
            f'<text class="tb-horizon__head" x="{x + col / 2 - 2:.0f}" y="{top - 14}" text-anchor="middle"'
            f' aria-hidden="true">{escape(m.HORIZONS[h])}</text>'
        )
    for r, it in enumerate(items):
        y = top + row * r
        when = ", ".join(m.HORIZONS[h].lower() for h in it.horizon) or "geen tijdspad aangegeven"
        name = f"{it.number}. {it.title}: {when}"
        parts.append(
            f'<a href="{escape(href(roadmap_uri))}#{escape(it.id)}" aria-label="{escape(name)}"'
            f' class="tb-horizon__row"><title>{escape(name)}</title>'
            f'<text x="{left - 10}" y="{y + 17}" text-anchor="end">{escape(_short(it.title, 44))}</text>'
        )
        idx = sorted(horizons.index(h) for h in it.horizon)
        if idx:
            # The seed gives ranges ("kort - midden"); draw one bar from the first to the last.
            x0, x1 = left + col * idx[0], left + col * (idx[-1] + 1) - 4
            parts.append(f'<rect class="tb-horizon__bar" x="{x0}" y="{y + 4}" width="{x1 - x0}" height="{row - 8}"/>')
        else:
            parts.append(f'<text class="tb-horizon__none" x="{left + 6}" y="{y + 17}">niet aangegeven</text>')
        parts.append("</a>")
    parts.append("</svg>")
    parts.append(
        "<figcaption>Elke balk loopt over de termijnen die de roadmap voor de factor noemt. "
        "De lijst hieronder geeft dezelfde informatie per termijn.</figcaption>"
    )
    parts.append("</figure>")
    return "\n".join(parts)


def sector_matrix(cat: Catalog, href: Href) -> str:
    """Element x sector table: how many interventions each element has per sector, linked to the finder."""
    counts = {
        (e, s): sum(1 for i in cat.related(e, "interventions") if s in cat.interventions[i].sectors)
        for e in cat.elements
        for s in m.SECTORS
    }
    top = max(counts.values(), default=1) or 1
    finder = href(P.finder)
    rows = [
        '<div class="tb-visual tb-matrix">',
        '<table class="tb-matrix__table">',
        "<caption>Aantal aanpakken per werkzaam element en sector. Elk getal opent de zoeker met die twee filters."
        "</caption>",
        '<thead><tr><th scope="col">Werkzaam element</th>'
        + "".join(f'<th scope="col">{s}</th>' for s in m.SECTORS)
        + "</tr></thead>",
        "<tbody>",
    ]
    for el in cat.elements.values():
        cells = []
        for s in m.SECTORS:
            n = counts[(el.id, s)]
            label = f"{n} {'aanpak' if n == 1 else 'aanpakken'} bij {el.title} voor het {s}"
            level = math.ceil(4 * n / top)  # 0..4, the shade of the cell
            cells.append(
                f'<td class="tb-matrix__cell tb-matrix__cell--{level}">'
                f'<a href="{escape(finder)}?element={escape(el.id)}&amp;sector={s}" aria-label="{escape(label)}"'
                f' data-count="{n}">{n}</a></td>'
            )
        rows.append(
            f'<tr><th scope="row"><a href="{escape(href(record_uri("element", el.id)))}">{el.number}. {escape(el.title)}</a></th>'
            + "".join(cells)
            + "</tr>"
        )
    rows += ["</tbody>", "</table>", "</div>"]
    return "\n".join(rows)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def jinja_globals() -> dict[str, object]:
    return {"ring_svg": ring_svg, "horizon_svg": horizon_svg, "sector_matrix": sector_matrix}
