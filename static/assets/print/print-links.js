/* Print handouts: links are written out on paper (print.css shows data-print-href after a link). */

import { ready } from "../shared/dom.js";

ready(() => {
  for (const a of document.querySelectorAll("article a[href]")) {
    const href = a.getAttribute("href");
    if (!href || href.charAt(0) === "#" || a.classList.contains("headerlink") || a.closest("svg, .md-content__button")) continue;
    const full = a.href;
    if (a.textContent.trim() === full) continue;
    a.setAttribute("data-print-href", full.replace(/^https?:\/\/(www\.)?/, ""));
  }
});
