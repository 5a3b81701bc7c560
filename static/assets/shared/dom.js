/* Small DOM helpers shared by the feature modules. Record text is only ever written as text. */

/** A new element with an optional class name and text content. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** A copy of the first element inside a <template>, or null when the page has no such template. */
export function cloneTemplate(id) {
  const template = document.getElementById(id);
  return template && template.content.firstElementChild ? template.content.firstElementChild.cloneNode(true) : null;
}

/** Run `start` once the document is parsed (module scripts usually run after that already). */
export function ready(start) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
}

/** Mark `node` as ready for tests and other scripts: its feature has applied its state. */
export function markReady(node) {
  node.setAttribute("data-tb-ready", "");
}
