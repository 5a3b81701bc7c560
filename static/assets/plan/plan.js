/* Samen Sterker toolbox: the action plan (entry module).
 * Every page: "Zet in mijn actieplan" buttons. The plan page (#tb-plan) loads its own module.
 * Everything runs in the browser; the plan is kept in localStorage only. */

import { ready } from "../shared/dom.js";
import { startButtons } from "./buttons.js";

ready(() => {
  startButtons();
  const root = document.getElementById("tb-plan");
  if (root) import("./page.js").then((m) => m.startPlanPage(root));
});
