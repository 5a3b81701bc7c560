"""Fixes to markup of Material for MkDocs that no template override can reach (docs/publishing.md).

Material's `base.html` writes its two toggle checkboxes outside any template block, with
`autocomplete="off"`, which HTML allows only on text-like inputs (the Nu HTML Checker reports
it on every page). Material sets it so browsers do not restore an open drawer when a visitor
goes back; `assets/toggles.js` does that job instead. The hook applies these fixes to every page
it writes; if a Material upgrade changes the markup, nothing is replaced and the Nu HTML Checker
test fails, which is the signal to look again.
"""

from __future__ import annotations

TOGGLES = ("drawer", "search")


def _toggle(name: str, autocomplete: bool) -> str:
    extra = ' autocomplete="off"' if autocomplete else ""
    return f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"{extra}>'


REPLACEMENTS = tuple((_toggle(name, True), _toggle(name, False)) for name in TOGGLES)


def fix_material_markup(page: str) -> str:
    for old, new in REPLACEMENTS:
        page = page.replace(old, new, 1)
    return page
