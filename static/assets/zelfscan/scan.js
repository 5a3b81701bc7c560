/* The self-scan (/zelfscan/): the report's recommendations as questions, grouped by ring and
 * element (the page renders them; this module adds no question of its own). It counts the answers
 * per element and ring, draws them with a table as the text alternative, and puts the "deels" and
 * "nog niet" recommendations, with the interventions of those elements for the chosen sector, into
 * the action plan as suggestions. #tb-scan[data-tb-ready] is the ready signal: saved answers are
 * restored and the plan's data has been loaded (or has failed to). Answers stay in localStorage. */

import { add, el } from "../shared/dom.js";
import * as store from "../plan/store.js";
import { loadPlanData } from "../plan/data.js";

const SCAN_STORE = "tb-zelfscan-v1";
const ANSWERS = ["al", "deels", "nee", "nvt"];
const COLUMNS = ["al", "deels", "nee", "nvt", "open"];
const LABELS = { al: "Doen we al", deels: "Deels", nee: "Nog niet", nvt: "Niet van toepassing", open: "Nog niet beantwoord" };
const SUGGEST = ["deels", "nee"]; // answers whose recommendations become suggestions

function plural(n, one, many) {
  return n + " " + (n === 1 ? one : many);
}

class Scan {
  constructor(form) {
    this.form = form;
    this.sector = form.querySelector("#tb-scan-sector");
    this.sectors = Array.from(this.sector.options).map((o) => o.value);
    this.rings = Array.from(form.querySelectorAll("section[data-ring]")).map((s) => ({
      id: s.getAttribute("data-ring"),
      title: s.querySelector("h2").textContent.trim(),
      elements: Array.from(s.querySelectorAll("section[data-element]")).map((e) => ({
        id: e.getAttribute("data-element"),
        title: e.querySelector("h3").textContent.trim(),
        questions: Array.from(e.querySelectorAll("fieldset[data-rec]")).map((f) => f.getAttribute("data-rec")),
      })),
    }));
    this.ids = new Set(this.rings.flatMap((r) => r.elements.flatMap((e) => e.questions)));
    this.result = document.getElementById("tb-scan-result");
    this.progress = document.getElementById("tb-scan-progress");
    this.summary = document.getElementById("tb-scan-summary");
    this.status = document.getElementById("tb-scan-status");
    this.notice = el("div", { class: "tb-scan__notice", role: "alert" });
    form.parentNode.insertBefore(this.notice, form);
    this.data = null;
  }

  answers() {
    const out = {};
    for (const input of this.form.querySelectorAll('fieldset[data-rec] input[type="radio"]:checked')) out[input.name] = input.value;
    return out;
  }

  /* Saved answers, keeping every one that can be read. */
  restore() {
    let raw = null;
    try {
      raw = window.localStorage.getItem(SCAN_STORE);
    } catch (e) {
      return;
    }
    if (raw === null) return;
    let data = null;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      data = null;
    }
    if (!data || typeof data !== "object" || !data.answers || typeof data.answers !== "object") {
      this.warn("Je eerder bewaarde antwoorden konden niet worden gelezen; de scan begint leeg. Zodra je een antwoord kiest, worden de onleesbare gegevens overschreven.");
      return;
    }
    let bad = 0;
    for (const [id, value] of Object.entries(data.answers)) {
      if (!this.ids.has(id) || ANSWERS.indexOf(value) < 0) {
        bad++;
        continue;
      }
      const input = this.form.querySelector('fieldset[data-rec="' + CSS.escape(id) + '"] input[value="' + value + '"]');
      if (input) input.checked = true;
    }
    if (this.sectors.indexOf(data.sector) >= 0) this.sector.value = data.sector;
    else if (data.sector !== undefined) bad++;
    if (bad) this.warn(plural(bad, "bewaard antwoord was", "bewaarde antwoorden waren") + " onleesbaar of hoort niet (meer) bij de scan en " + (bad === 1 ? "is" : "zijn") + " weggelaten; de andere antwoorden staan er weer.");
  }

  warn(text) {
    this.notice.appendChild(el("p", null, text));
  }

  save() {
    try {
      window.localStorage.setItem(SCAN_STORE, JSON.stringify({ version: 1, sector: this.sector.value, answers: this.answers() }));
    } catch (e) {
      this.say("Je antwoorden konden niet worden bewaard: de opslag van deze browser is vol of staat uit.");
    }
  }

  say(text) {
    this.status.textContent = text;
  }

  /* Ids for the plan, in element order: the element's "deels"/"nog niet" recommendations, then its
   * interventions for the sector (every intervention that names the element), each id once. */
  suggestions() {
    const answers = this.answers();
    const sector = this.sector.value;
    const out = [];
    const seen = new Set();
    const push = (id) => {
      if (!seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
    };
    let recs = 0;
    for (const group of this.data ? this.data.groups : []) {
      if (!group.ring) continue;
      const wanted = group.items.filter((i) => i.kind === "Aanbeveling" && SUGGEST.indexOf(answers[i.id]) >= 0);
      if (!wanted.length) continue;
      wanted.forEach((i) => push(i.id));
      recs += wanted.length;
      for (const iv of group.interventions) {
        const item = this.data.byId.get("aanpak/" + iv);
        if (item && (!sector || item.sectors.indexOf(sector) >= 0)) push(item.id);
      }
    }
    return { ids: out, recs: recs, interventions: out.length - recs };
  }

  counts() {
    const answers = this.answers();
    const zero = () => ({ al: 0, deels: 0, nee: 0, nvt: 0, open: 0, total: 0 });
    return this.rings.map((ring) => {
      const sum = zero();
      const elements = ring.elements.map((e) => {
        const c = zero();
        for (const q of e.questions) {
          c[answers[q] || "open"]++;
          c.total++;
        }
        for (const k of COLUMNS.concat(["total"])) sum[k] += c[k];
        return { element: e, counts: c };
      });
      return { ring, counts: sum, elements };
    });
  }

  update() {
    const rings = this.counts();
    const total = rings.reduce((n, r) => n + r.counts.total, 0);
    const open = rings.reduce((n, r) => n + r.counts.open, 0);
    this.progress.textContent = "Je hebt " + (total - open) + " van de " + total + " aanbevelingen beantwoord.";
    this.summary.textContent = "";
    this.summary.appendChild(this.chart(rings));
    this.summary.appendChild(this.table(rings));
    const s = this.suggestions();
    const sector = this.sector.value;
    let text;
    if (!this.data) text = "De aanpakken konden niet worden geladen, dus de scan kan nu geen suggesties in je actieplan zetten.";
    else if (!s.recs) text = "Nog geen suggesties: die komen bij de aanbevelingen die jullie deels of nog niet doen.";
    else {
      text =
        "Suggesties voor je actieplan: " +
        plural(s.recs, "aanbeveling", "aanbevelingen") +
        " die jullie deels of nog niet doen, en " +
        plural(s.interventions, "aanpak", "aanpakken") +
        " bij die elementen" +
        (sector ? " voor het " + sector.toLowerCase() : "") +
        ".";
    }
    const p = this.result.querySelector(".tb-scan__suggest") || el("p", { class: "tb-scan__suggest", id: "tb-scan-suggest" });
    p.textContent = text;
    this.summary.appendChild(p);
  }

  /* Bars per element and ring; a picture only (role="img" with the totals as its name): the table
   * next to it is the text alternative with every number. */
  chart(rings) {
    const label = rings
      .map((r) => r.ring.title + ": " + COLUMNS.filter((k) => r.counts[k]).map((k) => r.counts[k] + " " + LABELS[k].toLowerCase()).join(", "))
      .join("; ");
    const figure = el("figure", { class: "tb-scan-chart" });
    const legend = el("p", { class: "tb-scan-chart__legend", "aria-hidden": "true" });
    for (const k of COLUMNS) {
      const swatch = el("span", { class: "tb-scan-chart__swatch tb-scan-chart__seg--" + k });
      add(legend, add(el("span", { class: "tb-scan-chart__key" }), swatch, " " + LABELS[k]), " ");
    }
    const bars = el("div", { class: "tb-scan-chart__bars", role: "img", "aria-label": "Antwoorden per niveau. " + label + "." });
    const row = (title, counts, cls) => {
      const bar = el("span", { class: "tb-scan-chart__bar" });
      for (const k of COLUMNS) {
        if (!counts[k]) continue;
        const seg = el("span", { class: "tb-scan-chart__seg tb-scan-chart__seg--" + k });
        seg.style.flexGrow = String(counts[k]);
        bar.appendChild(seg);
      }
      return add(el("div", { class: "tb-scan-chart__row " + (cls || "") }), el("span", { class: "tb-scan-chart__label" }, title), bar);
    };
    for (const r of rings) {
      const group = el("div", { class: "tb-scan-chart__ring" });
      group.appendChild(row(r.ring.title, r.counts, "tb-scan-chart__row--ring"));
      for (const e of r.elements) group.appendChild(row(e.element.title, e.counts));
      bars.appendChild(group);
    }
    add(figure, legend, bars, el("figcaption", null, "Per niveau (vet) en per werkzaam element: hoeveel aanbevelingen jullie al doen, deels doen, nog niet doen of niet van toepassing vinden. De tabel hieronder geeft dezelfde aantallen."));
    return figure;
  }

  table(rings) {
    const table = el("table"); // no class: the theme styles tables without one
    table.appendChild(el("caption", { id: "tb-scan-table-caption" }, "Antwoorden per werkzaam element en niveau"));
    const head = el("tr");
    head.appendChild(el("th", { scope: "col" }, "Element"));
    for (const k of COLUMNS) head.appendChild(el("th", { scope: "col" }, LABELS[k]));
    table.appendChild(add(el("thead"), head));
    for (const r of rings) {
      const body = el("tbody", { "data-ring": r.ring.id });
      const line = (title, counts, cls, key) => {
        const tr = el("tr", { class: cls || null, "data-key": key });
        tr.appendChild(el("th", { scope: "row" }, title));
        for (const k of COLUMNS) tr.appendChild(el("td", { "data-answer": k }, counts[k]));
        return tr;
      };
      body.appendChild(line(r.ring.title + " (alle elementen)", r.counts, "tb-scan-table__ring", "ring:" + r.ring.id));
      for (const e of r.elements) body.appendChild(line(e.element.title, e.counts, null, e.element.id));
      table.appendChild(body);
    }
    // On a narrow screen the table scrolls sideways: the region can then take focus to scroll with keys.
    return add(el("div", { class: "tb-scan-table__wrap", role: "region", tabindex: "0", "aria-labelledby": "tb-scan-table-caption" }), table);
  }

  apply() {
    if (!this.data) {
      this.say("De aanpakken konden niet worden geladen. Probeer het later opnieuw; je antwoorden blijven bewaard.");
      return;
    }
    const s = this.suggestions();
    if (!s.ids.length) {
      this.say("Er zijn nog geen suggesties: geef eerst aan welke aanbevelingen jullie deels of nog niet doen.");
      return;
    }
    const report = store.newReport();
    const items = s.ids.map((id) => {
      const found = this.data.byId.get(id);
      return store.cleanItem({ id, text: found.text, group: found.group.title, suggested: true }, report);
    });
    const result = store.addMany(items);
    this.status.textContent = "";
    if (result === null) {
      this.say("De suggesties konden niet worden bewaard: de opslag van deze browser is vol of staat uit.");
      return;
    }
    const text =
      plural(result.added, "suggestie", "suggesties") +
      " in je actieplan gezet" +
      (result.present ? "; " + plural(result.present, "stond", "stonden") + " er al in" : "") +
      ". ";
    add(this.status, text, el("a", { href: this.form.getAttribute("data-plan") }, "Bekijk je actieplan"));
    this.status.setAttribute("data-tb-done", String(result.added));
  }

  async start() {
    this.restore();
    this.result.hidden = false;
    this.data = await loadPlanData(this.form.getAttribute("data-items"));
    this.update();
    this.form.addEventListener("change", () => {
      this.save();
      this.update();
      this.status.removeAttribute("data-tb-done");
    });
    document.getElementById("tb-scan-apply").addEventListener("click", () => this.apply());
    document.getElementById("tb-scan-reset").addEventListener("click", () => {
      if (!window.confirm("Wil je alle antwoorden van de zelfscan wissen? Je actieplan blijft zoals het is.")) return;
      for (const input of this.form.querySelectorAll("input:checked")) input.checked = false;
      this.sector.value = "";
      this.save();
      this.update();
      this.say("Alle antwoorden zijn gewist.");
    });
    this.form.setAttribute("data-tb-ready", "");
  }
}

export function startScan(form) {
  return new Scan(form).start();
}
