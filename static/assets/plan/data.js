/* Everything that can be in a plan, by id, from the data file toolbox/browser_data.py writes
 * (actieplan/onderdelen.json; it grows with the catalog, so it is not in the pages). */

const loading = new Map();

/** Only links to this site's own pages become links: a URL from a data file still goes through this. */
function ownUrl(url, base) {
  if (!url) return "";
  try {
    const u = new URL(url, base);
    return u.origin === window.location.origin && (u.protocol === "http:" || u.protocol === "https:") ? u.href : "";
  } catch (e) {
    return "";
  }
}

function build(data, base) {
  const byId = new Map();
  const groups = data.groups.map((g) => {
    const group = {
      id: g.id,
      kind: g.kind,
      title: g.title,
      url: ownUrl(g.url, base),
      summary: g.summary || "",
      ring: g.ring || "",
      interventions: g.interventions || [],
      stakeholders: g.stakeholders || [],
      horizon: g.horizon || [],
      items: [],
    };
    for (const it of g.items) {
      const item = {
        id: it.id,
        kind: it.kind,
        text: it.text,
        description: it.description || "",
        url: ownUrl(it.url, base),
        sectors: it.sectors || [],
        group,
      };
      group.items.push(item);
      byId.set(item.id, item);
    }
    return group;
  });
  return { byId, groups };
}

/** {byId: Map(id -> item with its group), groups}, or null when the file cannot be loaded. */
export function loadPlanData(url) {
  if (!url) return Promise.resolve(null);
  const full = new URL(url, window.location.href).href;
  if (!loading.has(full)) {
    loading.set(
      full,
      fetch(full)
        .then((response) => {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then((data) => build(data, full))
        .catch(() => null)
    );
  }
  return loading.get(full);
}
