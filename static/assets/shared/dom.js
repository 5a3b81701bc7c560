/* Small DOM helpers shared by the feature modules. Text is only ever set with textContent:
 * nothing from records, storage, links or files is parsed as HTML. */

/** An element with attributes (null and undefined are skipped) and optional text. */
export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : String(v));
    }
  }
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** Append children (nodes or strings) to a node; returns the node. */
export function add(node, ...children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

/** Run `fn` once the document is parsed (module scripts usually run after that already). */
export function ready(fn) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn, { once: true });
  else fn();
}

/** At most `n` characters, with an ellipsis when cut. */
export function clip(text, n) {
  const s = String(text);
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

/** Offer `text` as a file download (nothing leaves the browser). */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An absolute URL for a site-relative one (for exports that leave the site). */
export function absolute(url, base) {
  try {
    return new URL(url, base || window.location.href).href;
  } catch (e) {
    return "";
  }
}

/** A copy of the first element inside a <template>, or null when the page has no such template. */
export function cloneTemplate(id) {
  const template = document.getElementById(id);
  return template && template.content.firstElementChild ? template.content.firstElementChild.cloneNode(true) : null;
}

/** Mark `node` as ready for tests and other scripts: its feature has applied its state. */
export function markReady(node) {
  node.setAttribute("data-tb-ready", "");
}
