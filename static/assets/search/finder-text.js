/* The finder's text box (/aanpakken/) through the site search, so it answers like the header box
 * and /zoeken/: the same stop words, corrections, compounds, synonyms and partial matches
 * (engine.js), matched against the cards' own texts. It also says where else the words were found
 * ("Ook gevonden: 1 casus"), with a link to those results on /zoeken/.
 */
import { add, el } from "../shared/dom.js";
import { counted, interpret, matcher, search, siteUrl } from "./engine.js";

/** Which of `texts` match `q`: resolves to {test(i) -> boolean, partial, corrected}. */
export async function textFilter(q, texts) {
  const interpretation = await interpret(q || "");
  const { matches, partial } = matcher(interpretation)(texts);
  return { test: (i) => matches[i], partial, corrected: interpretation.corrected };
}

let shownFor = null;

/** Below `status`: the other kinds of pages that match `q` (records other than interventions). */
export async function showElsewhere(q, status) {
  shownFor = q;
  let note = document.getElementById("tb-elsewhere");
  if (!note) {
    note = el("p", { id: "tb-elsewhere", class: "tb-elsewhere" });
    status.insertAdjacentElement("afterend", note);
  }
  const found = q.trim() ? await search(q, { limit: 0, counts: true }) : null;
  if (shownFor !== q) return; // a newer query is under way
  const parts = Object.entries(found ? found.kinds : {})
    .filter(([kind, n]) => kind !== "Aanpak" && n > 0)
    .map(([kind, n]) => counted(n, kind));
  note.hidden = parts.length === 0 && !(found && found.corrected);
  note.replaceChildren();
  if (found && found.corrected) note.appendChild(add(el("span"), "Bedoelde je ", el("strong", null, found.corrected), "? "));
  if (parts.length) {
    const url = siteUrl("zoeken/");
    url.searchParams.set("q", q);
    add(note, "Ook gevonden: ", add(el("a", { href: url.pathname + url.search }), parts.join(", ")));
  }
}
