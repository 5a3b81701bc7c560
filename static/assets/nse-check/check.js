/* The NSE message check (/communicatie/check/): the rules of content/nse-regels.yaml, applied in the
 * browser exactly as `toolbox nse-check` applies them (see toolbox/nse_check.py). The rules come
 * from the data file named by #tb-nse-form[data-rules]; the form shows, and gets data-tb-ready,
 * once they are loaded. The text never leaves the browser. Loaded by nse-check.js. */

import { add, el } from "../shared/dom.js";

/* Same normalisation as toolbox/nse_check.py: lower case, accents removed, one char for one. */
function normalise(text) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const p = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    out += p.length === 1 ? p : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  }
  return out;
}

export function nseCheck(text, rules) {
  const norm = normalise(text);
  const flags = [];
  for (const rule of rules.rules) {
    const seen = new Set();
    const hits = [];
    for (const source of rule.patterns) {
      const re = new RegExp(source, "g");
      let m;
      while ((m = re.exec(norm)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const key = m.index + ":" + (m.index + m[0].length);
        if (!seen.has(key)) {
          seen.add(key);
          hits.push({ start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
        }
      }
    }
    if (hits.length) {
      hits.sort((a, b) => a.start - b.start);
      flags.push({ rule, hits });
    }
  }
  return flags;
}

function explain(out, flags, rules) {
  const summary = el("p", { class: "tb-nse__summary" });
  if (!flags.length) {
    summary.className += " tb-nse__summary--ok";
    summary.textContent = "Geen sturende formuleringen gevonden. Lees je tekst toch zelf nog eens na: deze check is een hulpmiddel, geen oordeel.";
    out.appendChild(summary);
    return;
  }
  summary.className += " tb-nse__summary--flag";
  summary.textContent = flags.length + (flags.length === 1 ? " melding" : " meldingen") + ". Bekijk of deze zinnen echt sturend zijn; de check kan zich vergissen.";
  out.appendChild(summary);
  for (const f of flags) {
    const box = el("section", { class: "tb-nse__flag", "data-rule": f.rule.id, "aria-label": "Melding: " + f.rule.title });
    box.appendChild(el("h3", null, f.rule.title));
    const found = add(el("p"), el("strong", null, "Gevonden: "));
    f.hits.forEach((h, i) => {
      if (i) found.appendChild(document.createTextNode(", "));
      found.appendChild(el("mark", null, "‘" + h.text.replace(/\s+/g, " ") + "’"));
    });
    box.appendChild(found);
    box.appendChild(add(el("p"), el("strong", null, "Niet toegestaan volgens de richtlijnen: "), f.rule.example));
    box.appendChild(add(el("p"), el("strong", null, "De richtlijn: "), rules.rule));
    box.appendChild(el("p", null, "Neutraal kan bijvoorbeeld zo:"));
    const ul = el("ul");
    for (const s of f.rule.suggestions) ul.appendChild(el("li", null, "‘" + s + "’"));
    box.appendChild(ul);
    out.appendChild(box);
  }
}

function setup(form, rules) {
  const area = document.getElementById("tb-nse-text");
  const out = document.getElementById("tb-nse-result");
  window.tbNseCheck = (text) => nseCheck(text, rules).map((f) => f.rule.id);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = area.value;
    out.textContent = "";
    if (!text.trim()) {
      out.appendChild(el("p", null, "Plak eerst de tekst van je bericht in het tekstvak."));
      return;
    }
    explain(out, nseCheck(text, rules), rules);
  });
  document.getElementById("tb-nse-clear").addEventListener("click", () => {
    area.value = "";
    out.textContent = "";
    area.focus();
  });
  form.hidden = false;
  form.setAttribute("data-tb-ready", "");
}

export function startCheck(form) {
  return fetch(new URL(form.getAttribute("data-rules"), window.location.href))
    .then((response) => {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then((rules) => setup(form, rules))
    .catch(() => {
      // Without the rules the page keeps its list of what the check looks for, as without JavaScript.
      const out = document.getElementById("tb-nse-result");
      if (out) out.textContent = "De check kon niet worden geladen. Hieronder staat waar hij op let; je kunt je tekst daar zelf mee nalopen.";
    });
}
