/* The action plan in localStorage, and the one check every plan passes through.
 *
 * Whatever comes in (this browser's storage, a share link, an imported file) is cleaned by
 * `cleanItems`: unknown fields are dropped, text is cut to a size, dates and statuses are checked,
 * and what cannot be read is left out and counted, so the page can say what it mended in Dutch. */

// The key has said "v1" since the first version; the value carries its own version.
export const STORE = "tb-actieplan-v1";
export const VERSION = 2;
export const STATUSES = ["gepland", "bezig", "klaar"];
export const STATUS_LABELS = { gepland: "Gepland", bezig: "Bezig", klaar: "Klaar" };
export const VIEWS = ["element", "status", "deadline"];
export const LIMITS = { items: 500, note: 4000, owner: 100, text: 600 };
export const CHANGED = "tb-plan-change"; // dispatched on window after every save

const ID = /^[a-z0-9][a-z0-9-]{0,99}(\/[a-z0-9][a-z0-9-]{0,99})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Counts of what `cleanItems` mended; `describe` turns them into Dutch sentences. */
export function newReport() {
  return { dropped: 0, cut: 0, dates: 0, statuses: 0, duplicates: 0, over: 0 };
}

function text(value, limit, report) {
  // A hand-edited or imported file may hold a number where text belongs ("note": 42): keep it.
  if (typeof value === "number" && Number.isFinite(value)) value = String(value);
  if (typeof value !== "string") return "";
  if (value.length > limit) {
    report.cut++;
    return value.slice(0, limit);
  }
  return value;
}

/** "YYYY-MM-DD" of a real day, or "" (and counted when something else was given). */
export function cleanDate(value, report) {
  if (value === undefined || value === null || value === "") return "";
  const m = typeof value === "string" ? DATE.exec(value) : null;
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] && +m[1] >= 1900) {
      return value;
    }
  }
  if (report) report.dates++;
  return "";
}

/** A clean plan item from anything, or null when it has no usable id. */
export function cleanItem(raw, report) {
  if (!raw || typeof raw !== "object" || Array.isArray(raw) || typeof raw.id !== "string" || !ID.test(raw.id)) {
    report.dropped++;
    return null;
  }
  let status = "gepland";
  if (raw.status !== undefined && raw.status !== "") {
    if (STATUSES.indexOf(raw.status) >= 0) status = raw.status;
    else report.statuses++;
  }
  return {
    id: raw.id,
    note: text(raw.note, LIMITS.note, report),
    owner: text(raw.owner, LIMITS.owner, report),
    due: cleanDate(raw.due, report),
    status: status,
    suggested: raw.suggested === true,
    // What the item said when it was added, for when it is no longer in the toolbox.
    text: text(raw.text, LIMITS.text, report),
    group: text(raw.group, LIMITS.text, report),
  };
}

export function cleanItems(list, report) {
  const out = [];
  const seen = new Set();
  if (!Array.isArray(list)) return out;
  for (const raw of list) {
    const item = cleanItem(raw, report);
    if (!item) continue;
    if (seen.has(item.id)) {
      report.duplicates++;
      continue;
    }
    if (out.length >= LIMITS.items) {
      report.over++;
      continue;
    }
    seen.add(item.id);
    out.push(item);
  }
  return out;
}

function count(n, one, many) {
  return n + " " + (n === 1 ? one : many);
}

/** Dutch sentences for what was mended (empty when nothing was). */
export function describe(report) {
  const out = [];
  if (report.dropped) out.push(count(report.dropped, "punt was onleesbaar en is", "punten waren onleesbaar en zijn") + " weggelaten.");
  if (report.duplicates) out.push(count(report.duplicates, "punt stond", "punten stonden") + " dubbel in de lijst en " + (report.duplicates === 1 ? "is" : "zijn") + " één keer overgenomen.");
  if (report.cut) {
    out.push(
      count(report.cut, "tekst was te lang en is", "teksten waren te lang en zijn") +
        " ingekort (een notitie mag " + LIMITS.note.toLocaleString("nl-NL") + " tekens hebben, een eigenaar " + LIMITS.owner + ")."
    );
  }
  if (report.dates) out.push(count(report.dates, "deadline was geen geldige datum en is", "deadlines waren geen geldige datum en zijn") + " leeggemaakt.");
  if (report.statuses) out.push(count(report.statuses, "status was onbekend en is", "statussen waren onbekend en zijn") + " op ‘gepland’ gezet.");
  if (report.over) out.push("Een actieplan heeft hoogstens " + LIMITS.items + " punten; " + count(report.over, "punt is", "punten zijn") + " weggelaten.");
  return out;
}

/** The stored plan: {items, view, problem, report}. `problem` is "unreadable" when the stored value
 * could not be read at all, "blocked" when the browser refuses storage, else null. */
export function read() {
  const report = newReport();
  let raw;
  try {
    raw = window.localStorage.getItem(STORE);
  } catch (e) {
    return { items: [], view: "element", problem: "blocked", report };
  }
  if (raw === null) return { items: [], view: "element", problem: null, report };
  let data;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    data = undefined;
  }
  if (!data || typeof data !== "object" || !Array.isArray(data.items)) {
    return { items: [], view: "element", problem: "unreadable", report };
  }
  const items = cleanItems(data.items, report);
  const view = VIEWS.indexOf(data.view) >= 0 ? data.view : "element";
  return { items, view, problem: null, report };
}

export function load() {
  return read().items;
}

/** Save the plan; false when the browser refuses (storage full or switched off). */
export function save(items, view) {
  try {
    const current = view || read().view;
    window.localStorage.setItem(STORE, JSON.stringify({ version: VERSION, view: current, items: items }));
  } catch (e) {
    return false;
  }
  window.dispatchEvent(new CustomEvent(CHANGED));
  return true;
}

export function has(id) {
  return load().some((i) => i.id === id);
}

/** Add the item when it is missing, remove it when it is there; returns whether it is in now
 * (null when the plan could not be saved). */
export function toggle(id, snapshot) {
  const items = load();
  const at = items.findIndex((i) => i.id === id);
  if (at >= 0) items.splice(at, 1);
  else items.push(cleanItem({ id, text: snapshot.text, group: snapshot.group }, newReport()));
  if (!save(items)) return null;
  return at < 0;
}

/** Change fields of one item; false when the plan could not be saved. */
export function update(id, fields) {
  const items = load();
  const item = items.find((i) => i.id === id);
  if (!item) return true;
  Object.assign(item, fields);
  return save(items);
}

/** Append the items that are not in the plan yet; returns {added, present} (null when not saved). */
export function addMany(newItems) {
  const items = load();
  const ids = new Set(items.map((i) => i.id));
  let added = 0;
  let present = 0;
  for (const item of newItems) {
    if (ids.has(item.id)) {
      present++;
      continue;
    }
    if (items.length >= LIMITS.items) break;
    ids.add(item.id);
    items.push(item);
    added++;
  }
  if (!save(items)) return null;
  return { added, present };
}
