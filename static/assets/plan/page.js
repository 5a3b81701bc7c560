/* The plan page (/actieplan/): the team plan with owner, deadline, status and note per item,
 * three ways to group it, exports, the share link and import from a link or a file.
 * #tb-plan[aria-busy="false"] is the page's ready signal: the catalog is loaded, the stored plan
 * drawn and a shared plan in the address (if any) read. */

import { add, clip, download, el } from "../shared/dom.js";
import * as store from "./store.js";
import { loadPlanData } from "./data.js";
import { details, longDate, resolveRows, sections } from "./rows.js";
import { toCsv, toFile, toIcs, toMarkdown } from "./exports.js";
import { LINK_LIMIT, MAX_FILE, decodePlan, linkPayload, readPlanFile, shareLink } from "./share.js";

const VIEW_LABELS = { element: "Element", status: "Status", deadline: "Deadline" };

function safeId(id) {
  return id.replace(/[^a-z0-9-]/g, "_");
}

function points(n) {
  return n + (n === 1 ? " punt" : " punten");
}

function button(id, text, onClick, extra) {
  const b = el("button", Object.assign({ type: "button", class: "md-button", id: id }, extra || {}), text);
  b.addEventListener("click", onClick);
  return b;
}

export async function startPlanPage(root) {
  root.setAttribute("aria-busy", "true");
  const index = await loadPlanData(root.getAttribute("data-items"));
  await new PlanPage(root, index).start();
  root.setAttribute("aria-busy", "false");
}

class PlanPage {
  constructor(root, index) {
    this.root = root;
    this.index = index;
    this.scanHref = root.getAttribute("data-scan");
    this.share = null;
    root.textContent = "";
    // Problems stay until closed; the body is redrawn; the live line announces what an action did.
    this.notice = el("div", { class: "tb-plan__notice", role: "alert" });
    this.importBox = el("section", { class: "tb-plan__import", "aria-labelledby": "tb-import-title", hidden: true });
    this.body = el("div", { class: "tb-plan__body" });
    this.live = el("p", { class: "tb-plan__live", role: "status", "aria-live": "polite" });
    add(root, this.notice, this.importBox, this.body, this.live);
  }

  async start() {
    const state = store.read();
    this.items = state.items;
    this.view = state.view;
    const lines = [];
    if (state.problem === "unreadable") {
      lines.push(
        "Je opgeslagen actieplan kon niet worden gelezen: de gegevens in deze browser zijn beschadigd of komen uit een onbekende versie. Je ziet daarom een leeg plan. Zodra je iets aan je plan verandert, worden de onleesbare gegevens overschreven."
      );
    } else if (state.problem === "blocked") {
      lines.push("Deze browser laat de site niets bewaren (de lokale opslag staat uit). Je kunt het actieplan gebruiken, maar wijzigingen blijven niet bewaard; download het plan voordat je de pagina sluit.");
    }
    const mended = store.describe(state.report);
    if (mended.length) lines.push("Je opgeslagen actieplan was voor een deel onleesbaar; de rest is bewaard gebleven.", ...mended);
    if (!this.index) {
      lines.push("De onderdelen van de toolbox konden niet worden geladen. Je ziet je punten met de tekst die ze hadden toen je ze toevoegde.");
    }
    if (lines.length) this.problem(lines);
    this.draw();
    const payload = linkPayload();
    if (payload !== null) await this.openLink(payload);
    window.addEventListener("storage", (e) => {
      if (e.key !== store.STORE) return;
      this.items = store.read().items;
      this.share = null;
      this.draw();
    });
    window.addEventListener("hashchange", () => {
      const p = linkPayload();
      if (p !== null) this.openLink(p);
    });
  }

  // ---- messages and saving -------------------------------------------------------------------
  problem(lines) {
    this.notice.textContent = "";
    for (const line of lines) this.notice.appendChild(el("p", null, line));
    const close = el("button", { type: "button", class: "tb-plan__btn tb-plan__notice-close" }, "Sluit deze melding");
    close.addEventListener("click", () => {
      this.notice.textContent = "";
      const h1 = document.querySelector("article h1");
      if (h1) {
        h1.setAttribute("tabindex", "-1");
        h1.focus();
      }
    });
    this.notice.appendChild(close);
  }

  say(text) {
    this.live.textContent = text;
  }

  /* Save the in-memory plan; a share link made earlier no longer matches it. */
  commit() {
    if (this.shareBox) {
      this.shareBox.remove();
      this.shareBox = null;
    }
    this.share = null;
    if (!store.save(this.items, this.view)) {
      this.problem(["Je wijziging kon niet worden bewaard: de opslag van deze browser is vol of staat uit. Download je plan als bestand om niets kwijt te raken."]);
    }
  }

  update(id, fields) {
    const item = this.items.find((i) => i.id === id);
    if (!item) return;
    Object.assign(item, fields);
    this.commit();
  }

  rows() {
    return resolveRows(this.index, this.items);
  }

  // ---- drawing -------------------------------------------------------------------------------
  draw(focus) {
    const rows = this.rows();
    const body = this.body;
    body.textContent = "";
    if (!rows.length) {
      body.appendChild(
        el("p", { class: "tb-plan__empty" }, "Je actieplan is nog leeg. Gebruik de knop ‘Zet in mijn actieplan’ bij aanbevelingen, aanpakken en tips.")
      );
      if (this.scanHref) {
        add(
          body,
          add(el("p"), "Weet je niet waar je moet beginnen? ", el("a", { href: this.scanHref }, "Doe de zelfscan"), ": wat je team nog niet of deels doet, komt dan als suggestie in je plan.")
        );
      }
      body.appendChild(this.importControls());
      this.restoreFocus(focus);
      return;
    }
    body.appendChild(this.toolbar());
    if (this.share) body.appendChild(this.shareOutput());
    body.appendChild(this.viewChooser());
    body.appendChild(el("p", { class: "tb-plan__count", tabindex: "-1" }, points(rows.length) + " in je actieplan."));
    for (const s of sections(rows, this.view)) body.appendChild(this.section(s));
    this.restoreFocus(focus);
  }

  restoreFocus(focus) {
    if (!focus) return;
    let target = null;
    if (focus.selector) target = this.root.querySelector(focus.selector);
    if (focus.action) {
      const item = '[data-plan-item="' + focus.id + '"] ';
      target = this.root.querySelector(item + '[data-action="' + focus.action + '"]');
      if (!target || target.disabled) target = this.root.querySelector(item + "button:not([disabled])");
    }
    if (target) target.focus();
  }

  toolbar() {
    const bar = el("div", { class: "tb-plan__toolbar" });
    const save = el("div", { class: "tb-plan__tools", role: "group", "aria-label": "Actieplan downloaden en afdrukken" });
    add(
      save,
      button("tb-plan-md", "Download als Markdown", () => download("actieplan.md", "text/markdown;charset=utf-8", toMarkdown(this.rows(), this.view, new Date()))),
      " ",
      button("tb-plan-csv", "Download als CSV (Excel)", () => download("actieplan.csv", "text/csv;charset=utf-8", toCsv(this.rows(), this.view))),
      " ",
      button("tb-plan-ics", "Deadlines in je agenda (.ics)", () => {
        const rows = this.rows().filter((r) => r.due);
        if (!rows.length) {
          this.say("Geen enkel punt heeft een deadline. Geef punten een deadline om ze in je agenda te zetten.");
          return;
        }
        download("actieplan.ics", "text/calendar;charset=utf-8", toIcs(rows, new Date()));
        this.say(points(rows.length) + " met een deadline in het agendabestand.");
      }),
      " ",
      button("tb-plan-print", "Afdrukken", () => window.print())
    );
    const share = el("div", { class: "tb-plan__tools", role: "group", "aria-label": "Actieplan delen" });
    add(
      share,
      button("tb-plan-share", "Deel dit plan", () => this.makeShareLink()),
      " ",
      button("tb-plan-json", "Download om te importeren (.json)", () => this.downloadFile()),
      " ",
      this.importButton()
    );
    const clear = button(
      "tb-plan-clear",
      "Alles wissen",
      () => {
        if (window.confirm("Wil je je hele actieplan wissen? Dit kan niet ongedaan worden gemaakt.")) {
          this.items = [];
          this.commit();
          this.draw();
          this.say("Je actieplan is gewist.");
        }
      },
      { class: "md-button tb-plan__clear" }
    );
    return add(bar, save, share, add(el("div", { class: "tb-plan__tools" }), clear));
  }

  importButton() {
    const wrap = el("span", { class: "tb-plan__import-file" });
    const input = el("input", { type: "file", id: "tb-plan-file", accept: ".json,application/json", hidden: true });
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      input.value = "";
      if (file) this.openFile(file);
    });
    const b = button("tb-plan-import", "Importeer uit bestand", () => input.click());
    return add(wrap, b, input);
  }

  importControls() {
    return add(el("div", { class: "tb-plan__tools", role: "group", "aria-label": "Actieplan importeren" }), this.importButton());
  }

  downloadFile() {
    download("actieplan.json", "application/json;charset=utf-8", toFile(this.items, this.rows(), new Date()));
  }

  async makeShareLink() {
    let link;
    try {
      link = await shareLink(this.items);
    } catch (e) {
      this.problem(["Deze browser kan geen deellink maken. Download het plan als bestand om het te delen."]);
      return;
    }
    this.share = { link, length: link.length, fits: link.length <= LINK_LIMIT };
    this.draw({ selector: this.share.fits ? "#tb-plan-share-link" : "#tb-plan-share-file" });
  }

  shareOutput() {
    const s = this.share;
    const box = el("div", { class: "tb-plan__share", id: "tb-plan-share-out", "data-length": s.length, "data-fits": s.fits ? "true" : "false" });
    this.shareBox = box;
    const size = s.length.toLocaleString("nl-NL");
    if (s.fits) {
      const input = el("input", { type: "text", id: "tb-plan-share-link", class: "tb-plan__share-link", readonly: true, value: s.link });
      input.addEventListener("focus", () => input.select());
      const copy = button("tb-plan-share-copy", "Kopieer de link", () => {
        const done = () => this.say("De link is gekopieerd.");
        const fail = () => {
          input.focus();
          input.select();
          this.say("Kopiëren lukte niet. De link is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C).");
        };
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s.link).then(done, fail);
        else fail();
      });
      add(
        box,
        add(el("p"), el("label", { for: "tb-plan-share-link" }, "Deellink")),
        add(el("p", { class: "tb-plan__share-row" }), input, " ", copy),
        el(
          "p",
          null,
          "De link is " + size + " tekens lang en bevat het hele plan: de punten met hun eigenaar, deadline, status en notitie. Dat staat achter het #-teken, en dat deel van een adres stuurt een browser nooit naar een server, ook niet naar deze site. Wie de link heeft, kan het plan lezen: deel hem alleen met je team. Wie hem opent, kiest zelf of het plan naast of in plaats van het eigen plan komt."
        )
      );
    } else {
      add(
        box,
        el(
          "p",
          null,
          "Dit plan is te groot voor een deellink: de link zou " + size + " tekens lang worden, en veel mail- en chatprogramma's knippen links van meer dan " + LINK_LIMIT.toLocaleString("nl-NL") + " tekens af. Stuur het plan daarom als bestand: download het hieronder en stuur het op. Je collega opent het op deze pagina met ‘Importeer uit bestand’."
        ),
        add(el("p"), button("tb-plan-share-file", "Download het plan als bestand", () => this.downloadFile()))
      );
    }
    return box;
  }

  viewChooser() {
    const set = add(el("fieldset", { class: "tb-plan__view" }), el("legend", null, "Groepeer op"));
    for (const v of store.VIEWS) {
      const input = el("input", { type: "radio", name: "tb-plan-view", value: v, id: "tb-plan-view-" + v, checked: v === this.view });
      input.addEventListener("change", () => {
        if (!input.checked) return;
        this.view = v;
        this.commit();
        this.draw({ selector: "#tb-plan-view-" + v });
        this.say("Gegroepeerd op " + VIEW_LABELS[v].toLowerCase() + ".");
      });
      add(set, add(el("label", { for: "tb-plan-view-" + v }), input, " " + VIEW_LABELS[v]), " ");
    }
    return set;
  }

  section(s) {
    const section = el("section", { class: "tb-plan__group", "aria-label": s.kind + ": " + s.title });
    const h2 = add(el("h2", { class: "tb-plan__title" }), el("span", { class: "tb-plan__kind" }, s.kind + ": "));
    if (s.url) h2.appendChild(el("a", { href: s.url }, s.title));
    else h2.appendChild(document.createTextNode(s.title));
    section.appendChild(h2);
    if (this.view === "element") {
      for (const d of details(s.rows[0])) {
        if (d[0] === "Sectoren") continue; // per item below
        section.appendChild(add(el("p", { class: "tb-plan__meta" }), el("strong", null, d[0] + ": "), d[1]));
      }
    }
    const ol = el(this.view === "element" ? "ol" : "ul", { class: "tb-plan__items" });
    s.rows.forEach((r, i) => ol.appendChild(this.item(r, i, s.rows)));
    section.appendChild(ol);
    return section;
  }

  item(r, i, groupRows) {
    const key = safeId(r.id);
    const li = el("li", { class: "tb-plan__item", "data-plan-item": r.id, "data-status": r.status });
    const p = add(el("p", { class: "tb-plan__text" }), el("strong", null, r.kind + ": "));
    if (r.ownPage && r.url) p.appendChild(el("a", { href: r.url }, r.text));
    else p.appendChild(document.createTextNode(r.text));
    if (r.sectors.length) p.appendChild(document.createTextNode(" (" + r.sectors.join(", ") + ")"));
    if (r.suggested) add(p, " ", el("span", { class: "tb-plan__tag" }, "Suggestie uit de zelfscan"));
    li.appendChild(p);
    if (this.view !== "element") {
      const ctx = add(el("p", { class: "tb-plan__context" }), r.groupKind + ": ");
      ctx.appendChild(r.groupUrl ? el("a", { href: r.groupUrl }, r.groupTitle) : document.createTextNode(r.groupTitle));
      li.appendChild(ctx);
    }
    if (r.kind === "Aanpak" && r.description) li.appendChild(el("p", { class: "tb-plan__description" }, r.description));

    const facts = el("p", { class: "tb-plan__facts-print" });
    const showFacts = () => {
      const it = this.items.find((x) => x.id === r.id) || r;
      facts.textContent = [
        "Eigenaar: " + (it.owner.trim() || "–"),
        "Deadline: " + (it.due ? longDate(it.due) : "–"),
        "Status: " + store.STATUS_LABELS[it.status],
      ].join(" · ");
    };

    const fields = el("div", { class: "tb-plan__fields" });
    const owner = el("input", { type: "text", id: "tb-owner-" + key, class: "tb-plan__owner", maxlength: store.LIMITS.owner, autocomplete: "off" });
    owner.value = r.owner;
    owner.addEventListener("input", () => {
      this.update(r.id, { owner: owner.value.slice(0, store.LIMITS.owner) });
      showFacts();
    });
    const due = el("input", { type: "date", id: "tb-due-" + key, class: "tb-plan__due" });
    due.value = r.due;
    due.addEventListener("change", () => {
      this.update(r.id, { due: store.cleanDate(due.value) });
      if (this.view === "deadline") this.draw({ selector: "#tb-due-" + key });
      else showFacts();
    });
    const state = el("select", { id: "tb-state-" + key, class: "tb-plan__state" });
    for (const s of store.STATUSES) state.appendChild(el("option", { value: s, selected: s === r.status }, store.STATUS_LABELS[s]));
    state.addEventListener("change", () => {
      this.update(r.id, { status: state.value });
      li.setAttribute("data-status", state.value);
      if (this.view === "status") this.draw({ selector: "#tb-state-" + key });
      else showFacts();
    });
    add(
      fields,
      add(el("span", { class: "tb-plan__field" }), el("label", { for: "tb-owner-" + key, class: "tb-plan__label" }, "Eigenaar"), owner),
      add(el("span", { class: "tb-plan__field" }), el("label", { for: "tb-due-" + key, class: "tb-plan__label" }, "Deadline"), due),
      add(el("span", { class: "tb-plan__field" }), el("label", { for: "tb-state-" + key, class: "tb-plan__label" }, "Status"), state)
    );
    li.appendChild(fields);

    const noteId = "tb-note-" + key;
    li.appendChild(el("label", { for: noteId, class: "tb-plan__label" }, "Notitie"));
    const area = el("textarea", { id: noteId, rows: "2", class: "tb-plan__note" });
    area.value = r.note;
    const printed = el("p", { class: "tb-plan__note-print" }, r.note);
    area.addEventListener("input", () => {
      if (area.value.length > store.LIMITS.note) {
        area.value = area.value.slice(0, store.LIMITS.note);
        this.problem(["Een notitie mag hoogstens " + store.LIMITS.note.toLocaleString("nl-NL") + " tekens hebben; de rest van de tekst is weggelaten."]);
      }
      this.update(r.id, { note: area.value });
      printed.textContent = area.value;
    });
    add(li, area, printed, facts);
    showFacts();

    const actions = el("p", { class: "tb-plan__actions" });
    const label = clip(r.text, 60);
    const specs = [["verwijder", "Verwijder", true]];
    if (this.view === "element") specs.unshift(["omhoog", "Omhoog", i > 0], ["omlaag", "Omlaag", i < groupRows.length - 1]);
    for (const [action, text, enabled] of specs) {
      const b = el("button", { type: "button", class: "tb-plan__btn", "data-action": action, "aria-label": text + ": " + label }, text);
      if (!enabled) b.disabled = true;
      b.addEventListener("click", () => this.act(action, r.id, groupRows));
      add(actions, b, " ");
    }
    li.appendChild(actions);
    return li;
  }

  /* Remove an item, or move it past its neighbour within its group (the plan order is one list). */
  act(action, id, groupRows) {
    const items = this.items;
    const at = items.findIndex((s) => s.id === id);
    if (at < 0) return;
    if (action === "verwijder") {
      items.splice(at, 1);
      this.commit();
      this.draw({ selector: "button" });
      this.say("Verwijderd uit je actieplan.");
      return;
    }
    const ids = groupRows.map((r) => r.id);
    const pos = ids.indexOf(id);
    const other = ids[action === "omhoog" ? pos - 1 : pos + 1];
    const bt = items.findIndex((s) => s.id === other);
    if (bt < 0) return;
    [items[at], items[bt]] = [items[bt], items[at]];
    this.commit();
    this.draw({ id, action });
    this.say("Verplaatst naar plaats " + (action === "omhoog" ? pos : pos + 2) + ".");
  }

  // ---- import from a link or a file ----------------------------------------------------------
  clearLink() {
    if (linkPayload() !== null) window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }

  async openLink(payload) {
    if (!this.index) {
      this.problem(["Het gedeelde plan kan nu niet worden geopend, omdat de onderdelen van de toolbox niet konden worden geladen. Laad de pagina later opnieuw; de link blijft werken."]);
      return;
    }
    let result;
    try {
      result = await decodePlan(payload);
    } catch (e) {
      this.clearLink();
      this.problem([
        "Deze deellink is beschadigd of onvolledig en kon niet worden gelezen. Er is niets aan je actieplan veranderd. Vraag degene die de link stuurde om een nieuwe link, of om het plan als bestand.",
      ]);
      return;
    }
    this.offer(result, "link");
  }

  async openFile(file) {
    if (file.size > MAX_FILE) {
      this.problem(["Dit bestand is te groot voor een actieplan (hoogstens 2 MB). Er is niets aan je actieplan veranderd."]);
      return;
    }
    if (!this.index) {
      this.problem(["Het bestand kan nu niet worden geopend, omdat de onderdelen van de toolbox niet konden worden geladen. Laad de pagina later opnieuw."]);
      return;
    }
    let result;
    try {
      result = readPlanFile(await file.text());
    } catch (e) {
      this.problem([
        "Dit bestand is geen actieplan van de Samen Sterker toolbox, of het is beschadigd. Kies het bestand ‘actieplan.json’ dat je met ‘Download om te importeren’ hebt gemaakt. Er is niets aan je actieplan veranderd.",
      ]);
      return;
    }
    this.offer(result, "file");
  }

  /* Show what came in and let the visitor choose: next to the own plan, instead of it, or not. */
  offer(result, source) {
    const byId = this.index.byId;
    const known = result.items.filter((i) => byId.has(i.id));
    const unknown = result.items.length - known.length;
    const lines = store.describe(result.report);
    if (unknown) lines.push(points(unknown) + (unknown === 1 ? " staat" : " staan") + " niet (meer) in de toolbox en " + (unknown === 1 ? "is" : "zijn") + " weggelaten.");
    const what = source === "link" ? "De deellink" : "Het bestand";
    if (!known.length) {
      this.clearLink();
      this.problem([what + " bevat geen punten die deze toolbox kent. Er is niets aan je actieplan veranderd.", ...lines]);
      return;
    }
    if (lines.length) this.problem([what + " was voor een deel onleesbaar; de rest kun je hieronder openen.", ...lines]);
    const incoming = known.map((i) => {
      const found = byId.get(i.id);
      return Object.assign({}, i, { text: found.text, group: found.group.title });
    });
    const own = this.items.length;
    const box = this.importBox;
    box.textContent = "";
    const title = el("h2", { id: "tb-import-title", tabindex: "-1" }, source === "link" ? "Gedeeld actieplan openen" : "Actieplan uit een bestand openen");
    const summary =
      (source === "link" ? "Dit gedeelde plan bevat " : "Dit bestand bevat ") +
      points(incoming.length) +
      "." +
      (own ? " Je eigen actieplan in deze browser heeft " + points(own) + "." : " Je eigen actieplan in deze browser is nog leeg.");
    const list = el("ul", { class: "tb-plan__import-list" });
    incoming.slice(0, 8).forEach((i) => list.appendChild(el("li", null, clip(i.text, 100))));
    if (incoming.length > 8) list.appendChild(el("li", null, "en nog " + points(incoming.length - 8)));
    const done = (message) => {
      box.hidden = true;
      box.textContent = "";
      this.clearLink();
      this.commit();
      this.draw({ selector: ".tb-plan__count" });
      this.say(message);
    };
    const addButton = button("tb-import-add", own ? "Zet ze bij mijn plan" : "Open dit plan", () => {
      const ids = new Set(this.items.map((i) => i.id));
      const fresh = incoming.filter((i) => !ids.has(i.id)).slice(0, Math.max(0, store.LIMITS.items - this.items.length));
      this.items = this.items.concat(fresh);
      const kept = incoming.length - fresh.length;
      done(points(fresh.length) + " toegevoegd aan je actieplan." + (kept ? " " + points(kept) + (kept === 1 ? " stond" : " stonden") + " er al in en " + (kept === 1 ? "is" : "zijn") + " niet veranderd." : ""));
    }, { class: "md-button md-button--primary" });
    const buttons = add(el("p", { class: "tb-plan__import-actions" }), addButton, " ");
    if (own) {
      buttons.appendChild(
        button("tb-import-replace", "Vervang mijn plan", () => {
          const ok = window.confirm(
            "Wil je je eigen actieplan (" + points(own) + ") vervangen door " + (source === "link" ? "het gedeelde plan" : "het plan uit het bestand") + " (" + points(incoming.length) + ")? Je eigen plan gaat dan verloren; download het eerst als je het wilt bewaren."
          );
          if (!ok) {
            this.say("Je eigen actieplan is niet veranderd.");
            return;
          }
          this.items = incoming;
          done("Je actieplan is vervangen door " + (source === "link" ? "het gedeelde plan" : "het plan uit het bestand") + ".");
        })
      );
      buttons.appendChild(document.createTextNode(" "));
    }
    buttons.appendChild(
      button("tb-import-cancel", "Niet openen", () => {
        box.hidden = true;
        box.textContent = "";
        this.clearLink();
        this.say("Het plan is niet geopend; je eigen actieplan is niet veranderd.");
        const h1 = document.querySelector("article h1");
        if (h1) {
          h1.setAttribute("tabindex", "-1");
          h1.focus();
        }
      })
    );
    add(box, title, el("p", null, summary), list, buttons);
    box.hidden = false;
    title.focus();
  }
}
