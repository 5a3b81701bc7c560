"""The team plan: owner, deadline and status; grouping; adding from the finder and search; the share
link and file import; exports; and bad input (tampered links, damaged storage, huge notes)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.plan_helpers import (
    CAT,
    axe_wcag22,
    fresh_page,
    item,
    open_plan,
    plan_ids,
    read_share_link,
    share_link,
    store_plan,
    stored,
)
from tests.browser.test_a11y import SCHEMES, run_axe
from tests.test_handouts import pdf_pages
from toolbox import browser_data, markup
from toolbox.figures import nl_date

OWNERS = ["Sanne de Vries", "Ahmed", "Team mentoraat", "Lotte (decaan)", "Jeroen", "Fatma Yilmaz"]
# Forty different notes a team might write (built from parts, so no two are the same).
_DO = ["Bespreken in", "Voorleggen aan", "Navragen bij", "Uitzoeken met", "Plannen met", "Terugkoppelen aan"]
_WHO = [
    "het teamoverleg",
    "de opleidingscommissie",
    "de studentenraad",
    "de mentoren van jaar 1",
    "het MT",
    "de decanen",
    "de studievereniging",
]
_WHEN = ["vóór de zomer", "in periode 2", "na de NSE", "bij de start van het jaar", "in de volgende studiedag"]


def forty_item_plan() -> list[dict[str, Any]]:
    ids = plan_ids()[::3][:40]
    assert len(ids) == 40
    return [
        item(
            id,
            owner=OWNERS[n % len(OWNERS)],
            due=f"2026-{1 + n % 12:02d}-{1 + (n * 7) % 28:02d}" if n % 5 else "",
            status=["gepland", "bezig", "klaar"][n % 3],
            note=f"{_DO[n % 6]} {_WHO[n % 7]} {_WHEN[n % 5]}" + ("; budget aanvragen" if n % 4 == 0 else ""),
        )
        for n, id in enumerate(ids)
    ]


def make_share_link(page: Any) -> tuple[str, int, bool]:
    page.click("#tb-plan-share")
    out = page.wait_for_selector("#tb-plan-share-out")
    length = int(out.get_attribute("data-length") or 0)
    fits = out.get_attribute("data-fits") == "true"
    link = page.input_value("#tb-plan-share-link") if fits else ""
    return link, length, fits


def shown_plan(page: Any) -> list[dict[str, Any]]:
    """The plan as the page shows it: per item its id and the values of its fields."""
    return list(
        page.locator("[data-plan-item]").evaluate_all(
            """ls => ls.map(l => ({id: l.dataset.planItem, owner: l.querySelector('.tb-plan__owner').value,
            due: l.querySelector('.tb-plan__due').value, status: l.querySelector('.tb-plan__state').value,
            note: l.querySelector('textarea').value}))"""
        )
    )


def test_owner_deadline_and_status_survive_a_reload(page: Any, site_url: str) -> None:
    el = next(iter(CAT.elements.values()))
    page.goto(f"{site_url}/elementen/{el.id}/")
    for n in (1, 2):
        page.locator(f'[data-plan-button="{el.id}/aanbeveling-{n}"]').click()
    open_plan(page, f"{site_url}/actieplan/")
    first = page.locator(f'[data-plan-item="{el.id}/aanbeveling-1"]')
    first.get_by_label("Eigenaar").fill("Sanne de Vries")
    first.get_by_label("Deadline").fill("2026-03-01")
    first.get_by_label("Status").select_option("bezig")
    first.get_by_label("Notitie").fill("Eerst de mentoren vragen")
    open_plan(page)
    assert shown_plan(page) == [
        {
            "id": f"{el.id}/aanbeveling-1",
            "owner": "Sanne de Vries",
            "due": "2026-03-01",
            "status": "bezig",
            "note": "Eerst de mentoren vragen",
        },
        {"id": f"{el.id}/aanbeveling-2", "owner": "", "due": "", "status": "gepland", "note": ""},
    ]
    assert stored(page)[0] == {
        "id": f"{el.id}/aanbeveling-1",
        "owner": "Sanne de Vries",
        "due": "2026-03-01",
        "status": "bezig",
        "note": "Eerst de mentoren vragen",
        "suggested": False,
    }
    assert page.console_errors == []


def test_grouping_by_element_status_and_deadline(page: Any, site_url: str) -> None:
    ids = plan_ids()
    plan = [
        item(ids[0], status="klaar", due="2026-05-10"),
        item(ids[1], status="gepland", due="2026-02-01"),
        item(ids[-1], status="bezig"),
        item(ids[2], status="bezig", due="2026-02-20"),
    ]
    store_plan(page, site_url, plan)

    def view() -> list[tuple[str, list[str]]]:
        return [
            (
                s.locator("h2").inner_text(),
                s.locator("[data-plan-item]").evaluate_all("ls => ls.map(l => l.dataset.planItem)"),
            )
            for s in page.locator(".tb-plan__group").all()
        ]

    assert [shown for _, shown in view()] == [[ids[0], ids[1], ids[2]], [ids[-1]]]
    page.check("#tb-plan-view-status")
    assert view() == [("Status: Gepland", [ids[1]]), ("Status: Bezig", [ids[-1], ids[2]]), ("Status: Klaar", [ids[0]])]
    # Changing a status in this view moves the item and keeps the focus on its field.
    page.locator(f'[data-plan-item="{ids[1]}"] .tb-plan__state').select_option("klaar")
    assert view()[-1] == ("Status: Klaar", [ids[0], ids[1]])
    assert page.evaluate("document.activeElement.closest('[data-plan-item]').dataset.planItem") == ids[1]
    page.check("#tb-plan-view-deadline")
    assert view() == [
        ("Deadline: februari 2026", [ids[1], ids[2]]),
        ("Deadline: mei 2026", [ids[0]]),
        ("Deadline: Geen deadline", [ids[-1]]),
    ]
    open_plan(page)  # the chosen grouping is kept
    assert page.is_checked("#tb-plan-view-deadline")
    assert page.locator("[data-action=omhoog]").count() == 0  # order is by date here
    assert page.console_errors == []


def test_add_to_plan_from_a_finder_card_and_a_search_result(page: Any, site_url: str) -> None:
    ivs = list(CAT.interventions.values())
    card_iv, result_iv = ivs[4], ivs[9]
    page.goto(f"{site_url}/aanpakken/")
    page.wait_for_selector("#tb-finder[data-tb-ready]")
    buttons = page.locator(".tb-card [data-plan-button]")
    assert buttons.count() == len(ivs)
    btn = page.locator(f'.tb-card[data-id="{card_iv.id}"] [data-plan-button="aanpak/{card_iv.id}"]')
    btn.click()
    assert btn.get_attribute("aria-pressed") == "true"
    assert card_iv.title in (btn.get_attribute("aria-label") or "")

    page.goto(f"{site_url}/zoeken/?q={result_iv.title}")
    page.wait_for_selector("form#tb-zoek[data-tb-done]", state="attached")
    hit = page.locator(f'#tb-zoek-results li:has(a[href$="/aanpakken/{result_iv.id}/"]) [data-plan-button]')
    hit.wait_for()
    # Only results that can go in the plan (interventions) get a button, each with its own id.
    pairs = page.locator("#tb-zoek-results li:has([data-plan-button])").evaluate_all(
        "ls => ls.map(l => [l.querySelector('[data-plan-button]').dataset.planButton, new URL(l.querySelector('a').href).pathname])"
    )
    assert pairs and all(p == f"/aanpakken/{b.removeprefix('aanpak/')}/" for b, p in pairs)
    hit.click()
    assert hit.get_attribute("aria-pressed") == "true"

    open_plan(page, f"{site_url}/actieplan/")
    assert [i["id"] for i in stored(page)] == [f"aanpak/{card_iv.id}", f"aanpak/{result_iv.id}"]
    for iv in (card_iv, result_iv):
        link = page.locator(f'[data-plan-item="aanpak/{iv.id}"] .tb-plan__text a')
        assert link.inner_text() == browser_data.plain(iv.title)
        assert link.evaluate("a => new URL(a.href).pathname") == f"/aanpakken/{iv.id}/"
    assert page.console_errors == []


def test_share_link_reproduces_the_plan_and_import_asks_before_replacing(browser: Any, site_url: str) -> None:
    ids = plan_ids()
    plan = [
        item(ids[0], owner="Sanne", due="2026-03-01", status="bezig", note="Met de mentoren\nen de decanen"),
        item(ids[7], owner="Ahmed", status="klaar", suggested=True),
        item(ids[-2], note="Roadmap-tip; eerst navragen"),
    ]
    with fresh_page(browser) as page:
        store_plan(page, site_url, plan)
        link, length, fits = make_share_link(page)
        assert fits and len(link) == length and link.startswith(f"{site_url}/actieplan/#deel=")
        original = stored(page)
        assert original == plan
        assert read_share_link(link)[0] == 2  # compressed data, not the plan in plain text
        assert "Sanne" not in link
        print(f"\nshare link of a 3-item plan: {length} characters")

    with fresh_page(browser) as colleague:  # a fresh browser: an empty plan
        open_plan(colleague, link)
        box = colleague.locator(".tb-plan__import")
        assert box.is_visible()
        assert "3 punten" in box.inner_text() and "nog leeg" in box.inner_text()
        assert colleague.locator("#tb-import-replace").count() == 0  # nothing to replace
        colleague.click("#tb-import-add")
        assert stored(colleague) == original
        assert shown_plan(colleague) == [{k: i[k] for k in ("id", "owner", "due", "status", "note")} for i in original]
        assert "#deel=" not in colleague.url  # the plan is not offered again on reload
        open_plan(colleague)
        assert not colleague.locator(".tb-plan__import").is_visible()
        assert colleague.console_errors == []

    own = [item(ids[3], owner="Ik", note="Mijn eigen punt")]
    with fresh_page(browser) as other:
        store_plan(other, site_url, own)
        open_plan(other, link)
        asked: list[str] = []
        other.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        other.click("#tb-import-replace")
        assert asked and "vervangen" in asked[0]
        assert stored(other) == own  # said no: nothing changed
        assert "niet veranderd" in other.inner_text(".tb-plan__live")
        other.once("dialog", lambda d: (asked.append(d.message), d.accept()))
        other.click("#tb-import-replace")
        assert len(asked) == 2
        assert stored(other) == original

    with fresh_page(browser) as merger:
        store_plan(merger, site_url, own + [item(ids[0], owner="Ikzelf")])
        open_plan(merger, link)
        merger.click("#tb-import-add")  # next to the own plan: own items win, new ones are added
        assert stored(merger) == [own[0], item(ids[0], owner="Ikzelf"), original[1], original[2]]
        assert "2 punten toegevoegd" in merger.inner_text(".tb-plan__live")


def sentence_notes(plan: list[dict[str, Any]], length: int) -> list[dict[str, Any]]:
    """The same plan with notes cut from different sentences of the report: ordinary text that
    repeats itself less than a team's short notes do, so it compresses worse."""
    texts = [browser_data.plain(iv.description) for iv in CAT.interventions.values()]
    return [{**it, "note": texts[n % len(texts)][:length]} for n, it in enumerate(plan)]


@pytest.mark.parametrize("notes", ["team-notes", "report-sentences"])
def test_share_link_of_a_forty_item_plan_with_notes(browser: Any, site_url: str, notes: str) -> None:
    plan = forty_item_plan()
    if notes == "report-sentences":
        plan = sentence_notes(plan, 60)
    with fresh_page(browser) as page:
        store_plan(page, site_url, plan)
        link, length, fits = make_share_link(page)
        text = sum(len(i["note"]) + len(i["owner"]) for i in plan)
        print(f"\nshare link of a 40-item plan, {notes} ({text} characters of notes and owners): {length} characters")
        assert fits == (length <= 2000)
        if fits:
            assert len(link) == length
        else:
            assert "te groot voor een deellink" in page.inner_text("#tb-plan-share-out")
    if fits:
        with fresh_page(browser) as colleague:
            open_plan(colleague, link)
            colleague.click("#tb-import-add")
            assert stored(colleague) == plan


def test_too_large_a_plan_falls_back_to_the_file_and_the_file_imports(
    browser: Any, site_url: str, tmp_path: Path
) -> None:
    plan = forty_item_plan()
    for n, it in enumerate(plan):  # long, different notes: no link stays under 2,000 characters
        it["note"] = " ".join(
            f"{_DO[(n + k) % 6]} {_WHO[(n * k) % 7]} {_WHEN[(n + 2 * k) % 5]} punt {n}.{k}." for k in range(6)
        )
    with fresh_page(browser) as page:
        store_plan(page, site_url, plan)
        _, length, fits = make_share_link(page)
        print(f"\nshare link of a 40-item plan with long notes: {length} characters, so the file instead")
        assert not fits and length > 2000
        message = page.inner_text("#tb-plan-share-out")
        assert "te groot voor een deellink" in message and "2.000" in message and "Importeer uit bestand" in message
        assert page.locator("#tb-plan-share-link").count() == 0
        with page.expect_download() as dl:
            page.click("#tb-plan-share-file")
        file = tmp_path / "actieplan.json"
        dl.value.save_as(file)
        data = json.loads(file.read_text(encoding="utf-8"))
        assert data["format"] == "samen-sterker-actieplan" and len(data["items"]) == 40

    with fresh_page(browser) as colleague:
        open_plan(colleague, f"{site_url}/actieplan/")
        colleague.set_input_files("#tb-plan-file", str(file))
        colleague.wait_for_selector(".tb-plan__import:not([hidden])")
        assert "40 punten" in colleague.inner_text(".tb-plan__import")
        colleague.click("#tb-import-add")
        assert stored(colleague) == plan
        # Another file is refused with a Dutch message and changes nothing.
        other = tmp_path / "iets.json"
        other.write_text('{"format": "iets anders", "items": []}', encoding="utf-8")
        colleague.set_input_files("#tb-plan-file", str(other))
        colleague.wait_for_selector(".tb-plan__notice p")
        assert "geen actieplan van de Samen Sterker toolbox" in colleague.inner_text(".tb-plan__notice")
        assert stored(colleague) == plan
        assert colleague.console_errors == []


def _unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def _ics_text(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def test_exports_contain_every_field_and_open_as_columns(page: Any, site_url: str) -> None:
    ids = plan_ids()
    iv_id = next(i for i in ids if i.startswith("aanpak/"))
    iv = CAT.interventions[iv_id.removeprefix("aanpak/")]
    tip_id = ids[-1]
    el = next(iter(CAT.elements.values()))
    plan = [
        item(
            ids[0],
            owner="Sanne; de Vries",
            due="2026-03-01",
            status="bezig",
            note='=SOM(1) "aanhalingstekens"\nregel twee',
        ),
        item(iv_id, owner="@Ahmed", due="2026-12-31", status="klaar", note="-1 komma, puntkomma; en \\ backslash"),
        item(tip_id, note="Zonder deadline"),
    ]
    store_plan(page, site_url, plan)

    with page.expect_download() as dl:
        page.click("#tb-plan-csv")
    raw = Path(dl.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    head = rows[0]
    columns = (
        "volgorde groep soort tekst sectoren betrokkenen tijdspad notitie bron omschrijving eigenaar deadline status"
    )
    assert head == columns.split()
    assert len(rows) == 4 and all(len(r) == len(head) for r in rows)
    got = {r[head.index("tekst")]: dict(zip(head, r, strict=True)) for r in rows[1:]}
    rec = got[browser_data.plain(el.recommendations[0])]
    assert rec["eigenaar"] == "Sanne; de Vries" and rec["deadline"] == "2026-03-01" and rec["status"] == "Bezig"
    assert rec["notitie"] == '\'=SOM(1) "aanhalingstekens"\nregel twee'  # no formula, the line break kept
    assert rec["bron"] == f"{site_url}/elementen/{el.id}/"
    assert rec["omschrijving"] == browser_data.plain(el.summary)
    ivrow = got[browser_data.plain(iv.title)]
    assert ivrow["eigenaar"] == "'@Ahmed" and ivrow["notitie"].startswith("'-1") and ivrow["status"] == "Klaar"
    assert ivrow["bron"] == f"{site_url}/aanpakken/{iv.id}/" and ivrow["soort"] == "Aanpak"
    assert ivrow["omschrijving"] == browser_data.plain(markup.first_sentence(iv.description))
    assert ivrow["sectoren"] == ", ".join(iv.sectors)

    with page.expect_download() as dl:
        page.click("#tb-plan-md")
    md = Path(dl.value.path()).read_text(encoding="utf-8")
    for text in (
        "Eigenaar: Sanne; de Vries",
        "Deadline: 1 maart 2026",
        "Status: Bezig",
        "Status: Gepland",
        "Omschrijving: ",
        f"Bron: {site_url}/aanpakken/{iv.id}/",
        "Notitie: =SOM(1)",
    ):
        assert text in md, text

    with page.expect_download() as dl:
        page.click("#tb-plan-ics")
    ics = Path(dl.value.path()).read_bytes().decode("utf-8")
    physical = ics.split("\r\n")
    assert physical[0] == "BEGIN:VCALENDAR" and physical[-1] == "" and "\n" not in ics.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    lines = _unfold(ics)
    events: list[dict[str, str]] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and ":" in line and line != "END:VEVENT" and "END:VCALENDAR" not in line:
            key, value = line.split(":", 1)
            events[-1].setdefault(key, value)
    assert len(events) == 2  # the items with a deadline
    first, second = events
    assert first["DTSTART;VALUE=DATE"] == "20260301" and first["DTEND;VALUE=DATE"] == "20260302"
    assert second["DTSTART;VALUE=DATE"] == "20261231" and second["DTEND;VALUE=DATE"] == "20270101"
    assert browser_data.plain(el.recommendations[0]) in _ics_text(first["SUMMARY"])
    description = _ics_text(first["DESCRIPTION"])
    assert "Eigenaar: Sanne; de Vries" in description and "Status: Bezig" in description
    assert 'Notitie: =SOM(1) "aanhalingstekens"\nregel twee' in description
    assert first["URL"] == f"{site_url}/elementen/{el.id}/"
    assert "\\ backslash" in _ics_text(second["DESCRIPTION"]) and "puntkomma;" in _ics_text(second["DESCRIPTION"])
    assert len({e["UID"] for e in events}) == 2
    assert page.console_errors == []


def test_forty_items_print_on_a4_with_owner_deadline_and_status(page: Any, site_url: str) -> None:
    plan = forty_item_plan()
    store_plan(page, site_url, plan)
    page.emulate_media(media="print")
    for hidden in ("#tb-plan-md", ".tb-plan__fields", ".tb-plan__view", "textarea", ".md-header"):
        assert not page.locator(hidden).first.is_visible(), hidden
    facts = page.locator(f'[data-plan-item="{plan[1]["id"]}"] .tb-plan__facts-print')
    assert facts.is_visible()
    assert facts.inner_text() == f"Eigenaar: {plan[1]['owner']} · Deadline: {_long(plan[1]['due'])} · Status: Bezig"
    pages = pdf_pages(bytes(page.pdf(format="A4", print_background=False, prefer_css_page_size=True)))
    print(f"\n40-item plan on A4: {pages} pages")
    assert pages >= 1


def _long(iso: str) -> str:
    return nl_date(dt.date.fromisoformat(iso))  # the site's own Dutch date, as the build writes it


# ---- bad and hostile input ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["not-base64", "not-deflate", "cut-off", "unpacks-to-megabytes", "not-a-plan"])
def test_a_tampered_link_gives_a_dutch_message_and_changes_nothing(browser: Any, site_url: str, kind: str) -> None:
    ids = plan_ids()
    good = share_link(site_url, [2, [[i, 1, "", "Iemand", "Een notitie"] for i in ids[:30]]])
    links = {
        "not-base64": f"{site_url}/actieplan/#deel=%%%<script>",
        "not-deflate": f"{site_url}/actieplan/#deel=_____________________8",
        "cut-off": good[: len(good) * 2 // 3],  # a real link with its last third missing
        "unpacks-to-megabytes": share_link(site_url, [2, [[ids[0], 0, "", "", " " * 3_000_000]]]),
        "not-a-plan": share_link(site_url, {"items": "<img src=x onerror=window.pwned=1>"}),
    }
    own = [item(ids[5], owner="Ik")]
    with fresh_page(browser) as page:
        store_plan(page, site_url, own)
        open_plan(page, links[kind])
        notice = page.inner_text(".tb-plan__notice")
        assert "Deze deellink is beschadigd of onvolledig" in notice and "niets aan je actieplan veranderd" in notice
        assert not page.locator(".tb-plan__import").is_visible()
        assert stored(page) == own
        assert page.evaluate("window.pwned") is None
        assert page.locator("#tb-plan img, #tb-plan script").count() == 0


def test_a_hostile_link_keeps_what_can_be_kept_and_runs_no_script(browser: Any, site_url: str) -> None:
    ids = plan_ids()
    payload = [
        2,
        [
            ["javascript:alert(1)"],
            ["aanpak/bestaat-niet", 1],
            [
                ids[0],
                9,
                "2026-02-30",
                "<img src=x onerror=window.pwned=1>",
                "<script>window.pwned=2</script>" + "x" * 5000,
            ],
            [ids[1], 1, "2026-05-01", "Sanne", '<a href="javascript:window.pwned=3">klik</a>'],
            "<b>los</b>",
            42,
            [ids[1], 2],
        ],
    ]
    with fresh_page(browser) as page:
        open_plan(page, share_link(site_url, payload))
        notice = page.inner_text(".tb-plan__notice")
        for text in (
            "3 punten waren onleesbaar",
            "1 punt stond dubbel",
            "1 tekst was te lang en is ingekort",
            "1 deadline was geen geldige datum",
            "1 status was onbekend",
            "1 punt staat niet (meer) in de toolbox",
        ):
            assert text in notice, text
        assert "2 punten" in page.inner_text(".tb-plan__import")
        page.click("#tb-import-add")
        plan = stored(page)
        assert [i["id"] for i in plan] == [ids[0], ids[1]]
        assert plan[0]["owner"] == "<img src=x onerror=window.pwned=1>" and plan[0]["status"] == "gepland"
        assert plan[0]["due"] == "" and len(plan[0]["note"]) == 4000
        assert page.input_value(f'[data-plan-item="{ids[0]}"] .tb-plan__owner') == plan[0]["owner"]
        assert page.locator("#tb-plan img, #tb-plan script, #tb-plan b, #tb-plan [href^=javascript]").count() == 0
        page.emulate_media(media="print")
        assert "<script>" in page.inner_text(f'[data-plan-item="{ids[0]}"] .tb-plan__note-print')
        assert page.evaluate("window.pwned") is None
        assert page.console_errors == []


def test_damaged_storage_gives_a_dutch_message_and_keeps_what_can_be_kept(page: Any, site_url: str) -> None:
    ids = plan_ids()
    open_plan(page, f"{site_url}/actieplan/")
    page.evaluate("localStorage.setItem('tb-actieplan-v1', '{\"version\": 2, \"items\": [kapot')")
    open_plan(page)
    assert "Je opgeslagen actieplan kon niet worden gelezen" in page.inner_text(".tb-plan__notice")
    assert page.locator("[data-plan-item]").count() == 0
    assert page.locator(".tb-plan__empty").is_visible()

    # An old (version 1) plan with damaged items: the good ones stay, unknown ids get no links.
    old = {
        "version": 1,
        "items": [
            {"id": ids[0], "note": "oud", "text": "tekst", "group": "groep", "url": "/elementen/"},
            {"id": 5},
            None,
            {
                "id": "weg/oud",
                "note": "n" * 100_000,
                "due": "morgen",
                "status": "af",
                "text": "<b>klik</b>",
                "group": "<i>g</i>",
                "url": "javascript:window.pwned=1",
            },
        ],
    }
    page.evaluate("v => localStorage.setItem('tb-actieplan-v1', v)", json.dumps(old))
    open_plan(page)
    notice = page.inner_text(".tb-plan__notice")
    for text in (
        "voor een deel onleesbaar",
        "2 punten waren onleesbaar",
        "ingekort",
        "geen geldige datum",
        "op ‘gepland’ gezet",
    ):
        assert text in notice, text
    assert page.locator("[data-plan-item]").evaluate_all("ls => ls.map(l => l.dataset.planItem)") == [ids[0], "weg/oud"]
    gone = page.locator('[data-plan-item="weg/oud"]')
    assert gone.locator("a").count() == 0 and "<b>klik</b>" in gone.inner_text()
    assert page.locator(".tb-plan__group").nth(1).locator("h2 a").count() == 0
    assert len(gone.locator("textarea").input_value()) == 4000
    assert page.locator("#tb-plan b, #tb-plan i, #tb-plan img").count() == 0
    assert page.evaluate("window.pwned") is None

    # A huge note typed or pasted is cut, with a message.
    note = page.locator(f'[data-plan-item="{ids[0]}"] textarea')
    note.fill("x" * 6000)
    assert len(note.input_value()) == 4000
    assert "hoogstens 4.000 tekens" in page.inner_text(".tb-plan__notice")
    open_plan(page)
    assert len(page.locator(f'[data-plan-item="{ids[0]}"] textarea').input_value()) == 4000
    assert page.console_errors == []


# ---- accessibility ------------------------------------------------------------------------------


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.mark.parametrize(("scheme", "device"), [("light", "laptop"), ("dark", "laptop"), ("dark", "phone")])
def test_axe_finds_nothing_on_the_filled_scan_and_plan(browser: Any, site_url: str, scheme: str, device: str) -> None:
    with fresh_page(browser, color_scheme=scheme, **(PHONE if device == "phone" else {})) as page:
        page.goto(f"{site_url}/zelfscan/")
        page.wait_for_selector("#tb-scan[data-tb-ready]")
        for n, rec in enumerate(page.locator("fieldset[data-rec]").evaluate_all("fs => fs.map(f => f.dataset.rec)")):
            if n % 5:
                page.check(f'fieldset[data-rec="{rec}"] input[value="{["al", "deels", "nee", "nvt"][n % 4]}"]')
        page.locator("#tb-scan-apply").click()
        page.wait_for_selector("#tb-scan-status[data-tb-done]")
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        assert axe_wcag22(page) == [] and run_axe(page) == []

        open_plan(page, f"{site_url}/actieplan/")
        page.locator(".tb-plan__owner").first.fill("Sanne")
        page.locator(".tb-plan__due").first.fill("2026-03-01")
        make_share_link(page)
        link = page.input_value("#tb-plan-share-link")
        assert axe_wcag22(page) == [] and run_axe(page) == []
        page.check("#tb-plan-view-status")
        assert axe_wcag22(page) == [] and run_axe(page) == []
        # The import offer (next to an own plan), and a problem message.
        page.goto("about:blank")
        open_plan(page, link)
        assert page.locator("#tb-import-replace").is_visible()
        assert axe_wcag22(page) == [] and run_axe(page) == []
        page.goto("about:blank")
        open_plan(page, f"{site_url}/actieplan/#deel=kapot")
        assert page.locator(".tb-plan__notice p").count() == 1
        assert axe_wcag22(page) == [] and run_axe(page) == []
