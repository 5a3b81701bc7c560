/* The contribution form (entry module): loads the form only on /bijdragen/, see form.js. */

import { ready } from "../shared/dom.js";

ready(() => {
  const root = document.getElementById("tb-contribute");
  if (root && root.getAttribute("data-form")) import("./form.js").then((m) => m.startForm(root));
});
