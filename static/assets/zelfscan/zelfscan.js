/* The self-scan (entry module): loads the scan only on its page (#tb-scan), see scan.js. */

import { ready } from "../shared/dom.js";

ready(() => {
  const form = document.getElementById("tb-scan");
  if (form) import("./scan.js").then((m) => m.startScan(form));
});
