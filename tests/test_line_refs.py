"""Line numbers of the reports' text versions are for editors: on the site they sit in `.tb-lines`,
which only the record footer's editors' view shows (issue 12)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from toolbox.catalog import load_catalog
from toolbox.render import render_site
from toolbox.text import editors_only_line_refs

HIDDEN = re.compile(r'<span class="tb-lines" data-pagefind-ignore>.*?</span>')


@pytest.mark.parametrize(
    ("html", "visible"),
    [
        ("<p>acht casussen (regel 673 van de tekstversie) en</p>", "<p>acht casussen en</p>"),
        ("<p>in bijlage 3 (regels 1193-1198).</p>", "<p>in bijlage 3.</p>"),
        ("<p>gebroken (regels 6772 en 6784); de toolbox</p>", "<p>gebroken; de toolbox</p>"),
        ("<p>Kader 1 (‘What’s in a name?’, regels 347-383) staat</p>", "<p>Kader 1 (‘What’s in a name?’) staat</p>"),
        ("<p>12 regels tekst (regelmatig)</p>", "<p>12 regels tekst (regelmatig)</p>"),  # not a reference
    ],
)
def test_line_references_are_marked_for_editors(html: str, visible: str) -> None:
    assert HIDDEN.sub("", editors_only_line_refs(html)) == visible


def test_no_page_shows_a_bracketed_line_reference_to_readers() -> None:
    pages = render_site(load_catalog(ROOT))
    shown = re.compile(r"\((?:[^()]*, )?regels? [0-9]+(?:[-–][0-9]+)?(?: van de tekstversie)?\)")
    found = {uri: shown.findall(HIDDEN.sub("", p.text)) for uri, p in pages.items() if uri.endswith(".md")}
    assert {u: f for u, f in found.items() if f} == {}
