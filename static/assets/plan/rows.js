/* Stored plan items joined with the catalog, and the three ways to group them. */

import { STATUSES, STATUS_LABELS } from "./store.js";

/** One row per stored item. Only ids found in the catalog get links; for any other id the text saved
 * when it was added is shown as text. `index` is null when the catalog could not be loaded. */
export function resolveRows(index, items) {
  const missingKind = index ? "Niet meer in de toolbox" : "Bewaard in je actieplan";
  return items.map((s) => {
    const found = index ? index.byId.get(s.id) : null;
    const base = { id: s.id, note: s.note, owner: s.owner, due: s.due, status: s.status, suggested: s.suggested };
    if (found) {
      const g = found.group;
      return Object.assign(base, {
        known: true,
        kind: found.kind,
        text: found.text,
        description: found.description || (found.kind === "Aanbeveling" ? g.summary : ""),
        url: found.url || g.url,
        ownPage: Boolean(found.url),
        sectors: found.sectors,
        groupKey: g.id,
        groupKind: g.kind,
        groupTitle: g.title,
        groupUrl: g.url,
        stakeholders: g.stakeholders,
        horizon: g.horizon,
      });
    }
    return Object.assign(base, {
      known: false,
      kind: "Onderdeel",
      text: s.text || s.id,
      description: "",
      url: "",
      ownPage: false,
      sectors: [],
      groupKey: "?" + (s.group || ""),
      groupKind: missingKind,
      groupTitle: s.group || "Overig",
      groupUrl: "",
      stakeholders: [],
      horizon: [],
    });
  });
}

const MONTHS = new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric", timeZone: "UTC" });
const DAYS = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function utc(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** "1 maart 2026" for "2026-03-01". */
export function longDate(iso) {
  return iso ? DAYS.format(utc(iso)) : "";
}

/** Sections for a view: [{key, kind, title, url, rows}] in the order the page and exports show them.
 * element: by werkzaam element or roadmap item, in plan order; status: gepland, bezig, klaar;
 * deadline: by month, earliest first, then the items without one. */
export function sections(rows, view) {
  const out = [];
  const byKey = new Map();
  const put = (key, head, row) => {
    if (!byKey.has(key)) {
      const section = Object.assign({ key, rows: [] }, head);
      byKey.set(key, section);
      out.push(section);
    }
    byKey.get(key).rows.push(row);
  };
  if (view === "status") {
    for (const status of STATUSES) {
      for (const r of rows) if (r.status === status) put(status, { kind: "Status", title: STATUS_LABELS[status], url: "" }, r);
    }
    return out;
  }
  if (view === "deadline") {
    const dated = rows.filter((r) => r.due).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    for (const r of dated) {
      const month = r.due.slice(0, 7);
      const label = MONTHS.format(utc(month + "-01"));
      put(month, { kind: "Deadline", title: label, url: "" }, r);
    }
    for (const r of rows) if (!r.due) put("-", { kind: "Deadline", title: "Geen deadline", url: "" }, r);
    return out;
  }
  for (const r of rows) put(r.groupKind + "|" + r.groupKey, { kind: r.groupKind, title: r.groupTitle, url: r.groupUrl, group: r }, r);
  return out;
}

/** Betrokkenen and tijdspad of a roadmap item, sectors of an intervention. */
export function details(r) {
  const out = [];
  if (r.sectors.length) out.push(["Sectoren", r.sectors.join(", ")]);
  if (r.stakeholders.length) out.push(["Betrokkenen", r.stakeholders.join(", ")]);
  if (r.horizon.length) out.push(["Tijdspad", r.horizon.join(" – ")]);
  return out;
}
