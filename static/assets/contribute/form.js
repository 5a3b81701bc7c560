/* The contribution form, generated from the record's JSON Schema (toolbox/contribute.py): one
 * field per property, checked while typing (check.js), the YAML shown as it grows (yaml.js), and
 * the way to send it: the repository's web editor with the file prefilled, or copy and the issue
 * route. Everything stays in the browser until the editor clicks through to GitHub. */

import { add, el } from "../shared/dom.js";
import { check, resolve, unwrap } from "./check.js";
import { listEntry, listFile, recordFile } from "./yaml.js";

let counter = 0;

/** Nothing filled in: an item of a list that the editor left empty is not part of the record. */
function blank(v) {
  if (v === undefined || v === null || v === "") return true;
  if (Array.isArray(v)) return v.every(blank);
  if (typeof v === "object") return Object.values(v).every(blank);
  return false;
}

function help(id, text) {
  return text ? el("p", { class: "tb-field__help", id: id + "-help" }, text) : null;
}

/** A field for one schema node: {node, get(), set(value), path, error}. `fields` collects them all. */
function field(name, schema, defs, required, path, fields) {
  const { schema: s, optional } = unwrap(schema, defs);
  const id = "tb-f-" + path.join("-") + "-" + counter++;
  const wrap = el("div", { class: "tb-field", "data-field": path.join(".") });
  const label = name + (required ? " (verplicht)" : optional || !required ? " (optioneel)" : "");
  const error = el("p", { class: "tb-field__error", id: id + "-error", "aria-live": "polite" });
  const describedBy = [s.description ? id + "-help" : null, id + "-error"].filter(Boolean).join(" ");
  const item = resolve(s.items, defs);
  let f;

  if (s.type === "object" || s.properties) {
    const box = el("fieldset", { class: "tb-field__group" });
    add(box, el("legend", null, name), help(id, s.description));
    const kids = (s["x-order"] || Object.keys(s.properties || {})).map((k) =>
      field(k, s.properties[k], defs, (s.required || []).includes(k), [...path, k], fields));
    const inner = add(el("div", { class: "tb-field__inner" }), ...kids.map((k) => k.node));
    let toggle = null;
    if (optional || !required) {
      toggle = el("input", { type: "checkbox", id: id + "-on" });
      add(box, add(el("label", { class: "tb-field__toggle", for: id + "-on" }), toggle, ` ${name} invullen`));
      inner.hidden = true;
      toggle.addEventListener("change", () => { inner.hidden = !toggle.checked; });
    }
    add(box, inner, error);
    wrap.appendChild(box);
    f = {
      get: () => {
        if (toggle && !toggle.checked) return undefined;
        const out = {};
        for (const k of kids) { const v = k.get(); if (v !== undefined) out[k.name] = v; }
        return out;
      },
      set: (v) => {
        if (toggle) { toggle.checked = v != null; inner.hidden = !toggle.checked; }
        for (const k of kids) k.set(v ? v[k.name] : undefined);
      },
    };
  } else if (s.type === "array" && (item.type === "object" || item.properties)) {
    const box = el("fieldset", { class: "tb-field__group" });
    add(box, el("legend", null, name), help(id, s.description));
    const list = el("div", { class: "tb-field__items" });
    const items = [];
    const more = el("button", { type: "button", class: "md-button tb-field__more" }, `Nog een ${name}-onderdeel toevoegen`);
    const addItem = (value) => {
      const k = field(`${name} ${items.length + 1}`, s.items, defs, true, [...path, items.length], fields);
      items.push(k);
      list.appendChild(k.node);
      if (value !== undefined) k.set(value);
      return k;
    };
    more.addEventListener("click", () => { addItem(); list.dispatchEvent(new Event("input", { bubbles: true })); });
    add(box, list, more, error);
    wrap.appendChild(box);
    addItem(); // one to start with; an item left empty is not part of the record
    f = {
      get: () => {
        const vals = items.map((k) => k.get()).filter((v) => !blank(v));
        return vals.length || required ? vals : undefined;
      },
      set: (v) => {
        items.splice(0).forEach((k) => k.node.remove());
        for (const x of v || []) addItem(x);
        if (!items.length) addItem();
      },
    };
  } else if (s.type === "array" && item.enum && item["x-labels"]) {
    const box = el("fieldset", { class: "tb-field__group tb-field__choices", "aria-describedby": describedBy });
    add(box, el("legend", null, label), help(id, s.description));
    const boxes = item.enum.map((v, i) => {
      const input = el("input", { type: "checkbox", id: `${id}-${i}`, value: v });
      add(box, add(el("label", { for: `${id}-${i}` }), input, ` ${item["x-labels"][v]}`));
      return input;
    });
    add(box, error);
    wrap.appendChild(box);
    // The order is the editor's ("the first is the most important"): as read, then as ticked.
    let order = [];
    box.addEventListener("input", (e) => {
      const v = e.target.value;
      order = order.filter((x) => x !== v);
      if (e.target.checked) order.push(v);
    });
    f = {
      get: () => (order.length || required ? order.slice() : undefined),
      set: (v) => {
        order = (v || []).filter((x) => item.enum.includes(x));
        boxes.forEach((b) => { b.checked = order.includes(b.value); });
      },
      focus: boxes[0],
    };
  } else {
    // Text, a choice, a number, a date, or a list written one per line or with commas.
    const enumOf = s.enum || (item && item.enum);
    const labels = s["x-labels"];
    let input;
    if (labels) {
      input = el("select", { id, "aria-describedby": describedBy });
      add(input, el("option", { value: "" }, required ? "kies" : "(geen)"));
      for (const v of s.enum) add(input, el("option", { value: v }, labels[v]));
    } else if (s["x-multiline"] || (s.type === "array" && item.type === "string" && !item.enum)) {
      input = el("textarea", { id, rows: s.type === "array" ? 3 : 5, "aria-describedby": describedBy });
    } else {
      input = el("input", { id, type: s.format === "date" ? "date" : "text", "aria-describedby": describedBy, autocomplete: "off" });
      if (s.type === "integer" || item.type === "integer") input.setAttribute("inputmode", "numeric");
      if (enumOf) {
        const list = el("datalist", { id: id + "-choices" });
        for (const v of enumOf) add(list, el("option", { value: v }));
        input.setAttribute("list", id + "-choices");
        wrap.appendChild(list);
      }
    }
    const extra = s.type === "array" ? (item.type === "string" && !item.enum ? "Eén per regel." : "Gescheiden door komma's.") : "";
    const hint = [s.description, enumOf && !labels ? `Kies uit ${enumOf.join(", ")}.` : "", extra].filter(Boolean).join(" ");
    add(wrap, el("label", { for: id }, label), help(id, hint), input, error);
    if (!hint) input.setAttribute("aria-describedby", id + "-error");
    const number = (t) => (/^[-+]?[0-9]+$/.test(t) ? Number(t) : t);
    f = {
      get: () => {
        const raw = input.value;
        if (s.type === "array") {
          const parts = item.type === "string" && !item.enum ? raw.split("\n") : raw.split(",");
          const vals = parts.map((p) => p.trim()).filter(Boolean).map((p) => (item.type === "integer" ? number(p) : p));
          return vals.length || required ? vals : undefined;
        }
        if (raw.trim() === "") return undefined;
        return s.type === "integer" ? number(raw.trim()) : raw;
      },
      set: (v) => {
        if (v === undefined || v === null) input.value = "";
        else if (Array.isArray(v)) input.value = v.join(item.type === "string" && !item.enum ? "\n" : ", ");
        else input.value = String(v).replace(/\n+$/, "");
      },
      focus: input,
    };
  }
  f.name = name.split(" ")[0];
  f.node = wrap;
  f.path = path;
  f.error = error;
  f.wrap = wrap;
  fields.push(f);
  return f;
}

function schemaPath(file) {
  return "../".repeat(file.split("/").length - 1) + "schemas/";
}

async function copy(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "De YAML is gekopieerd.";
  } catch (e) {
    status.textContent = "Kopiëren lukte niet; selecteer de YAML hierboven en kopieer hem zelf (Ctrl+C).";
  }
}

export async function startForm(root) {
  const data = await (await fetch(root.getAttribute("data-form"))).json();
  const params = new URLSearchParams(window.location.search);
  const [word, ident] = (params.get("wijzig") || "").split("/");
  const type = data.types.find((t) => (ident ? t.word === word : t.word === (params.get("nieuw") || "aanpak") && t.new));
  const form = root.querySelector("#tb-contribute-form");
  const title = root.querySelector("#tb-contribute-title");
  const intro = root.querySelector("#tb-contribute-intro");
  root.querySelector(".tb-contribute__choice").hidden = !ident;
  title.hidden = intro.hidden = false;
  if (!type) {
    title.textContent = "Dit formulier bestaat niet";
    intro.textContent = "Kies hierboven 'Nieuwe aanpak voorstellen', of open het formulier met 'Verbeter deze pagina' op een pagina.";
    root.setAttribute("data-tb-ready", "true");
    return;
  }
  const schema = type.record_schema;
  const defs = schema.$defs || {};
  let original = null;
  if (ident) {
    const all = await (await fetch(root.getAttribute("data-records") || data.records)).json();
    original = (all[type.collection] || []).find((r) => r.id === ident) || null;
  }
  if (ident && !original) {
    title.textContent = `Geen ${type.label} '${ident}' gevonden`;
    intro.textContent = "De link is misschien oud. Kies 'Nieuwe aanpak voorstellen' of ga terug naar de pagina.";
    root.setAttribute("data-tb-ready", "true");
    return;
  }
  title.textContent = original ? `Verbeter ${type.label} '${ident}'` : `Nieuwe ${type.label} voorstellen`;
  intro.textContent = original
    ? "De velden bevatten de gegevens van nu. Verbeter wat niet klopt; de YAML hieronder vervangt het record in de repository."
    : "Vul de velden in. Verplichte velden staan erbij; de uitleg onder elk veld komt uit het datamodel van de toolbox.";

  const fields = [];
  const top = (schema["x-order"] || Object.keys(schema.properties)).map((k) =>
    field(k, schema.properties[k], defs, (schema.required || []).includes(k), [k], fields));
  const formError = el("p", { class: "tb-field__error", id: "tb-contribute-errors", "aria-live": "polite" });
  add(form, ...top.map((f) => f.node), formError);
  const controls = el("p", { class: "tb-contribute__controls" });
  const checkAll = el("button", { type: "submit", class: "md-button md-button--primary" }, "Controleer alles");
  add(form, add(controls, checkAll));
  if (original) top.forEach((f) => f.set(original[f.name]));

  const result = root.querySelector("#tb-contribute-result");
  const yamlOut = root.querySelector("#tb-contribute-yaml");
  const status = root.querySelector("#tb-contribute-status");
  const send = root.querySelector("#tb-contribute-send");
  const touched = new Set();
  let showAll = false;

  const value = () => {
    const out = {};
    for (const f of top) { const v = f.get(); if (v !== undefined) out[f.name] = v; }
    return out;
  };
  const problems = (record) => {
    const found = check(schema, record, defs);
    if (!original && record.id && data.taken.includes(record.id)) {
      found.push({ path: ["id"], message: `id '${record.id}' is al in gebruik; kies een andere id` });
    }
    return found;
  };
  const owner = (path) => {
    let best = fields[0];
    for (const f of fields) {
      if (f.path.length <= path.length && f.path.every((p, i) => p === path[i]) && f.path.length >= best.path.length) best = f;
    }
    return best;
  };
  const file = () => {
    if (original) return original.origin.path;
    return type.new_file.replace("{id}", value().id || "nieuwe-aanpak");
  };
  const yamlFor = (record) => {
    const path = file();
    const schemaFile = schemaPath(path) + type.schema_file;
    if (!type.list_key) return recordFile(record, schemaFile);
    if (original && original.origin.path.split("/").length === 2) return listEntry(record); // the long list file
    return listFile(type.list_key, [record], schemaFile);
  };

  const update = () => {
    const record = value();
    const found = problems(record);
    const byField = new Map();
    for (const p of found) {
      if (p.path.length === 0) continue;
      const f = owner(p.path);
      if (!byField.has(f)) byField.set(f, []);
      byField.get(f).push(p.message);
    }
    const general = found.filter((p) => p.path.length === 0).map((p) => p.message);
    formError.textContent = showAll || touched.size ? general.join(" ") : "";
    for (const f of fields) {
      const shown = showAll || [...touched].some((t) => t.startsWith(f.path.join(".")) || f.path.join(".").startsWith(t));
      const msgs = shown ? byField.get(f) || [] : [];
      f.error.textContent = msgs.join(" ");
      const input = f.focus;
      if (input) input.setAttribute("aria-invalid", msgs.length ? "true" : "false");
    }
    const text = yamlFor(record);
    yamlOut.textContent = text;
    result.hidden = false;
    renderSend(found.length === 0, text);
    status.textContent = found.length
      ? `Nog ${found.length} ${found.length === 1 ? "probleem" : "problemen"} in het formulier; de velden zeggen wat er mis is.`
      : "Het formulier is in orde: deze YAML past in de toolbox.";
    root.setAttribute("data-tb-problems", String(found.length));
  };

  const renderSend = (ok, text) => {
    send.textContent = "";
    const copyButton = el("button", { type: "button", class: "md-button", id: "tb-contribute-copy" }, "Kopieer de YAML");
    copyButton.addEventListener("click", () => copy(text, status));
    const repo = data.repository;
    const path = file();
    if (repo) {
      const href = original
        ? repo.edit_file + path
        : `${repo.new_file}?filename=${encodeURIComponent(path)}&value=${encodeURIComponent(text)}`;
      const open = el("a", { class: "md-button md-button--primary", id: "tb-contribute-open", href: ok ? href : null, "aria-disabled": ok ? null : "true" },
        original ? "Open het bestand in de webeditor van GitHub" : "Open de webeditor van GitHub met dit bestand");
      const how = original
        ? (original.origin.path.split("/").length === 2 && type.list_key
          ? `Kopieer eerst de YAML. In de webeditor staat het record vanaf regel ${original.origin.line} (- id: ${original.id}) tot het volgende '- id:'; vervang die regels door de YAML en klik op 'Commit changes...' en 'Propose changes'.`
          : "Kopieer eerst de YAML. Vervang in de webeditor de hele inhoud van het bestand door de YAML en klik op 'Commit changes...' en 'Propose changes'.")
        : `De webeditor opent met het nieuwe bestand ${path} al ingevuld. Klik daar op 'Commit changes...' en 'Propose changes'; een redacteur bekijkt je voorstel.`;
      const issue = el("a", { href: `${repo.issues}?template=${original ? "correctie.yml" : "nieuwe-aanpak.yml"}`, id: "tb-contribute-issue" }, "het issueformulier");
      add(send, el("p", null, how), add(el("p", { class: "tb-contribute__buttons" }), open, " ", copyButton),
        add(el("p", null, "Geen GitHub-account of liever niet zelf? Plak de YAML in "), issue, "; een redacteur neemt het over."));
      if (!ok) add(send, el("p", { class: "tb-contribute__blocked" }, "De knop naar GitHub werkt zodra het formulier in orde is."));
    } else {
      const guide = el("a", { href: root.getAttribute("data-guide"), id: "tb-contribute-issue" }, "het issueformulier");
      add(send, add(el("p"), "Voor deze site is geen repository ingesteld. Kopieer de YAML en stuur hem met ", guide,
        " naar de redactie (zie 'Een aanpak voorstellen zonder zelf iets te bewerken')."));
      add(send, add(el("p", { class: "tb-contribute__buttons" }), copyButton));
    }
  };

  form.addEventListener("input", (e) => {
    const f = fields.find((x) => x.wrap.contains(e.target) && !x.wrap.querySelector(".tb-field") ) || fields.find((x) => x.wrap.contains(e.target));
    if (f) touched.add(f.path.join("."));
    update();
  });
  // No `change` listener: checkboxes and selects send `input` too, and a blur must not redraw the status.
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    showAll = true;
    update();
    const first = fields.find((f) => f.error.textContent);
    if (first && first.focus) first.focus.focus();
  });
  form.hidden = false;
  update();
  root.setAttribute("data-tb-ready", "true");
}
