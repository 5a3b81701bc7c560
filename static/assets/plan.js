/* Samen Sterker toolbox: action plan, NSE message check and print helpers.
 * Everything runs in the browser; the plan is kept in localStorage only.
 * All DOM is built with createElement/textContent: record text is never parsed as HTML. */
(function () {
  "use strict";

  var STORE = "tb-actieplan-v1";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, attrs[k]);
      });
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* Inline Markdown of the records as plain text: [a](url) -> a (url), no emphasis marks. */
  function plain(text) {
    return String(text || "")
      .replace(/\[([^\]]+)\]\((https:[^)\s]+)\)/g, "$1 ($2)")
      .replace(/\*\*([^*]+)\*\*/g, "$1")
      .replace(/\*([^*]+)\*/g, "$1")
      .replace(/&lt;/g, "<")
      .replace(/\s+/g, " ")
      .trim();
  }

  // ---- storage -------------------------------------------------------------------------------
  function text(value) {
    return typeof value === "string" ? value : typeof value === "number" && isFinite(value) ? String(value) : "";
  }

  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem(STORE) || "null");
      if (data && Array.isArray(data.items)) {
        // Storage is outside our control (an old version, another tab, a hand edit): keep only
        // items with a text id, and make every other field a string.
        return data.items
          .filter(function (i) {
            return i && typeof i.id === "string";
          })
          .map(function (i) {
            return { id: i.id, note: text(i.note), text: text(i.text), group: text(i.group), url: text(i.url) };
          });
      }
    } catch (e) {
      /* unreadable or blocked storage: start with an empty plan */
    }
    return [];
  }

  function save(items) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify({ version: 1, items: items }));
      return true;
    } catch (e) {
      return false;
    }
  }

  function has(id) {
    return load().some(function (i) {
      return i.id === id;
    });
  }

  function toggle(id, snapshot) {
    var items = load();
    var at = items.findIndex(function (i) {
      return i.id === id;
    });
    if (at >= 0) items.splice(at, 1);
    else items.push({ id: id, note: "", text: snapshot.text, group: snapshot.group, url: snapshot.url });
    save(items);
    return at < 0;
  }

  // ---- "zet in mijn actieplan" buttons -------------------------------------------------------
  function planHref() {
    var link = document.querySelector('a[href$="actieplan/"]');
    return link ? link.getAttribute("href") : null;
  }

  function snapshotOf(node) {
    var text = node.classList.contains("tb-plan-slot")
      ? (document.querySelector("article h1") || {}).textContent || ""
      : Array.prototype.map
          .call(node.childNodes, function (c) {
            return c.nodeType === 1 && c.classList.contains("tb-plan-btn") ? "" : c.textContent;
          })
          .join("");
    var h1 = document.querySelector("article h1");
    return {
      text: text.replace(/\s+/g, " ").replace("¶", "").trim(),
      group: h1 ? h1.textContent.replace("¶", "").trim() : document.title,
      url: window.location.pathname,
    };
  }

  function setButton(btn, on, text) {
    var short = text.length > 70 ? text.slice(0, 69) + "…" : text;
    btn.setAttribute("aria-pressed", on ? "true" : "false");
    btn.textContent = on ? "In mijn actieplan ✓" : "Zet in mijn actieplan";
    btn.setAttribute("aria-label", (on ? "Staat in mijn actieplan (klik om te verwijderen): " : "Zet in mijn actieplan: ") + short);
  }

  function addButtons() {
    var nodes = document.querySelectorAll("[data-plan-id]");
    if (!nodes.length) return;
    var status = el("p", { class: "tb-plan-status", role: "status", "aria-live": "polite" });
    Array.prototype.forEach.call(nodes, function (node) {
      var id = node.getAttribute("data-plan-id");
      var btn = el("button", { type: "button", class: "tb-plan-btn", "data-plan-button": id });
      var snap = snapshotOf(node);
      setButton(btn, has(id), snap.text);
      btn.addEventListener("click", function () {
        var added = toggle(id, snapshotOf(node));
        setButton(btn, added, snap.text);
        status.textContent = "";
        status.appendChild(document.createTextNode(added ? "Toegevoegd aan je actieplan. " : "Verwijderd uit je actieplan. "));
        var href = planHref();
        if (href) status.appendChild(el("a", { href: href }, "Bekijk je actieplan"));
      });
      node.appendChild(document.createTextNode(" "));
      node.appendChild(btn);
    });
    var article = document.querySelector("article") || document.body;
    article.appendChild(status);
  }

  // ---- the plan page -------------------------------------------------------------------------
  /* Everything that can be in a plan, by id, from the JSON file named by data-items (it grows with
   * the catalog, so it is not in the page). Resolves to null when it cannot be loaded. */
  function planData(root) {
    var url = root.getAttribute("data-items");
    if (!url || !window.fetch) return Promise.resolve(null);
    return fetch(url)
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        var index = {};
        data.groups.forEach(function (g) {
          g.items.forEach(function (it) {
            index[it.id] = { item: it, group: g };
          });
        });
        return index;
      })
      .catch(function () {
        return null;
      });
  }

  function resolve(index, stored, missingKind) {
    var found = index[stored.id];
    if (found) {
      var g = found.group;
      var it = found.item;
      return {
        id: stored.id,
        note: stored.note || "",
        kind: it.kind,
        text: plain(it.text),
        url: it.url || g.url,
        groupId: g.id,
        groupKind: g.kind,
        groupTitle: g.title,
        groupUrl: g.url,
        stakeholders: g.stakeholders || [],
        horizon: g.horizon || [],
        sectors: it.sectors || [],
      };
    }
    // The record changed or was removed: show what was saved when it was added, as text only. Its
    // saved address is not linked: only addresses from the catalog data become links.
    return {
      id: stored.id,
      note: stored.note || "",
      kind: "Onderdeel",
      text: stored.text || stored.id,
      url: "",
      groupId: "?",
      groupKind: missingKind,
      groupTitle: stored.group || "Overig",
      groupUrl: "",
      stakeholders: [],
      horizon: [],
      sectors: [],
    };
  }

  function grouped(rows) {
    var groups = [];
    var byId = {};
    rows.forEach(function (r) {
      var key = r.groupKind + "|" + r.groupId + "|" + r.groupTitle;
      if (!byId[key]) {
        byId[key] = { key: key, kind: r.groupKind, title: r.groupTitle, url: r.groupUrl, rows: [] };
        groups.push(byId[key]);
      }
      byId[key].rows.push(r);
    });
    return groups;
  }

  function absolute(url) {
    try {
      return new URL(url, window.location.href).href;
    } catch (e) {
      return url;
    }
  }

  function details(r) {
    var out = [];
    if (r.sectors.length) out.push(["Sectoren", r.sectors.join(", ")]);
    if (r.stakeholders.length) out.push(["Betrokkenen", r.stakeholders.join(", ")]);
    if (r.horizon.length) out.push(["Tijdspad", r.horizon.join(" – ")]);
    return out;
  }

  function toMarkdown(rows) {
    var lines = ["# Mijn actieplan", "", "Gemaakt met de Samen Sterker toolbox op " + new Date().toLocaleDateString("nl-NL") + ".", ""];
    grouped(rows).forEach(function (g) {
      lines.push("## " + g.kind + ": " + g.title, "");
      g.rows.forEach(function (r, i) {
        lines.push(i + 1 + ". **" + r.kind + ":** " + r.text);
        details(r).forEach(function (d) {
          lines.push("   - " + d[0] + ": " + d[1]);
        });
        if (r.note.trim()) lines.push("   - Notitie: " + r.note.replace(/\s*\n\s*/g, " / "));
        if (r.url) lines.push("   - Bron: " + absolute(r.url));
      });
      lines.push("");
    });
    return lines.join("\n");
  }

  function csvCell(value) {
    var s = String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // no formulas when opened in a spreadsheet
    return '"' + s.replace(/"/g, '""') + '"';
  }

  function toCsv(rows) {
    var head = ["volgorde", "groep", "soort", "tekst", "sectoren", "betrokkenen", "tijdspad", "notitie", "bron"];
    var out = [head.map(csvCell).join(";")];
    grouped(rows).forEach(function (g) {
      g.rows.forEach(function (r, i) {
        out.push(
          [i + 1, g.kind + ": " + g.title, r.kind, r.text, r.sectors.join(", "), r.stakeholders.join(", "), r.horizon.join(" – "), r.note, r.url ? absolute(r.url) : ""]
            .map(csvCell)
            .join(";")
        );
      });
    });
    return "\ufeff" + out.join("\r\n") + "\r\n"; // BOM: spreadsheets read it as UTF-8
  }

  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  function renderPlan(root) {
    root.setAttribute("aria-busy", "true");
    planData(root).then(function (index) {
      drawPlan(root, index);
      root.setAttribute("aria-busy", "false");
    });
  }

  /* index: the catalog's items by id, or null when it could not be loaded (the saved texts are shown). */
  function drawPlan(root, loaded) {
    var index = loaded || {};
    var missingKind = loaded ? "Niet meer in de toolbox" : "Bewaard in je actieplan";
    var live = el("p", { class: "tb-plan__live", role: "status", "aria-live": "polite" });

    function currentRows() {
      return load().map(function (s) {
        return resolve(index, s, missingKind);
      });
    }

    function draw(focus) {
      var rows = currentRows();
      root.textContent = "";
      if (!rows.length) {
        root.appendChild(
          el("p", { class: "tb-plan__empty" }, "Je actieplan is nog leeg. Gebruik de knop ‘Zet in mijn actieplan’ bij aanbevelingen, aanpakken en tips.")
        );
        root.appendChild(live);
        return;
      }
      var bar = el("div", { class: "tb-plan__toolbar", role: "group", "aria-label": "Actieplan bewaren" });
      var md = el("button", { type: "button", class: "md-button", id: "tb-plan-md" }, "Download als Markdown");
      var csv = el("button", { type: "button", class: "md-button", id: "tb-plan-csv" }, "Download als CSV");
      var print = el("button", { type: "button", class: "md-button", id: "tb-plan-print" }, "Afdrukken");
      var clear = el("button", { type: "button", class: "md-button tb-plan__clear", id: "tb-plan-clear" }, "Alles wissen");
      md.addEventListener("click", function () {
        download("actieplan.md", "text/markdown;charset=utf-8", toMarkdown(currentRows()));
      });
      csv.addEventListener("click", function () {
        download("actieplan.csv", "text/csv;charset=utf-8", toCsv(currentRows()));
      });
      print.addEventListener("click", function () {
        window.print();
      });
      clear.addEventListener("click", function () {
        if (window.confirm("Wil je je hele actieplan wissen? Dit kan niet ongedaan worden gemaakt.")) {
          save([]);
          draw();
          live.textContent = "Je actieplan is gewist.";
        }
      });
      [md, csv, print, clear].forEach(function (b) {
        bar.appendChild(b);
        bar.appendChild(document.createTextNode(" "));
      });
      root.appendChild(bar);
      root.appendChild(el("p", { class: "tb-plan__count" }, rows.length + (rows.length === 1 ? " punt" : " punten") + " in je actieplan."));

      grouped(rows).forEach(function (g) {
        var section = el("section", { class: "tb-plan__group", "aria-label": g.kind + ": " + g.title });
        var h2 = el("h2", { class: "tb-plan__title" });
        h2.appendChild(el("span", { class: "tb-plan__kind" }, g.kind + ": "));
        if (g.url) h2.appendChild(el("a", { href: g.url }, g.title));
        else h2.appendChild(document.createTextNode(g.title));
        section.appendChild(h2);
        var first = g.rows[0];
        details(first).forEach(function (d) {
          if (d[0] === "Sectoren") return; // per item below
          var p = el("p", { class: "tb-plan__meta" });
          p.appendChild(el("strong", null, d[0] + ": "));
          p.appendChild(document.createTextNode(d[1]));
          section.appendChild(p);
        });
        var ol = el("ol", { class: "tb-plan__items" });
        g.rows.forEach(function (r, i) {
          var li = el("li", { class: "tb-plan__item", "data-plan-item": r.id });
          var p = el("p", { class: "tb-plan__text" });
          p.appendChild(el("strong", null, r.kind + ": "));
          if (r.kind === "Aanpak" && r.url) p.appendChild(el("a", { href: r.url }, r.text));
          else p.appendChild(document.createTextNode(r.text));
          if (r.sectors.length) p.appendChild(document.createTextNode(" (" + r.sectors.join(", ") + ")"));
          li.appendChild(p);
          var noteId = "tb-note-" + r.id.replace(/[^a-z0-9-]/g, "_");
          li.appendChild(el("label", { for: noteId, class: "tb-plan__label" }, "Notitie"));
          var area = el("textarea", { id: noteId, rows: "2", class: "tb-plan__note" });
          area.value = r.note;
          area.addEventListener("input", function () {
            var items = load();
            items.forEach(function (s) {
              if (s.id === r.id) s.note = area.value;
            });
            save(items);
            printed.textContent = area.value;
          });
          li.appendChild(area);
          var printed = el("p", { class: "tb-plan__note-print" }, r.note);
          li.appendChild(printed);
          var actions = el("p", { class: "tb-plan__actions" });
          var label = r.text.length > 60 ? r.text.slice(0, 59) + "…" : r.text;
          [
            ["omhoog", "Omhoog", i > 0],
            ["omlaag", "Omlaag", i < g.rows.length - 1],
            ["verwijder", "Verwijder", true],
          ].forEach(function (spec) {
            var b = el("button", { type: "button", class: "tb-plan__btn", "data-action": spec[0], "aria-label": spec[1] + ": " + label }, spec[1]);
            if (!spec[2]) b.disabled = true;
            b.addEventListener("click", function () {
              act(spec[0], r.id, g.rows);
            });
            actions.appendChild(b);
            actions.appendChild(document.createTextNode(" "));
          });
          li.appendChild(actions);
          ol.appendChild(li);
        });
        section.appendChild(ol);
        root.appendChild(section);
      });
      root.appendChild(live);
      if (focus) {
        var target = root.querySelector('[data-plan-item="' + focus.id + '"] [data-action="' + focus.action + '"]');
        if (!target || target.disabled) target = root.querySelector('[data-plan-item="' + focus.id + '"] button:not([disabled])');
        if (target) target.focus();
      }
    }

    // Move an item past its neighbour within the same group (the plan order is one list).
    function act(action, id, groupRows) {
      var items = load();
      var at = items.findIndex(function (s) {
        return s.id === id;
      });
      if (at < 0) return;
      if (action === "verwijder") {
        items.splice(at, 1);
        save(items);
        draw();
        live.textContent = "Verwijderd uit je actieplan.";
        var next = root.querySelector("button");
        if (next) next.focus();
        return;
      }
      var ids = groupRows.map(function (r) {
        return r.id;
      });
      var pos = ids.indexOf(id);
      var other = ids[action === "omhoog" ? pos - 1 : pos + 1];
      var bt = items.findIndex(function (s) {
        return s.id === other;
      });
      if (bt < 0) return;
      var tmp = items[at];
      items[at] = items[bt];
      items[bt] = tmp;
      save(items);
      draw({ id: id, action: action });
      live.textContent = "Verplaatst naar plaats " + (action === "omhoog" ? pos : pos + 2) + ".";
    }

    draw();
    window.addEventListener("storage", function (e) {
      if (e.key === STORE) draw();
    });
  }

  // ---- NSE message check ---------------------------------------------------------------------
  /* Same normalisation as toolbox/nse_check.py: lower case, accents removed, one char for one. */
  function normalise(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      var p = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      out += p.length === 1 ? p : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    }
    return out;
  }

  function nseCheck(text, rules) {
    var norm = normalise(text);
    var flags = [];
    rules.rules.forEach(function (rule) {
      var seen = {};
      var hits = [];
      rule.patterns.forEach(function (source) {
        var re = new RegExp(source, "g");
        var m;
        while ((m = re.exec(norm)) !== null) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          var key = m.index + ":" + (m.index + m[0].length);
          if (!seen[key]) {
            seen[key] = true;
            hits.push({ start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
          }
        }
      });
      if (hits.length) {
        hits.sort(function (a, b) {
          return a.start - b.start;
        });
        flags.push({ rule: rule, hits: hits });
      }
    });
    return flags;
  }

  function setupNse(form) {
    var rules = JSON.parse(document.getElementById("tb-nse-rules").textContent);
    var area = document.getElementById("tb-nse-text");
    var out = document.getElementById("tb-nse-result");
    form.hidden = false;
    window.tbNseCheck = function (text) {
      return nseCheck(text, rules).map(function (f) {
        return f.rule.id;
      });
    };
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = area.value;
      out.textContent = "";
      if (!text.trim()) {
        out.appendChild(el("p", null, "Plak eerst de tekst van je bericht in het tekstvak."));
        return;
      }
      var flags = nseCheck(text, rules);
      var summary = el("p", { class: "tb-nse__summary" });
      if (!flags.length) {
        summary.className += " tb-nse__summary--ok";
        summary.textContent = "Geen sturende formuleringen gevonden. Lees je tekst toch zelf nog eens na: deze check is een hulpmiddel, geen oordeel.";
        out.appendChild(summary);
        return;
      }
      summary.className += " tb-nse__summary--flag";
      summary.textContent =
        flags.length + (flags.length === 1 ? " melding" : " meldingen") + ". Bekijk of deze zinnen echt sturend zijn; de check kan zich vergissen.";
      out.appendChild(summary);
      flags.forEach(function (f) {
        var box = el("section", { class: "tb-nse__flag", "data-rule": f.rule.id, "aria-label": "Melding: " + f.rule.title });
        box.appendChild(el("h3", null, f.rule.title));
        var found = el("p");
        found.appendChild(el("strong", null, "Gevonden: "));
        f.hits.forEach(function (h, i) {
          if (i) found.appendChild(document.createTextNode(", "));
          found.appendChild(el("mark", null, "‘" + h.text.replace(/\s+/g, " ") + "’"));
        });
        box.appendChild(found);
        var why = el("p");
        why.appendChild(el("strong", null, "Niet toegestaan volgens de richtlijnen: "));
        why.appendChild(document.createTextNode(f.rule.example));
        box.appendChild(why);
        var rule = el("p");
        rule.appendChild(el("strong", null, "De richtlijn: "));
        rule.appendChild(document.createTextNode(rules.rule));
        box.appendChild(rule);
        box.appendChild(el("p", null, "Neutraal kan bijvoorbeeld zo:"));
        var ul = el("ul");
        f.rule.suggestions.forEach(function (s) {
          ul.appendChild(el("li", null, "‘" + s + "’"));
        });
        box.appendChild(ul);
        out.appendChild(box);
      });
    });
    document.getElementById("tb-nse-clear").addEventListener("click", function () {
      area.value = "";
      out.textContent = "";
      area.focus();
    });
  }

  // ---- handouts: write links out when printing -------------------------------------------------
  function markPrintLinks() {
    var links = document.querySelectorAll("article a[href]");
    Array.prototype.forEach.call(links, function (a) {
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || a.classList.contains("headerlink") || a.closest("svg, .md-content__button")) return;
      var full = a.href;
      if (a.textContent.trim() === full) return;
      a.setAttribute("data-print-href", full.replace(/^https?:\/\/(www\.)?/, ""));
    });
  }

  function start() {
    markPrintLinks();
    addButtons();
    var plan = document.getElementById("tb-plan");
    if (plan) renderPlan(plan);
    var form = document.getElementById("tb-nse-form");
    if (form) setupNse(form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
