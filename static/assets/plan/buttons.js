/* "Zet in mijn actieplan" buttons.
 *
 * Any element with data-plan-id gets one: recommendations and tips (the list item itself), an
 * intervention page's slot, and the slots that the finder's cards and the search page's results
 * render (<div class="tb-plan-slot" data-plan-id="aanpak/ID" data-plan-title="Title">). Slots
 * that scripts add later are found by a MutationObserver, so those scripts only render the slot. */

import { clip, el } from "../shared/dom.js";
import * as store from "./store.js";

let status = null;

function planHref() {
  const link = document.querySelector('a[href$="actieplan/"]');
  return link ? link.getAttribute("href") : null;
}

function heading() {
  const h1 = document.querySelector("article h1");
  return h1 ? h1.textContent.replace("¶", "").trim() : document.title;
}

/* What the plan keeps of an item, for when it is no longer in the toolbox. */
function snapshotOf(node) {
  let text = node.getAttribute("data-plan-title");
  if (!text) {
    text = node.classList.contains("tb-plan-slot")
      ? heading()
      : Array.prototype.map
          .call(node.childNodes, (c) => (c.nodeType === 1 && c.classList.contains("tb-plan-btn") ? "" : c.textContent))
          .join("");
  }
  return {
    text: text.replace(/\s+/g, " ").replace("¶", "").trim(),
    group: node.hasAttribute("data-plan-title") ? "Aanpakken" : heading(),
  };
}

function setButton(btn, on) {
  const short = clip(btn.tbText, 70);
  btn.setAttribute("aria-pressed", on ? "true" : "false");
  btn.textContent = on ? "In mijn actieplan ✓" : "Zet in mijn actieplan";
  btn.setAttribute("aria-label", (on ? "Staat in mijn actieplan (klik om te verwijderen): " : "Zet in mijn actieplan: ") + short);
}

function statusLine() {
  if (!status || !status.isConnected) {
    status = el("p", { class: "tb-plan-status", role: "status", "aria-live": "polite" });
    (document.querySelector("article") || document.body).appendChild(status);
  }
  return status;
}

function say(text, withLink) {
  const line = statusLine();
  line.textContent = text + (withLink ? " " : "");
  const href = withLink ? planHref() : null;
  if (href) line.appendChild(el("a", { href }, "Bekijk je actieplan"));
}

function addButton(node, inPlan) {
  if (node.querySelector(":scope > .tb-plan-btn")) return;
  const id = node.getAttribute("data-plan-id");
  const btn = el("button", { type: "button", class: "tb-plan-btn", "data-plan-button": id });
  btn.tbText = snapshotOf(node).text;
  setButton(btn, inPlan.has(id));
  btn.addEventListener("click", () => {
    const added = store.toggle(id, snapshotOf(node));
    if (added === null) {
      say("Dit kon niet worden bewaard: de opslag van deze browser is vol of staat uit.", false);
      return;
    }
    setButton(btn, added);
    say(added ? "Toegevoegd aan je actieplan." : "Verwijderd uit je actieplan.", true);
  });
  node.appendChild(document.createTextNode(" "));
  node.appendChild(btn);
}

function addAll(root) {
  const nodes = [];
  if (root.nodeType === 1 && root.hasAttribute("data-plan-id")) nodes.push(root);
  if (root.querySelectorAll) nodes.push(...root.querySelectorAll("[data-plan-id]"));
  if (!nodes.length) return;
  const inPlan = new Set(store.load().map((i) => i.id));
  nodes.forEach((n) => addButton(n, inPlan));
}

/* Show the plan's current state on every button (after a change here or in another tab). */
function refresh() {
  if (!document.querySelector("[data-plan-button]")) return;
  const inPlan = new Set(store.load().map((i) => i.id));
  document.querySelectorAll("[data-plan-button]").forEach((b) => setButton(b, inPlan.has(b.getAttribute("data-plan-button"))));
}

export function startButtons() {
  addAll(document);
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach((n) => n.nodeType === 1 && addAll(n));
  }).observe(document.body, { childList: true, subtree: true });
  window.addEventListener("storage", (e) => {
    if (e.key === store.STORE) refresh();
  });
  window.addEventListener(store.CHANGED, refresh);
}
