/* The plan as files: Markdown, CSV for Dutch Excel, an iCalendar file with the deadlines, and the
 * JSON file that "Importeer uit bestand" reads back. Every function is pure: rows in, text out. */

import { absolute } from "../shared/dom.js";
import { STATUS_LABELS, VERSION } from "./store.js";
import { details, longDate, sections } from "./rows.js";

export const FILE_FORMAT = "samen-sterker-actieplan";

function link(r) {
  return r.url ? absolute(r.url) : "";
}

/* Text typed by a visitor stays text when the Markdown is rendered: no raw HTML, one line. */
function mdText(s) {
  return String(s).replace(/\s*\n\s*/g, " / ").replace(/</g, "\\<");
}

export function toMarkdown(rows, view, today) {
  const lines = ["# Mijn actieplan", "", "Gemaakt met de Samen Sterker toolbox op " + today.toLocaleDateString("nl-NL") + ".", ""];
  for (const s of sections(rows, view)) {
    lines.push("## " + s.kind + ": " + s.title, "");
    s.rows.forEach((r, i) => {
      lines.push(i + 1 + ". **" + r.kind + ":** " + r.text);
      if (view !== "element") lines.push("   - Onderdeel van: " + r.groupKind + ": " + r.groupTitle);
      if (r.description) lines.push("   - Omschrijving: " + r.description);
      for (const d of details(r)) lines.push("   - " + d[0] + ": " + d[1]);
      if (r.owner.trim()) lines.push("   - Eigenaar: " + mdText(r.owner));
      if (r.due) lines.push("   - Deadline: " + longDate(r.due));
      lines.push("   - Status: " + STATUS_LABELS[r.status]);
      if (r.note.trim()) lines.push("   - Notitie: " + mdText(r.note));
      if (r.url) lines.push("   - Bron: " + link(r));
    });
    lines.push("");
  }
  return lines.join("\n");
}

/* A cell for a spreadsheet: quoted, and never read as a formula (OWASP: prefix =, +, -, @, tab, CR). */
export function csvCell(value) {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return '"' + s.replace(/"/g, '""') + '"';
}

export const CSV_COLUMNS = [
  "volgorde",
  "groep",
  "soort",
  "tekst",
  "sectoren",
  "betrokkenen",
  "tijdspad",
  "notitie",
  "bron",
  "omschrijving",
  "eigenaar",
  "deadline",
  "status",
];

/** Semicolons and a byte-order mark: Dutch Excel opens it as columns, in UTF-8. */
export function toCsv(rows, view) {
  const out = [CSV_COLUMNS.map(csvCell).join(";")];
  for (const s of sections(rows, view)) {
    s.rows.forEach((r, i) => {
      out.push(
        [
          i + 1, // the place within its group, as in the Markdown export
          r.groupKind + ": " + r.groupTitle,
          r.kind,
          r.text,
          r.sectors.join(", "),
          r.stakeholders.join(", "),
          r.horizon.join(" – "),
          r.note,
          link(r),
          r.description,
          r.owner,
          r.due,
          STATUS_LABELS[r.status],
        ]
          .map(csvCell)
          .join(";")
      );
    });
  }
  return "\ufeff" + out.join("\r\n") + "\r\n";
}

/* RFC 5545: escape text values, fold lines at 75 octets (continuation lines start with a space). */
function icsText(s) {
  return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

function fold(line) {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const parts = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function stamp(d) {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function nextDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10).replace(/-/g, "");
}

/** One all-day event per item with a deadline. */
export function toIcs(rows, now) {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Samen Sterker toolbox//Actieplan//NL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Actieplan",
  ];
  for (const r of rows) {
    if (!r.due) continue;
    const description = [
      r.kind + ": " + r.text,
      r.description ? "Omschrijving: " + r.description : "",
      "Onderdeel van: " + r.groupKind + ": " + r.groupTitle,
      r.owner.trim() ? "Eigenaar: " + r.owner : "",
      "Status: " + STATUS_LABELS[r.status],
      r.note.trim() ? "Notitie: " + r.note : "",
      r.url ? "Bron: " + link(r) : "",
    ].filter(Boolean);
    lines.push(
      "BEGIN:VEVENT",
      "UID:" + r.id.replace(/[^a-z0-9-]/g, "-") + "@actieplan.samen-sterker-toolbox",
      "DTSTAMP:" + stamp(now),
      "DTSTART;VALUE=DATE:" + r.due.replace(/-/g, ""),
      "DTEND;VALUE=DATE:" + nextDay(r.due),
      "SUMMARY:" + icsText("Actieplan: " + r.text),
      "DESCRIPTION:" + icsText(description.join("\n"))
    );
    if (r.url) lines.push("URL:" + link(r));
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** The file "Importeer uit bestand" reads: the stored fields, and each item's text for people. */
export function toFile(items, rows, today) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (
    JSON.stringify(
      {
        format: FILE_FORMAT,
        version: VERSION,
        made: today.toISOString().slice(0, 10),
        items: items.map((i) => ({
          id: i.id,
          text: (byId.get(i.id) || i).text,
          owner: i.owner,
          due: i.due,
          status: i.status,
          note: i.note,
          suggested: i.suggested,
        })),
      },
      null,
      1
    ) + "\n"
  );
}
