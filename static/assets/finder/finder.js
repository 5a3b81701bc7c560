/* Faceted finder on /aanpakken/: filters the cards of the catalog in place.
 *
 * Every card's data (what it shows, its facet values, its search text) comes from the JSON file
 * named by #tb-results[data-cards] (toolbox/browser_data.py). The page itself renders only the
 * first cards, for readers without JavaScript; the others are cloned from the page's own card
 * template (#tb-card-template) when they are first shown, so the markup exists once and the page
 * stays small however large the catalog grows.
 * Facets are OR within a facet and AND across facets; each value shows the number of results it
 * would give with the other facets' current selections. The state lives in the URL
 * (?sector=MBO&element=...&q=...) so a filtered view can be shared and the back button works.
 * The page renders the cards, the counts and the controls itself; the script only hides, shows
 * and adds cards, so nothing moves when it starts (no layout shift). Without JavaScript the
 * controls are not shown (.tb-js) and the server-rendered cards are listed.
 * On a phone the filters sit in a panel that the "Filters (n)" button opens (finder.css).
 * Two to four ticked cards open the compare page (toolbox/sitemap.py P.compare) with ?ids=a,b.
 * Record text is only ever written with textContent.
 */
import { cloneTemplate, markReady, ready } from "../shared/dom.js";
import { showElsewhere, textFilter } from "../search/finder-text.js";

var FACETS = ["sector", "element", "thema", "niveau", "casus", "herkomst"];
// Cards shown at once: laying out thousands of cards costs far more than filtering them.
var PAGE_SIZE = 100;
// The compare page shows two to four interventions side by side.
var COMPARE_MIN = 2;
var COMPARE_MAX = 4;

/* Lower case without accents, so "Beëindigen" and "beeindigen" match. */
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function plural(n) {
  if (n === 0) return "Geen aanpakken gevonden";
  return n === 1 ? "1 aanpak gevonden" : n + " aanpakken gevonden";
}

function nameCompareBox(li, card) {
  var box = li.querySelector('input[name="vergelijk"]');
  if (box) box.setAttribute("aria-label", "Vergelijk: " + card.title);
}

/* A card from the page's template, filled with the card's data (as text). */
function buildCard(card, elementTitles) {
  var li = cloneTemplate("tb-card-template");
  li.setAttribute("data-id", card.id);
  var title = li.querySelector('[data-slot="title"]');
  title.textContent = card.title;
  title.setAttribute("href", card.url);
  var sector = li.querySelector('[data-slot="sector"]');
  card.sector.forEach(function (s) {
    var tag = sector.cloneNode(false);
    tag.textContent = s;
    sector.parentNode.insertBefore(tag, sector);
    sector.parentNode.insertBefore(document.createTextNode(" "), sector);
  });
  var next = sector.nextSibling;
  sector.remove();
  if (next && next.nodeType === Node.TEXT_NODE) next.remove();
  var casus = li.querySelector('[data-slot="casus"]');
  if (card.casus !== "ja") casus.remove();
  var herkomst = li.querySelector('[data-slot="herkomst"]');
  if (card.herkomst === "praktijkvoorbeeld") herkomst.textContent = "praktijkvoorbeeld van " + card.instelling;
  else herkomst.remove();
  var parent = li.querySelector('[data-slot="parent"]');
  if (card.parent) parent.textContent = "voorbeeld bij " + card.parent;
  else parent.remove();
  li.querySelector('[data-slot="elements"]').textContent = card.element
    .map(function (e) { return elementTitles[e] || e; })
    .join(" \u00b7 ");
  li.querySelector('[data-slot="text"]').textContent = card.first;
  li.querySelector('input[name="vergelijk"]').value = card.id;
  nameCompareBox(li, card);
  var plan = li.querySelector('[data-slot="plan"]');
  plan.setAttribute("data-plan-id", "aanpak/" + card.id);
  plan.setAttribute("data-plan-title", card.title);
  return li;
}

/* One entry per card of the data, in order, reusing the cards the page already has. */
function readCards(list, data) {
  var existing = {};
  var items = list.querySelectorAll(".tb-card[data-id]");
  for (var i = 0; i < items.length; i++) existing[items[i].getAttribute("data-id")] = items[i];
  var titles = data.elements || {};
  var cards = data.cards.map(function (card) {
    var node = existing[card.id] || null;
    delete existing[card.id];
    var parts = [card.text, card.first, card.sector.join(" ")];
    card.element.forEach(function (e) { parts.push(titles[e] || ""); });
    if (card.casus === "ja") parts.push("casus");
    if (card.herkomst === "praktijkvoorbeeld") parts.push("praktijkvoorbeeld " + card.instelling);
    if (card.parent) parts.push("voorbeeld bij " + card.parent);
    return {
      el: node,
      data: card,
      values: { sector: card.sector, element: card.element, thema: card.thema, niveau: card.niveau, casus: [card.casus], herkomst: [card.herkomst] },
      text: fold(parts.join(" ")),
      shown: node ? !node.hidden : false,
    };
  });
  // The compare box's name says which card it is for.
  cards.forEach(function (c) { if (c.el) nameCompareBox(c.el, c.data); });
  // A card that is not in the data (a stale page) would never be filtered: drop it.
  Object.keys(existing).forEach(function (id) { existing[id].remove(); });
  return cards;
}

function Finder(form, data) {
  this.form = form;
  this.list = document.getElementById("tb-results");
  this.status = document.getElementById("tb-status");
  this.query = form.querySelector("#tb-q");
  this.boxes = {};
  this.counters = {};
  var self = this;
  FACETS.forEach(function (f) {
    self.boxes[f] = Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][name="' + f + '"]'));
  });
  var spans = form.querySelectorAll(".tb-n[data-n]");
  for (var i = 0; i < spans.length; i++) this.counters[spans[i].getAttribute("data-n")] = spans[i];
  this.titles = data.elements || {};
  this.cards = readCards(this.list, data);
  this.announceTimer = 0;
  this.more = document.getElementById("tb-more");
  this.limit = PAGE_SIZE;
  this.textTest = null; // from the site search (../search/finder-text.js), per card index
  this.textSeq = 0;
  this.toggle = document.getElementById("tb-filters-toggle");
  this.activeCount = document.getElementById("tb-filter-count");
  this.done = document.getElementById("tb-filters-done");
  this.compared = [];
}

/* Match the text box through the site search; resolves once this.textTest is up to date. */
Finder.prototype.matchText = function () {
  var self = this;
  var q = this.state().q;
  var seq = ++this.textSeq;
  showElsewhere(q, this.status).catch(function () {});
  return textFilter(q, this.cards.map(function (c) { return c.text; })).then(function (filter) {
    if (seq === self.textSeq) self.textTest = filter.test;
  });
};

/* The selection as {facet: [values]} plus the folded query words. */
Finder.prototype.state = function () {
  var sel = {};
  var self = this;
  FACETS.forEach(function (f) {
    sel[f] = self.boxes[f].filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  });
  return { sel: sel, q: this.query ? this.query.value.trim() : "" };
};

Finder.prototype.setState = function (state) {
  var self = this;
  FACETS.forEach(function (f) {
    var chosen = state.sel[f] || [];
    self.boxes[f].forEach(function (b) { b.checked = chosen.indexOf(b.value) !== -1; });
  });
  if (this.query) this.query.value = state.q || "";
};

Finder.prototype.apply = function () {
  var state = this.state();
  var sel = state.sel;
  var active = FACETS.filter(function (f) { return sel[f].length > 0; });
  var counts = {};
  var total = 0;
  var previous = null; // the last card element before this one, to insert new cards in order
  for (var i = 0; i < this.cards.length; i++) {
    var card = this.cards[i];
    var textOk = !state.q || !this.textTest || this.textTest(i);
    // Which selected facets does this card fail? A card failing exactly one facet still counts
    // for that facet's values: selecting them would bring it in.
    var failed = null;
    var failures = 0;
    for (var a = 0; a < active.length && failures < 2; a++) {
      var f = active[a];
      var mine = card.values[f];
      var hit = false;
      for (var v = 0; v < mine.length; v++) {
        if (sel[f].indexOf(mine[v]) !== -1) { hit = true; break; }
      }
      if (!hit) { failures++; failed = f; }
    }
    var match = textOk && failures === 0;
    if (match) total++;
    var show = match && total <= this.limit;
    if (show && !card.el) {
      card.el = buildCard(card.data, this.titles);
      this.list.insertBefore(card.el, previous ? previous.nextSibling : this.list.firstChild);
      card.shown = true;
    }
    if (card.el && card.shown !== show) {
      card.el.hidden = !show;
      card.shown = show;
    }
    if (card.el) previous = card.el;
    if (!textOk || failures > 1) continue;
    for (var k = 0; k < FACETS.length; k++) {
      var facet = FACETS[k];
      if (failures === 1 && facet !== failed) continue;
      var vals = card.values[facet];
      for (var j = 0; j < vals.length; j++) {
        var key = facet + ":" + vals[j];
        counts[key] = (counts[key] || 0) + 1;
      }
    }
  }
  for (var name in this.counters) {
    var n = counts[name] || 0;
    var span = this.counters[name];
    var label = "(" + n + ")";
    if (span.textContent !== label) span.textContent = label;
    span.parentNode.classList.toggle("tb-facet__option--empty", n === 0);
  }
  this.total = total;
  this.showActive(state);
  if (this.more) {
    var rest = total - Math.min(total, this.limit);
    this.more.hidden = rest <= 0;
    this.more.textContent = "Toon meer aanpakken (nog " + rest + ")";
  }
  return total;
};

/* The number of active filters on the panel's button ("Filters (2)") and the panel's own count. */
Finder.prototype.showActive = function (state) {
  var n = state.q ? 1 : 0;
  FACETS.forEach(function (f) { n += state.sel[f].length; });
  var label = n ? "(" + n + ")" : "";
  if (this.activeCount && this.activeCount.textContent !== label) this.activeCount.textContent = label;
  if (this.done) this.done.textContent = this.total === 0 ? "Geen aanpakken: pas de filters aan" : "Toon " + plural(this.total).replace(" gevonden", "");
};

/* Open or close the filter panel (a phone's disclosure; on wide screens it is always open). */
Finder.prototype.openPanel = function (open) {
  this.form.classList.toggle("tb-finder--open", open);
  if (this.toggle) this.toggle.setAttribute("aria-expanded", open ? "true" : "false");
};

/* Cards ticked for comparison, in the order ticked; the bar links the compare page with them. */
Finder.prototype.showCompare = function () {
  var ids = this.compared;
  var bar = document.getElementById("tb-compare-bar");
  if (!bar) return;
  bar.hidden = ids.length === 0;
  var count = document.getElementById("tb-compare-count");
  var link = document.getElementById("tb-compare-link");
  if (count) {
    count.textContent =
      (ids.length === 1 ? "1 aanpak gekozen" : ids.length + " aanpakken gekozen") +
      (ids.length < COMPARE_MIN ? "; kies er nog een om te vergelijken." : ids.length >= COMPARE_MAX ? " (het maximum)." : ".");
  }
  if (link) {
    var base = link.getAttribute("href").split("?")[0];
    link.setAttribute("href", base + "?ids=" + ids.map(encodeURIComponent).join(","));
    if (ids.length < COMPARE_MIN) link.setAttribute("aria-disabled", "true");
    else link.removeAttribute("aria-disabled");
    link.textContent = "Vergelijk " + (ids.length >= COMPARE_MIN ? ids.length + " aanpakken" : "");
  }
  var full = ids.length >= COMPARE_MAX;
  var boxes = this.list.querySelectorAll('input[name="vergelijk"]');
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].checked = ids.indexOf(boxes[i].value) !== -1;
    boxes[i].disabled = full && !boxes[i].checked;
  }
};

Finder.prototype.announce = function (delay) {
  var self = this;
  window.clearTimeout(this.announceTimer);
  // Wait while someone types, so a screen reader hears the final count, not every keystroke.
  this.announceTimer = window.setTimeout(function () {
    self.status.textContent = plural(self.total);
  }, delay);
};

Finder.prototype.toUrl = function () {
  var state = this.state();
  var params = new URLSearchParams(window.location.search);
  FACETS.concat(["q"]).forEach(function (f) { params.delete(f); });
  FACETS.forEach(function (f) {
    state.sel[f].forEach(function (v) { params.append(f, v); });
  });
  if (state.q) params.set("q", state.q);
  var search = params.toString();
  return window.location.pathname + (search ? "?" + search : "") + window.location.hash;
};

Finder.prototype.fromUrl = function () {
  var params = new URLSearchParams(window.location.search);
  var sel = {};
  FACETS.forEach(function (f) {
    sel[f] = [];
    params.getAll(f).forEach(function (raw) {
      raw.split(",").forEach(function (v) { if (v) sel[f].push(v.trim()); });
    });
  });
  this.setState({ sel: sel, q: params.get("q") || "" });
};

Finder.prototype.update = function (mode, delay) {
  this.limit = PAGE_SIZE;
  this.apply();
  var url = this.toUrl();
  var current = window.location.pathname + window.location.search + window.location.hash;
  if (url !== current) {
    if (mode === "push") window.history.pushState({ tbFinder: true }, "", url);
    else window.history.replaceState({ tbFinder: true }, "", url);
  }
  this.announce(delay);
};

Finder.prototype.start = function () {
  var self = this;
  this.fromUrl();
  var first = this.matchText().then(function () {
    self.apply();
    var text = plural(self.total);
    if (self.status.textContent !== text) self.status.textContent = text; // no change, no shift
  });

  if (this.toggle) {
    this.toggle.addEventListener("click", function () {
      self.openPanel(!self.form.classList.contains("tb-finder--open"));
    });
  }
  if (this.done) {
    this.done.addEventListener("click", function () {
      self.openPanel(false);
      // To the top of the count bar, below the site's sticky header.
      var header = document.querySelector(".md-header");
      var top = self.toggle.parentNode.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, top - (header ? header.offsetHeight : 0)));
      if (self.toggle) self.toggle.focus({ preventScroll: true });
    });
  }
  this.list.addEventListener("change", function (event) {
    var box = event.target;
    if (!box || box.name !== "vergelijk") return;
    var at = self.compared.indexOf(box.value);
    if (box.checked && at === -1 && self.compared.length < COMPARE_MAX) self.compared.push(box.value);
    if (!box.checked && at !== -1) self.compared.splice(at, 1);
    self.showCompare();
  });
  var clearCompare = document.getElementById("tb-compare-clear");
  if (clearCompare) {
    clearCompare.addEventListener("click", function () {
      self.compared = [];
      self.showCompare();
    });
  }
  // Back from the compare page, the browser may restore ticked boxes: start from what it shows.
  var ticked = this.list.querySelectorAll('input[name="vergelijk"]:checked');
  for (var t = 0; t < ticked.length && this.compared.length < COMPARE_MAX; t++) this.compared.push(ticked[t].value);
  this.showCompare();

  this.form.addEventListener("change", function (event) {
    if (event.target && event.target.type === "checkbox") self.update("push", 0);
  });
  if (this.query) {
    var typing = false;
    this.query.addEventListener("input", function () {
      // One history entry per search, not per keystroke.
      var mode = typing ? "replace" : "push";
      typing = true;
      self.matchText().then(function () { self.update(mode, 400); });
    });
    this.query.addEventListener("blur", function () { typing = false; });
  }
  this.form.addEventListener("submit", function (event) { event.preventDefault(); });
  var clear = document.getElementById("tb-clear");
  if (clear) {
    clear.addEventListener("click", function () {
      self.setState({ sel: {}, q: "" });
      self.update("push", 0); // an empty text box needs no matching
      self.matchText();
    });
  }
  if (this.more) {
    this.more.addEventListener("click", function () {
      self.limit += PAGE_SIZE;
      self.apply();
    });
  }
  window.addEventListener("popstate", function () {
    self.limit = PAGE_SIZE;
    self.fromUrl();
    self.matchText().then(function () {
      self.apply();
      self.announce(0);
    });
  });
  return first;
};

function init() {
  var form = document.getElementById("tb-finder");
  var list = document.getElementById("tb-results");
  if (!form || form.tbStarted || !list || !list.getAttribute("data-cards")) return;
  form.tbStarted = true;
  // Without the data (offline copy, failed request) the page stays as it is without JavaScript.
  fetch(list.getAttribute("data-cards"))
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(function (data) {
      var finder = new Finder(form, data);
      window.tbFinder = finder; // for the benchmark and debugging
      // The page's ready signal: the URL state is applied and the list shows its result.
      return finder.start().then(function () { markReady(form); });
    })
    .catch(function (error) {
      if (window.console) window.console.warn("Zoekhulp: kaarten niet geladen", error);
    });
}

ready(init);
// The compare page's module, fetched only on that page.
ready(function () {
  if (document.getElementById("tb-compare")) {
    import("./compare.js").then(function (m) { m.init(); });
  }
});
