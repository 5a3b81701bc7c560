/* The NSE message check (entry module): loads the check only on its page, see check.js. */

import { ready } from "../shared/dom.js";

ready(() => {
  const form = document.getElementById("tb-nse-form");
  if (form && form.getAttribute("data-rules")) import("./check.js").then((m) => m.startCheck(form));
});
