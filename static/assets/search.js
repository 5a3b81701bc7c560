/* Site search with Pagefind: the box in the header and the search page (/zoeken/).
 *
 * Pagefind (index in /pagefind/, built by the MkDocs hook) stems Dutch, which Material's own
 * search does not. Its JavaScript API is loaded on first use, so pages stay light.
 * `/` and `s` focus the search box. Result text is written with textContent; the only markup
 * taken from an excerpt are Pagefind's <mark> highlights, rebuilt as new elements.
 */
(function () {
  "use strict";

  var HEADER_RESULTS = 6;
  var PAGE_RESULTS = 20;
  var FILTERS = [
    ["soort", "Soort pagina"],
    ["sector", "Sector"],
    ["thema", "Thema"],
    ["niveau", "Niveau"],
    ["element", "Werkzaam element"],
  ];
  var loading = null;

  function siteRoot(form) {
    // Material gives "." or ".." on most pages and "/" on the 404 page: add a slash only where none is.
    var base = form.getAttribute("data-tb-base") || ".";
    return new URL(/\/$/.test(base) ? base : base + "/", window.location.href);
  }

  function pagefind(root) {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: root.pathname, excerptLength: 24 }))
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function countText(n, q) {
    var quoted = q ? " voor \u201c" + q + "\u201d" : "";
    if (n === 0) return "Geen resultaten" + quoted;
    return (n === 1 ? "1 resultaat" : n + " resultaten") + quoted;
  }

  /* Copy an excerpt as text, keeping only Pagefind's <mark> highlights. */
  function excerpt(html) {
    var out = document.createDocumentFragment();
    var body = new DOMParser().parseFromString("<body>" + (html || ""), "text/html").body;
    body.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return out;
  }

  function kind(data) {
    var parts = [];
    if (data.meta && data.meta.soort) parts.push(data.meta.soort);
    var sectors = (data.filters && data.filters.sector) || [];
    if (sectors.length) parts.push(sectors.join(" \u00b7 "));
    return parts.join(" \u2013 ");
  }

  function resultLink(data, headingTag) {
    var a = document.createElement("a");
    a.href = data.url;
    var title = document.createElement(headingTag || "span");
    title.className = "tb-search__title";
    title.textContent = (data.meta && data.meta.title) || data.url;
    a.appendChild(title);
    var k = kind(data);
    if (k) {
      var small = document.createElement("span");
      small.className = "tb-search__kind";
      small.textContent = k;
      a.appendChild(small);
    }
    var ex = document.createElement("span");
    ex.className = "tb-search__excerpt";
    ex.appendChild(excerpt(data.excerpt));
    a.appendChild(ex);
    return a;
  }

  /* The plan's slot for a result that can go in the action plan (an intervention's page carries
   * its plan id as Pagefind metadata); static/assets/plan/buttons.js adds the button. */
  function planSlot(id, title) {
    var slot = document.createElement("div");
    slot.className = "tb-plan-slot tb-plan-slot--result";
    slot.setAttribute("data-plan-id", id);
    slot.setAttribute("data-plan-title", title || id);
    return slot;
  }

  function editable(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  /* ---------- Header box ---------- */
  function HeaderSearch(form) {
    this.form = form;
    this.root = siteRoot(form);
    this.input = form.querySelector(".tb-search__input");
    this.panel = form.querySelector(".tb-search__panel");
    this.status = form.querySelector(".tb-search__status");
    this.live = form.querySelector(".tb-search__live");
    this.list = form.querySelector(".tb-search__results");
    this.all = form.querySelector(".tb-search__all");
    this.seq = 0;
    this.timer = 0;
  }

  HeaderSearch.prototype.open = function (show) {
    this.panel.hidden = !show;
    this.input.setAttribute("aria-expanded", show ? "true" : "false");
  };

  HeaderSearch.prototype.run = function () {
    var self = this;
    var q = this.input.value.trim();
    var seq = ++this.seq;
    if (!q) {
      this.open(false);
      this.live.textContent = "";
      return Promise.resolve();
    }
    return pagefind(this.root)
      .then(function (pf) { return pf.search(q); })
      .then(function (search) {
        return Promise.all(search.results.slice(0, HEADER_RESULTS).map(function (r) { return r.data(); }))
          .then(function (items) { return { total: search.results.length, items: items }; });
      })
      .then(function (found) {
        if (seq !== self.seq) return; // a newer query is under way
        self.list.replaceChildren();
        found.items.forEach(function (data) {
          var li = document.createElement("li");
          li.appendChild(resultLink(data));
          self.list.appendChild(li);
        });
        var text = countText(found.total, q);
        self.status.textContent = text;
        self.live.textContent = text;
        var url = new URL("zoeken/", self.root);
        url.searchParams.set("q", q);
        self.all.href = url.pathname + url.search;
        self.open(true);
        self.form.setAttribute("data-tb-done", q);
      })
      .catch(function () {
        if (seq !== self.seq) return;
        self.status.textContent = "Zoeken lukt nu niet. Probeer het later opnieuw.";
        self.open(true);
      });
  };

  HeaderSearch.prototype.links = function () {
    return Array.prototype.slice.call(this.panel.querySelectorAll("a"));
  };

  HeaderSearch.prototype.start = function () {
    var self = this;
    this.input.setAttribute("aria-expanded", "false");
    this.input.addEventListener("focus", function () { pagefind(self.root); });
    this.input.addEventListener("input", function () {
      window.clearTimeout(self.timer);
      self.timer = window.setTimeout(function () { self.run(); }, 120);
    });
    this.form.addEventListener("keydown", function (event) {
      var links = self.links();
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        self.open(false);
        self.input.focus();
        event.preventDefault();
      } else if (event.key === "ArrowDown" && !self.panel.hidden && links.length) {
        links[Math.min(at + 1, links.length - 1)].focus();
        event.preventDefault();
      } else if (event.key === "ArrowUp" && at !== -1) {
        if (at === 0) self.input.focus();
        else links[at - 1].focus();
        event.preventDefault();
      }
    });
    this.form.addEventListener("focusout", function (event) {
      if (!self.form.contains(event.relatedTarget)) self.open(false);
    });
    this.form.addEventListener("submit", function (event) {
      if (!self.input.value.trim()) event.preventDefault();
    });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
      if (event.key === "/" || event.key === "s") {
        event.preventDefault();
        self.input.focus();
        self.input.select();
      }
    });
  };

  /* ---------- Search page ---------- */
  function SearchPage(form, root) {
    this.form = form;
    this.root = root;
    this.input = form.querySelector("#tb-zoek-q");
    this.filterBox = form.querySelector(".tb-search-page__filters");
    this.status = document.getElementById("tb-zoek-status");
    this.list = document.getElementById("tb-zoek-results");
    this.more = document.getElementById("tb-zoek-more");
    this.selects = {};
    this.seq = 0;
    this.results = [];
    this.shown = 0;
  }

  SearchPage.prototype.state = function () {
    var filters = {};
    for (var key in this.selects) {
      if (this.selects[key].value) filters[key] = this.selects[key].value;
    }
    return { q: this.input.value.trim(), filters: filters };
  };

  SearchPage.prototype.fromUrl = function () {
    var params = new URLSearchParams(window.location.search);
    this.input.value = params.get("q") || "";
    this.wanted = {};
    var self = this;
    FILTERS.forEach(function (f) { if (params.get(f[0])) self.wanted[f[0]] = params.get(f[0]); });
  };

  SearchPage.prototype.toUrl = function () {
    var state = this.state();
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (var key in state.filters) params.set(key, state.filters[key]);
    var search = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  };

  /* One <select> per Pagefind filter, options with the number of results each would give. */
  SearchPage.prototype.renderFilters = function (counts) {
    var self = this;
    FILTERS.forEach(function (f) {
      var key = f[0];
      var values = counts[key];
      if (!values) return;
      var select = self.selects[key];
      if (!select) {
        var wrap = document.createElement("p");
        var label = document.createElement("label");
        label.setAttribute("for", "tb-zoek-" + key);
        label.textContent = f[1];
        select = document.createElement("select");
        select.id = "tb-zoek-" + key;
        select.name = key;
        select.addEventListener("change", function () { self.run(); });
        wrap.appendChild(label);
        wrap.appendChild(select);
        self.filterBox.appendChild(wrap);
        self.selects[key] = select;
      }
      var current = select.value || (self.wanted && self.wanted[key]) || "";
      select.replaceChildren();
      var any = document.createElement("option");
      any.value = "";
      any.textContent = "Alle";
      select.appendChild(any);
      Object.keys(values).sort(function (a, b) { return a.localeCompare(b, "nl"); }).forEach(function (v) {
        var option = document.createElement("option");
        option.value = v;
        option.textContent = v + " (" + values[v] + ")";
        select.appendChild(option);
      });
      select.value = current;
    });
    this.wanted = null;
  };

  SearchPage.prototype.showMore = function () {
    var self = this;
    var next = this.results.slice(this.shown, this.shown + PAGE_RESULTS);
    this.shown += next.length;
    this.more.hidden = this.shown >= this.results.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
      items.forEach(function (data) {
        var li = document.createElement("li");
        li.appendChild(resultLink(data, "strong"));
        if (data.meta && data.meta.plan) li.appendChild(planSlot(data.meta.plan, data.meta.title));
        self.list.appendChild(li);
      });
    });
  };

  SearchPage.prototype.run = function () {
    var self = this;
    var seq = ++this.seq;
    var state = this.state();
    if (this.wanted) {
      for (var k in this.wanted) state.filters[k] = this.wanted[k];
    }
    this.toUrl();
    return pagefind(this.root)
      .then(function (pf) {
        var filtered = Object.keys(state.filters).length > 0;
        if (!state.q && !filtered) {
          return pf.filters().then(function (counts) { return { results: [], filters: counts }; });
        }
        return pf.search(state.q || null, { filters: state.filters });
      })
      .then(function (search) {
        if (seq !== self.seq) return;
        self.renderFilters(search.filters || {});
        self.toUrl();
        self.results = search.results;
        self.shown = 0;
        self.list.replaceChildren();
        self.status.textContent = state.q || Object.keys(state.filters).length
          ? countText(search.results.length, state.q)
          : "Typ een zoekterm of kies een filter.";
        return self.showMore();
      })
      .then(function () { if (seq === self.seq) self.form.setAttribute("data-tb-done", state.q); })
      .catch(function () {
        self.status.textContent = "Zoeken lukt nu niet. Probeer het later opnieuw.";
      });
  };

  SearchPage.prototype.start = function () {
    var self = this;
    this.form.hidden = false;
    var nojs = document.getElementById("tb-zoek-nojs");
    if (nojs) nojs.hidden = true;
    this.fromUrl();
    var timer = 0;
    this.input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { self.run(); }, 150);
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.run();
    });
    this.more.addEventListener("click", function () { self.showMore(); });
    this.run();
  };

  function init() {
    var header = document.querySelector("form[data-tb-search]");
    if (!header || header.getAttribute("data-tb-ready")) return;
    header.setAttribute("data-tb-ready", "1");
    new HeaderSearch(header).start();
    var pageForm = document.getElementById("tb-zoek");
    if (pageForm) new SearchPage(pageForm, siteRoot(header)).start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
