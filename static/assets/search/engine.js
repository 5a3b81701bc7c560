/* The site's search: Pagefind plus what Pagefind lacks for Dutch questions (issue 18).
 *
 * One module for every box (header, /zoeken/, the finder's text box), so they answer alike.
 * Around Pagefind's index (Dutch stemming, chunks loaded on demand, sub-results per heading):
 * - stop words ("met", "een", "hoe") are dropped, so they neither match nor get highlighted;
 * - a word the site does not contain is corrected to the nearest word it does contain
 *   (edit distance 1, or 2 for long words), and the caller shows "Bedoelde je ...?";
 * - two query words that the content writes as one ("studenten café") are joined, and an unknown
 *   compound is split into two known words;
 * - the editors' synonyms (content/zoekwoorden.yaml) add their words as alternatives;
 * - when not every word matches, the pages matching most words come first (partial matches);
 * - each result links to its best-matching heading (a sub-result with an anchor) when that part,
 *   rather than the page as a whole, answers.
 * The words and synonyms come from search/woorden.json, written at build time
 * (toolbox/search_words.py).
 */

const ROOT = new URL("../../", import.meta.url); // the site root: this file is assets/search/engine.js

/** An address on this site, from its path relative to the root ("zoeken/"). */
export function siteUrl(path) {
  return new URL(path, ROOT);
}

// Dutch function words and question words: never matched, never highlighted.
export const STOP_WORDS = new Set(
  ("aan al alle alles als ander andere bij daar dan dat de deze die dit doe doen door dus een eens en er " +
    "ge geen haar had heb hebben heeft hem het hier hij hoe hun ik in is ja je jij jou jouw kan kun kunnen " +
    "leuk maar me meer men met mij mijn moet moeten na naar niet niets nog nu of om omdat ons onze ook op " +
    "over te tegen toch toe tot u uit uw van veel voor waar wanneer want waren was wat we welk welke wie " +
    "wij wil willen word wordt worden zal ze zelf zich zij zijn zo zodat zonder zou zouden eigenlijk graag " +
    "krijgen krijg mag mogen ga gaan gaat").split(" ")
);

let loading = null;
let wordsLoading = null;

function pagefind() {
  if (!loading) {
    loading = import(new URL("pagefind/pagefind.js", ROOT).href).then(async (pf) => {
      await pf.options({ baseUrl: ROOT.pathname, excerptLength: 24 });
      await pf.init();
      return pf;
    });
    loading.catch(() => { loading = null; });
  }
  return loading;
}

/* search/woorden.json: {words: [...most frequent first], synonyms: {term: [words]}} */
function vocabulary() {
  if (!wordsLoading) {
    wordsLoading = fetch(new URL("search/woorden.json", ROOT))
      .then((r) => (r.ok ? r.json() : { words: [], synonyms: {} }))
      .then((data) => {
        const rank = new Map();
        data.words.forEach((w, i) => rank.set(w, i));
        const stems = new Set(data.words.map(stem));
        const synonyms = new Map(Object.entries(data.synonyms || {}));
        return { words: data.words, rank, stems, synonyms };
      });
    wordsLoading.catch(() => { wordsLoading = null; });
  }
  return wordsLoading;
}

/* The number of pages in the index, for the rarity of a word (Pagefind's entry file says it). */
let counting = null;
function pageCount() {
  if (!counting) {
    counting = fetch(new URL("pagefind/pagefind-entry.json", ROOT))
      .then((r) => r.json())
      .then((entry) => Object.values(entry.languages).reduce((n, l) => n + (l.page_count || 0), 0) || 100)
      .catch(() => 100);
  }
  return counting;
}

/** Start loading the index and the word list (on focus, before the first key). */
export function preload() {
  return Promise.all([pagefind(), vocabulary()]);
}

/** Lower case without accents, as the word list is written. */
export function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\u2019/g, "'");
}

export function tokens(q) {
  return (fold(q).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) || []);
}

// A crude Dutch stem, only to tell an inflection of a known word from a slip: "roosters" and
// "klassenvertegenwoordigers" are known, "bufferwek" is not. Pagefind's own stemmer does the matching.
const SUFFIXES = ["heden", "ingen", "ing", "heid", "tjes", "jes", "tje", "je", "'s", "ers", "ens", "en", "er", "es", "s", "e", "n"];
function stem(word) {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      word = word.slice(0, -suffix.length);
      break;
    }
  }
  // "lessen" -> "les", "bufferweek" -> "bufferwek" (as "bufferweken" -> "bufferwek")
  return word.replace(/([bcdfgklmnprst])\1$/, "$1").replace(/([aeou])\1([^aeiou])$/, "$1$2");
}

/* Damerau-Levenshtein distance with a cut-off: returns max + 1 as soon as it must exceed max. */
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

function known(word, voc, last) {
  if (voc.rank.has(word) || voc.stems.has(stem(word))) return true;
  // The word being typed: a prefix of a known word is not a slip (Pagefind matches prefixes).
  return last && word.length >= 3 && voc.words.some((w) => w.startsWith(word));
}

/* The nearest known word, the more frequent first among equals; null when none is close. */
function nearest(word, voc) {
  if (word.length < 4) return null;
  const max = word.length >= 8 ? 2 : 1;
  let found = null;
  let best = max + 1;
  for (const w of voc.words) {
    if (w.length < 4) continue;
    const d = distance(word, w, Math.min(max, best));
    if (d < best) {
      best = d;
      found = w;
      if (d === 1 && max === 1) break; // words are ordered by frequency: the first at 1 wins
    }
  }
  return found;
}

/* "introductieweek" -> ["introductie", "week"] when both halves are known words. */
function split(word, voc) {
  for (let i = word.length - 3; i >= 3; i--) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    const heads = [head, head.endsWith("s") ? head.slice(0, -1) : null].filter(Boolean);
    for (const h of heads) if (voc.rank.has(h) && voc.rank.has(tail)) return [h, tail];
  }
  return null;
}

/**
 * What to search for: the content words of a query, joined, split or corrected.
 * Returns {terms: [{word, alternatives}], corrected: "text shown in Bedoelde je" | null}.
 */
export async function interpret(q) {
  const voc = await vocabulary();
  const raw = tokens(q);
  const words = [];
  let changed = false;
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i];
    const next = raw[i + 1];
    // Two words the content writes as one: "studenten café" is "studentencafé".
    if (next && voc.rank.has(word + next) && !STOP_WORDS.has(next)) {
      words.push({ word: word + next, shown: word + next, joined: true });
      i++;
      continue;
    }
    if (STOP_WORDS.has(word) && !voc.synonyms.has(word)) continue;
    const last = i === raw.length - 1;
    if (voc.synonyms.has(word) || voc.rank.has(word) || /\d/.test(word)) {
      words.push({ word, shown: word });
      continue;
    }
    const inflected = known(word, voc, last);
    const better = nearest(word, voc);
    if (better && inflected && stem(better) === stem(word)) {
      // "gastlesen" is "gastlessen" to the stemmer, but Pagefind's index has only the latter
      words.push({ word: better, shown: word });
      continue;
    }
    if (inflected) {
      words.push({ word, shown: word });
      continue;
    }
    if (better) {
      words.push({ word: better, shown: better });
      changed = true;
      continue;
    }
    const parts = split(word, voc);
    if (parts) {
      parts.forEach((p) => words.push({ word: p, shown: p }));
      continue;
    }
    // Not on the site in any form: dropped, since Pagefind would match it by whatever prefix it has
    // ("webeditor" by "we"). A query of only such words finds nothing.
    changed = true;
  }
  const terms = words.map((w) => ({
    word: w.word,
    alternatives: voc.synonyms.get(w.word) || [],
  }));
  return { terms, corrected: changed ? words.map((w) => w.shown).join(" ") : null };
}

/* One Pagefind search; its results with the score divided by the best one (0..1). */
async function pfSearch(pf, text, filters) {
  const found = await pf.search(text, { filters });
  const top = found.results.length ? found.results[0].score || 1 : 1;
  return { found, results: found.results.map((r) => ({ r, score: (r.score || 0) / top })) };
}

/* Per page: the best normalised score for each query word it matches (wordIndex: which words the
 * search that found it stood for), and the excerpt of the search that found it best. */
function addHits(pages, results, weight, wordIndex, size) {
  for (const { r, score } of results) {
    let page = pages.get(r.id);
    if (!page) {
      page = { r, s: new Array(size).fill(-1), words: new Set(), best: 0 };
      pages.set(r.id, page);
    }
    for (const i of wordIndex) {
      page.words.add(i);
      page.s[i] = Math.max(page.s[i], weight * score);
    }
    if (weight * score > page.best) {
      page.best = weight * score;
      page.r = r;
    }
  }
}

/* A page's rank: each word it matches counts by its rarity (idf; 1 when every page matches every
 * word) and by how well the page matches it. So "vind" weighs less than "mindfulnest". */
function rank(page, idf) {
  return page.s.reduce((sum, s, i) => (s < 0 ? sum : sum + idf[i] * (0.5 + s)), 0);
}

/**
 * Search the site (`counts`: also count results per filter value and kind). Returns {query, corrected, partial, total, filters, results: Result[]} where a
 * Result is {id, url, pageUrl, title, section, excerpt, kind, sectors, plan, matched, data}.
 * `limit` results get their data loaded (title, excerpt, deep link); `total` counts all.
 */
export async function search(q, { limit = 10, filters = {}, counts = false } = {}) {
  const pf = await pagefind();
  // Counts per filter value (and per kind) need Pagefind's filter index: loaded only when asked
  // for (the search page, the finder), so the header box downloads less.
  if (counts || Object.keys(filters).length) await pf.filters();
  const { terms, corrected } = await interpret(q || "");
  const hasFilters = Object.keys(filters).length > 0;
  if (!terms.length) {
    if (!hasFilters) {
      const all = counts ? await pf.filters() : {}; // every filter value with its number of pages
      return { query: q, corrected: null, partial: false, total: 0, filters: all, kinds: {}, results: [], load: async () => [], terms };
    }
    const only = await pf.search(null, { filters });
    const load = (start, end) => Promise.all(only.results.slice(start, end).map((r) => describe(r, [])));
    return { query: q, corrected: null, partial: false, total: only.results.length, filters: only.filters, kinds: {}, results: await load(0, limit), load, terms };
  }
  const pages = new Map();
  const all = terms.map((t) => t.word).join(" ");
  const full = await pfSearch(pf, all, filters);
  const kinds = { ...((full.found.filters || {}).soort || {}) };
  const records = Object.values(kinds).reduce((a, b) => a + b, 0);
  if (full.results.length > records) kinds.Pagina = full.results.length - records; // pages without a kind
  const every = terms.map((_, i) => i);
  const size = terms.length;
  addHits(pages, full.results, 1, every, size);
  // Synonyms: the query with one word replaced by each of its alternatives.
  for (let i = 0; i < terms.length; i++) {
    for (const alt of terms[i].alternatives) {
      const text = terms.map((t, j) => (j === i ? alt : t.word)).join(" ");
      const found = await pfSearch(pf, text, filters);
      addHits(pages, found.results, 0.8, every, size);
      for (const [k, n] of Object.entries((found.found.filters || {}).soort || {})) kinds[k] = Math.max(kinds[k] || 0, n);
    }
  }
  // Partial matches: not enough pages match every word, so rank pages by the words they match.
  let partial = false;
  const idf = terms.map(() => 1);
  if (terms.length > 1 && pages.size < 5) {
    partial = true;
    const count = await pageCount();
    for (let i = 0; i < terms.length; i++) {
      let df = 0;
      for (const word of [terms[i].word, ...terms[i].alternatives]) {
        const found = await pfSearch(pf, word, filters);
        df = Math.max(df, found.results.length);
        addHits(pages, found.results, 0.5, [i], size);
      }
      idf[i] = Math.log(1 + count / Math.max(1, df));
    }
  }
  const ranked = [...pages.values()]
    .map((p) => ({ ...p, rank: rank(p, idf) }))
    .sort((a, b) => b.rank - a.rank);
  const words = terms.flatMap((t) => [t.word, ...t.alternatives.flatMap(tokens)]);
  const load = (start, end) => Promise.all(ranked.slice(start, end).map((p) => describe(p.r, words, p.words.size)));
  return {
    query: q,
    corrected,
    partial: partial && ranked.length > 0 && ranked[0].words.size < terms.length,
    total: ranked.length,
    filters: full.found.filters,
    kinds, // pages per kind ("soort") that match every word, for "ook gevonden: 1 casus"
    results: await load(0, limit),
    load, // more results: load(20, 40)
    terms,
  };
}

/* The heading that answers: one whose title names a query word the page's title does not (the
 * roadmap's "6. Toetsing", an element's "Wat zegt de literatuur?"), else the part holding most of
 * the matches when that outweighs the page's opening. null: the page as a whole. */
function bestSection(data, words) {
  const subs = data.sub_results || [];
  const title = (data.meta && data.meta.title) || "";
  const weight = (s) => (s.weighted_locations || []).reduce((n, l) => n + (l.weight || 1), 0) || (s.locations || []).length;
  const named = (text) => {
    const ts = tokens(text || "");
    return words.filter((w) => ts.some((t) => t === w || t.startsWith(stem(w)) || w.startsWith(stem(t))));
  };
  const inPage = new Set(named(title));
  // Pagefind lists only the parts that match; the page's own heading (or text before any) is the page.
  const isPage = (s) => !s.url || !s.url.includes("#") || s.title === title;
  const pageWeight = subs.filter(isPage).reduce((n, s) => n + weight(s), 0);
  let best = null;
  let bestScore = 0;
  subs.forEach((s) => {
    if (isPage(s)) return;
    const score = named(s.title).filter((w) => !inPage.has(w)).length * 1000 + weight(s);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  });
  if (!best) return null;
  return bestScore >= 1000 || bestScore > pageWeight ? best : null;
}

async function describe(r, words, matched = words.length) {
  const data = await r.data();
  const section = bestSection(data, words);
  return {
    id: r.id,
    url: section ? section.url : data.url,
    pageUrl: data.url,
    title: (data.meta && data.meta.title) || data.url,
    section: section ? section.title : null,
    excerpt: section ? section.excerpt : data.excerpt,
    kind: (data.meta && data.meta.soort) || "",
    sectors: (data.filters && data.filters.sector) || [],
    plan: (data.meta && data.meta.plan) || null,
    matched,
    data,
  };
}

/** The kind of page for a soort filter value, counted: "1 casus", "3 aanpakken". */
export function counted(n, soort) {
  const names = { Aanpak: ["aanpak", "aanpakken"], Casus: ["casus", "casussen"], "Werkzaam element": ["werkzaam element", "werkzame elementen"] };
  const pair = names[soort] || ["pagina", "pagina's"];
  return `${n} ${n === 1 ? pair[0] : pair[1]}`;
}

/**
 * The same interpretation, matched against short texts in the page (the finder's cards), so the
 * finder's text box answers like the site search: `match(texts)` gives, per text, whether it
 * matches; every word (or one of its synonyms) must occur, after stemming. When no
 * text has every word, the texts with the most words match (partial), as in search().
 */
const haystacks = new Map(); // a card's folded words and their stems, computed once per text

function haystackOf(text) {
  let haystack = haystacks.get(text);
  if (haystack === undefined) {
    const words = tokens(text);
    haystack = words.join(" ") + " " + words.map(stem).join(" "); // "bufferwek" is in "bufferweek"'s stem
    haystacks.set(text, haystack);
  }
  return haystack;
}

export function matcher(interpretation) {
  // Anywhere in a word, as the finder always did: "welzijn" also finds "studentenwelzijn".
  const terms = interpretation.terms.map((t) => [t.word, ...t.alternatives].map((w) => tokens(w).map(stem)));
  const counts = (text) => {
    const haystack = haystackOf(text);
    return terms.filter((options) => options.some((words) => words.every((w) => haystack.includes(w)))).length;
  };
  return (texts) => {
    if (!terms.length) return { matches: texts.map(() => true), partial: false };
    const n = texts.map(counts);
    const best = Math.max(0, ...n);
    const need = best === terms.length ? terms.length : Math.max(best, 1);
    return { matches: n.map((k) => k >= need && k > 0), partial: best > 0 && best < terms.length };
  };
}
