/* YAML text for a record, in the layout of content/ (block mappings, flow lists of plain words,
 * `|` blocks for text of several lines). Text that is not a plain word is written as a JSON
 * string, which YAML reads as the same text, so nothing the editor typed can change the structure. */

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
// Words the YAML 1.2 core schema reads as something other than text (toolbox/load.py).
const TYPED = /^(null|Null|NULL|~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

function word(v) {
  if (typeof v === "number") return String(v);
  const s = String(v);
  return PLAIN.test(s) && !TYPED.test(s) ? s : JSON.stringify(s);
}

function isFlat(list) {
  return list.every((v) => typeof v === "number" || (typeof v === "string" && PLAIN.test(v) && !TYPED.test(v)));
}

function text(value, pad) {
  const s = String(value).replace(/\r\n?/g, "\n");
  if (!s.includes("\n")) return " " + word(s);
  const lines = s.replace(/\n+$/, "").split("\n");
  const indicator = lines[0].startsWith(" ") ? "|2" : "|";
  return ` ${indicator}\n` + lines.map((ln) => (ln ? pad + "  " + ln : "")).join("\n");
}

/** The lines of a mapping at indentation `pad`; the first line's own indentation is left to the caller. */
function mapping(obj, pad) {
  const out = [];
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (isFlat(value)) out.push(`${pad}${key}: [${value.map(word).join(", ")}]`);
      else {
        out.push(`${pad}${key}:`);
        for (const item of value) out.push(...listItem(item, pad + "  "));
      }
    } else if (value !== null && typeof value === "object") {
      out.push(`${pad}${key}:`, ...mapping(value, pad + "  "));
    } else {
      out.push(`${pad}${key}:${typeof value === "string" ? text(value, pad) : " " + word(value)}`);
    }
  }
  return out;
}

function listItem(item, pad) {
  if (item === null || typeof item !== "object") return [`${pad}-${text(item, pad + "  ")}`];
  const lines = mapping(item, pad + "  ");
  if (!lines.length) return [`${pad}- {}`];
  lines[0] = `${pad}- ${lines[0].slice(pad.length + 2)}`;
  return lines;
}

/** A whole record file: the schema line editors' tools read, then the record. */
export function recordFile(record, schemaPath) {
  return [`# yaml-language-server: $schema=${schemaPath}`, ...mapping(record, "")].join("\n") + "\n";
}

/** A file of records as the list under `key` (content/interventions/<id>.yaml). */
export function listFile(key, records, schemaPath) {
  return [`# yaml-language-server: $schema=${schemaPath}`, `${key}:`, ...records.flatMap((r) => listItem(r, "  "))].join("\n") + "\n";
}

/** One record as an item of the list in a list file, indented as in content/interventions.yaml. */
export function listEntry(record) {
  return listItem(record, "  ").join("\n") + "\n";
}
