/* The search box in the header and the search page (/zoeken/), both through engine.js.
 *
 * `/` and `s` focus the header box; arrow keys move through its results, Escape closes, Enter opens
 * /zoeken/ with all results and filters (state in the URL). Each result shows the kind of page, its
 * sectors, the part of the page it leads to and an excerpt; the only markup taken from an excerpt
 * is Pagefind's <mark>, rebuilt as new elements; everything else is textContent.
 * Ready signal: the form's data-tb-done holds the query whose results are shown.
 */
import { add, el, ready } from "../shared/dom.js";
import { preload, search } from "./engine.js";

const HEADER_RESULTS = 6;
const PAGE_RESULTS = 20;
const FILTERS = [
  ["soort", "Soort pagina"],
  ["sector", "Sector"],
  ["thema", "Thema"],
  ["niveau", "Niveau"],
  ["element", "Werkzaam element"],
];

function siteRoot(form) {
  // Material gives "." or ".." on most pages and "/" on the 404 page: add a slash only where none is.
  const base = form.getAttribute("data-tb-base") || ".";
  return new URL(/\/$/.test(base) ? base : base + "/", window.location.href);
}

function countText(n, q) {
  const quoted = q ? ` voor \u201c${q}\u201d` : "";
  if (n === 0) return "Geen resultaten" + quoted;
  return (n === 1 ? "1 resultaat" : n + " resultaten") + quoted;
}

/* Copy an excerpt as text, keeping only Pagefind's <mark> highlights. */
function excerpt(html) {
  const out = document.createDocumentFragment();
  const body = new DOMParser().parseFromString("<body>" + (html || ""), "text/html").body;
  body.childNodes.forEach((node) => {
    if (node.nodeType === 1 && node.nodeName === "MARK") out.appendChild(el("mark", null, node.textContent));
    else out.appendChild(document.createTextNode(node.textContent || ""));
  });
  return out;
}

/* What the search did with the query, said on the page: "Bedoelde je ...?" and partial matches. */
function notes(found, root) {
  const out = [];
  if (found.corrected) {
    const url = new URL("zoeken/", root);
    url.searchParams.set("q", found.corrected);
    out.push(add(el("p", { class: "tb-search__note tb-search__didyoumean" }), "Bedoelde je ",
      add(el("a", { href: url.pathname + url.search }), el("strong", null, found.corrected)),
      "? Hieronder de resultaten daarvoor."));
  }
  if (found.partial) {
    out.push(el("p", { class: "tb-search__note tb-search__partial" },
      "Geen pagina bevat alle woorden; dit zijn de pagina's met de meeste ervan."));
  }
  return out;
}

function resultLink(item, headingTag) {
  const a = el("a", { href: item.url });
  a.appendChild(el(headingTag || "span", { class: "tb-search__title" }, item.title));
  const badges = el("span", { class: "tb-search__badges" });
  if (item.kind) badges.appendChild(el("span", { class: "tb-badge tb-badge--kind" }, item.kind));
  item.sectors.forEach((s) => badges.appendChild(el("span", { class: "tb-badge tb-badge--sector" }, s)));
  if (badges.childNodes.length) a.appendChild(badges);
  if (item.section) a.appendChild(el("span", { class: "tb-search__section" }, "\u2192 " + item.section));
  const ex = el("span", { class: "tb-search__excerpt" });
  ex.appendChild(excerpt(item.excerpt));
  a.appendChild(ex);
  return a;
}

/* The plan's slot for a result that can go in the action plan (an intervention's page carries
 * its plan id as Pagefind metadata); static/assets/plan/buttons.js adds the button. */
function planSlot(id, title) {
  return el("div", { class: "tb-plan-slot tb-plan-slot--result", "data-plan-id": id, "data-plan-title": title || id });
}

function editable(node) {
  if (!node) return false;
  const tag = node.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || node.isContentEditable;
}

/* ---------- Header box ---------- */
class HeaderSearch {
  constructor(form) {
    this.form = form;
    this.root = siteRoot(form);
    this.input = form.querySelector(".tb-search__input");
    this.panel = form.querySelector(".tb-search__panel");
    this.status = form.querySelector(".tb-search__status");
    this.notes = form.querySelector(".tb-search__notes");
    this.live = form.querySelector(".tb-search__live");
    this.list = form.querySelector(".tb-search__results");
    this.all = form.querySelector(".tb-search__all");
    this.seq = 0;
    this.timer = 0;
  }

  open(show) {
    this.panel.hidden = !show;
    this.input.setAttribute("aria-expanded", show ? "true" : "false");
  }

  async run() {
    const q = this.input.value.trim();
    const seq = ++this.seq;
    if (!q) {
      this.open(false);
      this.live.textContent = "";
      return;
    }
    try {
      const found = await search(q, { limit: HEADER_RESULTS });
      if (seq !== this.seq) return; // a newer query is under way
      this.list.replaceChildren(...found.results.map((item) => add(el("li"), resultLink(item))));
      this.notes.replaceChildren(...notes(found, this.root));
      const text = countText(found.total, q);
      this.status.textContent = text;
      this.live.textContent = found.corrected ? `${text}. Bedoelde je ${found.corrected}?` : text;
      const url = new URL("zoeken/", this.root);
      url.searchParams.set("q", q);
      this.all.href = url.pathname + url.search;
      this.open(true);
      this.form.setAttribute("data-tb-done", q);
    } catch (error) {
      if (seq !== this.seq) return;
      this.status.textContent = "Zoeken lukt nu niet. Probeer het later opnieuw.";
      this.open(true);
    }
  }

  links() {
    return Array.from(this.panel.querySelectorAll("a"));
  }

  start() {
    this.input.setAttribute("aria-expanded", "false");
    this.input.addEventListener("focus", () => { preload().catch(() => {}); });
    this.input.addEventListener("input", () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.run(), 120);
    });
    this.form.addEventListener("keydown", (event) => {
      const links = this.links();
      const at = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        this.open(false);
        this.input.focus();
        event.preventDefault();
      } else if (event.key === "ArrowDown" && !this.panel.hidden && links.length) {
        links[Math.min(at + 1, links.length - 1)].focus();
        event.preventDefault();
      } else if (event.key === "ArrowUp" && at !== -1) {
        if (at === 0) this.input.focus();
        else links[at - 1].focus();
        event.preventDefault();
      }
    });
    this.form.addEventListener("focusout", (event) => {
      if (!this.form.contains(event.relatedTarget)) this.open(false);
    });
    this.form.addEventListener("submit", (event) => {
      if (!this.input.value.trim()) event.preventDefault();
    });
    document.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
      if (event.key === "/" || event.key === "s") {
        event.preventDefault();
        this.input.focus();
        this.input.select();
      }
    });
  }
}

/* ---------- Search page ---------- */
class SearchPage {
  constructor(form, root) {
    this.form = form;
    this.root = root;
    this.input = form.querySelector("#tb-zoek-q");
    this.filterBox = form.querySelector(".tb-search-page__filters");
    this.status = document.getElementById("tb-zoek-status");
    this.notes = document.getElementById("tb-zoek-notes");
    this.list = document.getElementById("tb-zoek-results");
    this.more = document.getElementById("tb-zoek-more");
    this.selects = {};
    this.seq = 0;
    this.found = null;
    this.shown = 0;
    this.wanted = null;
  }

  state() {
    const filters = {};
    for (const key in this.selects) if (this.selects[key].value) filters[key] = this.selects[key].value;
    return { q: this.input.value.trim(), filters };
  }

  fromUrl() {
    const params = new URLSearchParams(window.location.search);
    this.input.value = params.get("q") || "";
    this.wanted = {};
    FILTERS.forEach(([key]) => { if (params.get(key)) this.wanted[key] = params.get(key); });
  }

  toUrl(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const key in state.filters) params.set(key, state.filters[key]);
    const query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  /* One <select> per Pagefind filter, options with the number of results each would give. */
  renderFilters(counts) {
    FILTERS.forEach(([key, name]) => {
      const values = counts[key];
      if (!values) return;
      let select = this.selects[key];
      if (!select) {
        select = el("select", { id: "tb-zoek-" + key, name: key });
        select.addEventListener("change", () => this.run());
        this.filterBox.appendChild(add(el("p"), el("label", { for: "tb-zoek-" + key }, name), select));
        this.selects[key] = select;
      }
      const current = select.value || (this.wanted && this.wanted[key]) || "";
      select.replaceChildren(el("option", { value: "" }, "Alle"));
      Object.keys(values).sort((a, b) => a.localeCompare(b, "nl")).forEach((v) => {
        select.appendChild(el("option", { value: v }, `${v} (${values[v]})`));
      });
      select.value = current;
    });
    this.wanted = null;
  }

  async showMore() {
    const start = this.shown;
    const items = start === 0 ? this.found.results : await this.found.load(start, start + PAGE_RESULTS);
    this.shown = start + items.length;
    this.more.hidden = this.shown >= this.found.total;
    items.forEach((item) => {
      const li = add(el("li"), resultLink(item, "strong"));
      if (item.plan) li.appendChild(planSlot(item.plan, item.title));
      this.list.appendChild(li);
    });
  }

  async run() {
    const seq = ++this.seq;
    const state = this.state();
    if (this.wanted) Object.assign(state.filters, this.wanted);
    this.toUrl(state);
    try {
      const found = await search(state.q, { limit: PAGE_RESULTS, filters: state.filters, counts: true });
      if (seq !== this.seq) return;
      this.renderFilters(found.filters || {});
      this.toUrl(this.state());
      this.found = found;
      this.shown = 0;
      this.list.replaceChildren();
      this.notes.replaceChildren(...notes(found, this.root));
      this.status.textContent = state.q || Object.keys(state.filters).length
        ? countText(found.total, state.q)
        : "Typ een zoekterm of kies een filter.";
      await this.showMore();
      if (seq === this.seq) this.form.setAttribute("data-tb-done", state.q);
    } catch (error) {
      this.status.textContent = "Zoeken lukt nu niet. Probeer het later opnieuw.";
    }
  }

  start() {
    this.form.hidden = false;
    const nojs = document.getElementById("tb-zoek-nojs");
    if (nojs) nojs.hidden = true;
    this.fromUrl();
    let timer = 0;
    this.input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => this.run(), 150);
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.run();
    });
    this.more.addEventListener("click", () => this.showMore());
    this.run();
  }
}

ready(() => {
  const header = document.querySelector("form[data-tb-search]");
  if (!header || header.getAttribute("data-tb-ready")) return;
  header.setAttribute("data-tb-ready", "1");
  new HeaderSearch(header).start();
  const pageForm = document.getElementById("tb-zoek");
  if (pageForm) new SearchPage(pageForm, siteRoot(header)).start();
});
