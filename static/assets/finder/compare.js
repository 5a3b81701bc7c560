/* Compare page (/vergelijk/?ids=a,b,c): two to four interventions side by side.
 *
 * The interventions come from the JSON file named by #tb-compare[data-items] (toolbox/browser_data.py
 * CompareData); the selection lives only in the URL, so reloading or sending the address gives the
 * same view, and removing one is a history step. Ids the data does not know are named in Dutch.
 * On a phone the interventions are stacked, on wider screens they are columns whose fields line up
 * (finder.css). Record text is only ever written with textContent.
 */
import { add, el, markReady } from "../shared/dom.js";

var MIN = 2;
var MAX = 4;

function idsFromUrl() {
  var ids = [];
  new URLSearchParams(window.location.search).getAll("ids").forEach(function (raw) {
    raw.split(",").forEach(function (id) {
      id = id.trim();
      if (id && ids.indexOf(id) === -1) ids.push(id);
    });
  });
  return ids;
}

function urlFor(ids) {
  var params = new URLSearchParams(window.location.search);
  params.delete("ids");
  var search = params.toString();
  var query = (search ? search + "&" : "") + (ids.length ? "ids=" + ids.map(encodeURIComponent).join(",") : "");
  return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
}

function link(item) {
  return el("a", { href: item.url }, item.title);
}

function list(items, make) {
  var ul = el("ul");
  items.forEach(function (i) { add(ul, add(el("li"), make(i))); });
  return ul;
}

/* The fields in the order every column shows them: [label, content of one intervention]. */
var FIELDS = [
  ["Werkzame elementen", function (it) { return list(it.elements, link); }],
  ["Sectoren", function (it) { return el("p", null, it.sectors.join(", ")); }],
  ["Niveau", function (it) { return el("p", null, it.rings.join(", ")); }],
  ["Thema", function (it) { return el("p", null, it.themes.join(", ")); }],
  ["Casus", function (it) { return it.case ? add(el("p"), link(it.case)) : el("p", null, "Geen casus"); }],
  ["Omschrijving", function (it) {
    var box = el("div");
    it.description.forEach(function (p) { add(box, el("p", null, p)); });
    return box;
  }],
  ["Bronnen", function (it) { return list(it.sources, function (s) { return s; }); }],
];

function column(item, onRemove) {
  var section = el("section", { class: "tb-compare__item", "aria-labelledby": "tb-compare-" + item.id });
  add(section, add(el("h2", { id: "tb-compare-" + item.id }), link(item)));
  FIELDS.forEach(function (f) {
    add(section, add(el("div", { class: "tb-compare__field" }), el("h3", null, f[0]), f[1](item)));
  });
  var remove = el("button", { type: "button", class: "md-button tb-compare__remove", "aria-label": "Haal uit de vergelijking: " + item.title }, "Haal uit de vergelijking");
  remove.addEventListener("click", function () { onRemove(item.id); });
  add(section, add(el("p"), remove));
  return section;
}

function Compare(root, data) {
  this.root = root;
  this.status = document.getElementById("tb-compare-status");
  this.grid = document.getElementById("tb-compare-grid");
  this.finder = root.getAttribute("data-finder");
  this.byId = {};
  var self = this;
  data.items.forEach(function (it) { self.byId[it.id] = it; });
}

Compare.prototype.render = function () {
  var self = this;
  var ids = idsFromUrl();
  var known = ids.filter(function (id) { return self.byId[id]; });
  var unknown = ids.filter(function (id) { return !self.byId[id]; });
  var shown = known.slice(0, MAX);
  var says = [];
  if (shown.length >= MIN) says.push(shown.length + " aanpakken naast elkaar.");
  else if (shown.length === 1) says.push("Eén aanpak gekozen: kies er nog minstens een om te vergelijken.");
  else says.push("Nog geen aanpakken gekozen om te vergelijken.");
  if (unknown.length) {
    says.push(
      (unknown.length === 1 ? "Deze aanpak bestaat niet (meer) in de toolbox: " : "Deze aanpakken bestaan niet (meer) in de toolbox: ") +
        unknown.map(function (id) { return "„" + id + "”"; }).join(", ") + "."
    );
  }
  if (known.length > MAX) says.push("Er passen er hoogstens " + MAX + " naast elkaar; de eerste " + MAX + " staan hier.");
  this.status.textContent = says.join(" ") + " ";
  if (shown.length < MIN || unknown.length) add(this.status, el("a", { href: this.finder }, "Kies aanpakken in de zoekhulp"));

  this.grid.textContent = "";
  this.grid.style.setProperty("--tb-cols", String(Math.max(shown.length, 1)));
  shown.forEach(function (id) {
    add(self.grid, column(self.byId[id], function (gone) {
      var rest = idsFromUrl().filter(function (x) { return x !== gone; });
      window.history.pushState({ tbCompare: true }, "", urlFor(rest));
      self.render();
      self.status.focus && self.status.setAttribute("tabindex", "-1");
      self.status.focus();
    }));
  });
};

function init() {
  var root = document.getElementById("tb-compare");
  if (!root || root.tbStarted) return;
  root.tbStarted = true;
  var done = function () {
    root.setAttribute("aria-busy", "false");
    markReady(root);
  };
  fetch(root.getAttribute("data-items"))
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(function (data) {
      var compare = new Compare(root, data);
      compare.render();
      window.addEventListener("popstate", function () { compare.render(); });
      done();
    })
    .catch(function (error) {
      document.getElementById("tb-compare-status").textContent = "De gegevens voor de vergelijking konden niet worden geladen. Probeer het later opnieuw.";
      if (window.console) window.console.warn("Vergelijken: gegevens niet geladen", error);
      done();
    });
}

export { init };
