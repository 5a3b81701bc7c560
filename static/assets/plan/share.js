/* "Deel dit plan": the whole plan in the link's fragment (after #), which browsers never send to a
 * server. The fields are packed as arrays, compressed with deflate-raw (CompressionStream) and
 * written as base64url. Reading a link or a file never trusts it: sizes are capped before and after
 * decompressing, and every item goes through store.cleanItems. */

import { STATUSES, cleanItems, newReport } from "./store.js";
import { FILE_FORMAT } from "./exports.js";

export const PARAM = "deel";
export const LINK_LIMIT = 2000; // many mail and chat programs cut longer links
const MAX_ENCODED = 100000; // characters of a link we try to read at all
const MAX_JSON = 1000000; // bytes after decompressing (a small link can unpack to a lot)
export const MAX_FILE = 2000000;
const SHARE_VERSION = 2;

/** A share link or file that cannot be read; `reason` is for developers, the page says it in Dutch. */
export class ShareError extends Error {}

function toBase64url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareError("not base64url");
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  let bin;
  try {
    bin = atob(b64);
  } catch (e) {
    throw new ShareError("not base64");
  }
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/* Inflate, stopping as soon as the output passes MAX_JSON. */
async function inflate(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_JSON) {
        reader.cancel().catch(() => {});
        throw new ShareError("too large");
      }
      chunks.push(value);
    }
  } catch (e) {
    throw e instanceof ShareError ? e : new ShareError("not deflate");
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/* [id, status, due, owner, note, suggested] with trailing defaults left off. */
function pack(item) {
  const row = [item.id, STATUSES.indexOf(item.status), item.due, item.owner, item.note, item.suggested ? 1 : 0];
  while (row.length > 1 && (row[row.length - 1] === "" || row[row.length - 1] === 0)) row.pop();
  return row;
}

function unpack(row) {
  if (!Array.isArray(row)) return null;
  return {
    id: row[0],
    status: row[1] === undefined ? "gepland" : STATUSES[row[1]] || "?",
    due: row[2],
    owner: row[3],
    note: row[4],
    suggested: row[5] === 1,
  };
}

/** The fragment value for a plan (without "#deel="). */
export async function encodePlan(items) {
  const json = JSON.stringify([SHARE_VERSION, items.map(pack)]);
  return toBase64url(await deflate(new TextEncoder().encode(json)));
}

/** The full share link for a plan on this page. */
export async function shareLink(items) {
  const here = window.location;
  return here.origin + here.pathname + "#" + PARAM + "=" + (await encodePlan(items));
}

/** The fragment value of the current address, or null when it carries no plan. */
export function linkPayload() {
  const hash = window.location.hash;
  const prefix = "#" + PARAM + "=";
  return hash.startsWith(prefix) ? hash.slice(prefix.length) : null;
}

/** {items, report} from a fragment value; throws ShareError when it cannot be read at all. */
export async function decodePlan(text) {
  if (!text || text.length > MAX_ENCODED) throw new ShareError("empty or too long");
  const bytes = await inflate(fromBase64url(text));
  let data;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (e) {
    throw new ShareError("not JSON");
  }
  if (!Array.isArray(data) || data[0] !== SHARE_VERSION || !Array.isArray(data[1])) throw new ShareError("not a plan");
  const report = newReport();
  return { items: cleanItems(data[1].map(unpack), report), report };
}

/** {items, report} from the text of an exported file; throws ShareError when it is not a plan. */
export function readPlanFile(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ShareError("not JSON");
  }
  if (!data || data.format !== FILE_FORMAT || !Array.isArray(data.items)) throw new ShareError("not a plan file");
  const report = newReport();
  // The file's `text` is for people; the plan takes each item's text from the toolbox.
  const items = cleanItems(
    data.items.map((i) => (i && typeof i === "object" ? Object.assign({}, i, { text: undefined, group: undefined }) : i)),
    report
  );
  return { items, report };
}
