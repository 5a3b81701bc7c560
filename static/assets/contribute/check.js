/* Checks a value against the record's JSON Schema (the subset toolbox/models.py generates) and
 * says what is wrong in Dutch, in the words `toolbox validate` uses (toolbox/messages.py). */

const PATTERNS = {
  "^[a-z0-9]+(-[a-z0-9]+)*$": "is geen geldige id; gebruik kleine letters, cijfers en streepjes (bijv. 'warm-welkom')",
  "\\S": "mag niet leeg zijn",
  "^https://[^ ]*$": "is geen https://-adres",
  "^[0-9]+(-[0-9]+)?$": "is ongeldig; schrijf een regelnummer of bereik, bijvoorbeeld '120-135'",
};
const TYPES = { string: "tekst", integer: "een geheel getal", array: "een lijst", object: "een groep velden" };

export function resolve(schema, defs) {
  let s = schema || {};
  while (s.$ref) s = defs[s.$ref.replace("#/$defs/", "")] || {};
  return s;
}

/** The schema without its "or empty" branch (`X | None` in the models), and whether it was optional. */
export function unwrap(schema, defs) {
  const s = resolve(schema, defs);
  if (Array.isArray(s.anyOf)) {
    const real = s.anyOf.filter((b) => resolve(b, defs).type !== "null");
    if (real.length === 1 && real.length < s.anyOf.length) {
      return { schema: { ...resolve(real[0], defs), description: s.description || resolve(real[0], defs).description }, optional: true };
    }
  }
  return { schema: s, optional: false };
}

function similarity(a, b) {
  const m = a.length, n = b.length;
  if (!m || !n) return 0;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[n] / Math.max(m, n);
}

/** " (bedoelde je 'X'?)" or "", like toolbox.messages.suggest. */
export function suggest(value, choices) {
  const text = String(value);
  const spaces = text !== text.trim() ? " zonder de spatie" : "";
  const bare = text.trim();
  const same = choices.find((c) => c.toLowerCase() === bare.toLowerCase());
  if (same) return ` (bedoelde je '${same}'${spaces}?)`;
  let best = null, score = 0.6;
  for (const c of choices) {
    const s = similarity(bare, c);
    if (s >= score) { best = c; score = s; }
  }
  return best ? ` (bedoelde je '${best}'${spaces}?)` : "";
}

function typeOf(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (Number.isInteger(v)) return "integer";
  return typeof v;
}

/** Every problem of `value`: [{path: [...], message}], empty when it fits the schema. */
export function check(schema, value, defs, path = [], field = "record") {
  const s = resolve(schema, defs);
  const out = [];
  const say = (message, at = path) => out.push({ path: at, message });
  if (Array.isArray(s.anyOf)) {
    const results = s.anyOf.map((b) => check(b, value, defs, path, field));
    if (!results.some((r) => r.length === 0)) {
      const { schema: real } = unwrap(s, defs);
      if (real !== s && !real.anyOf) out.push(...check(real, value, defs, path, field));
      else say((s["x-messages"] && s["x-messages"].anyOf) || `${field} past niet`);
    }
    if (!s.properties) return out;
  }
  if (s.if && check(s.if, value, defs, path, field).length === 0 && s.then) {
    const then = check(s.then, value, defs, path, field);
    if (then.length) say((s["x-messages"] && s["x-messages"].then) || then[0].message, then[0].path);
  }
  if (s.enum) {
    if (!s.enum.includes(value)) {
      const shown = s["x-labels"] ? "" : `; kies uit ${s.enum.join(", ")}`;
      const what = s["x-labels"] ? "bestaat niet" : "is ongeldig";
      say(`${field} '${value}' ${what}${shown}${suggest(value, s.enum)}`);
    }
    return out;
  }
  if (s.type && typeOf(value) !== s.type) {
    say(value === "" || value === undefined ? `${field} is leeg` : `${field} moet ${TYPES[s.type] || s.type} zijn`);
    return out;
  }
  if (s.type === "string") {
    if (s.pattern && !new RegExp(s.pattern, "u").test(value)) say(`${field} ${PATTERNS[s.pattern] || "heeft niet de juiste vorm"}`);
    else if (s.not && s.not.pattern && new RegExp(s.not.pattern, "u").test(value)) say(`${field}: ruwe HTML is niet toegestaan; gebruik Markdown`);
    if (s.maxLength && value.length > s.maxLength) say(`${field} is te lang (maximaal ${s.maxLength} tekens)`);
    if (s.format === "date" && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) say(`${field} moet een datum (JJJJ-MM-DD) zijn`);
  } else if (s.type === "integer") {
    if (s.minimum !== undefined && value < s.minimum) say(`${field} ${value} valt buiten het toegestane bereik (minimaal ${s.minimum})`);
    if (s.maximum !== undefined && value > s.maximum) say(`${field} ${value} valt buiten het toegestane bereik (maximaal ${s.maximum})`);
  } else if (s.type === "array") {
    if (s.minItems && value.length < s.minItems) say(`${field}: kies of schrijf er ten minste ${s.minItems}`);
    if (s.maxItems !== undefined && value.length > s.maxItems) say(`${field}: hoogstens ${s.maxItems}`);
    value.forEach((item, i) => out.push(...check(s.items, item, defs, [...path, i], field)));
  } else if (s.type === "object" || s.properties) {
    if (typeOf(value) !== "object") { say(`${field} moet een groep velden zijn`); return out; }
    for (const name of s.required || []) {
      if (value[name] === undefined) say(`verplicht veld '${name}' ontbreekt; vul het in`, [...path, name]);
    }
    for (const [name, prop] of Object.entries(s.properties || {})) {
      if (value[name] !== undefined) out.push(...check(prop, value[name], defs, [...path, name], name));
    }
  }
  return out;
}
