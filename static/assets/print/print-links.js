/* Print handouts: links are written out on paper (print.css shows data-print-href after a link),
   and the print header (overrides/main.html) gets the page's address and today's date. */

import { ready } from "../shared/dom.js";

ready(() => {
  for (const a of document.querySelectorAll("article a[href]")) {
    const href = a.getAttribute("href");
    if (!href || href.charAt(0) === "#" || a.classList.contains("headerlink") || a.closest("svg, .md-content__button")) continue;
    const full = a.href;
    if (a.textContent.trim() === full) continue;
    a.setAttribute("data-print-href", full.replace(/^https?:\/\/(www\.)?/, ""));
  }
  const url = document.querySelector("[data-tb-print-url]");
  if (url) url.textContent = location.origin + location.pathname;
  const date = document.querySelector("[data-tb-print-date]");
  if (date) {
    const today = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
    date.textContent = "Afgedrukt op " + today;
  }
});
