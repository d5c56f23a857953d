/* Material's search box answered from the site's Pagefind index (built by scripts/search_index.py,
 * a page's sections in records of a bounded size, each with its page's address and title): a worker
 * that speaks Material's messages (0 set up, 1 ready, 2 query, 3 result) and, for each query,
 * loads only the parts of the index the query's words need. search-on-demand.js starts it
 * in place of Material's worker when the site's search settings name Pagefind.
 *
 * Everything it hands Material is shown as HTML, so it is made safe here: titles are escaped, and
 * of an excerpt only Pagefind's <mark> elements are kept as markup.
 * Names with special letters Pagefind does not fold itself (ø, æ, þ...): a query word is replaced
 * by the site's own spelling of it, from the list of such words the build puts in the settings,
 * compared by search-letters.js's rule. */
"use strict";
importScripts("search-letters.js");

const [SETUP, READY, QUERY, RESULT] = [0, 1, 2, 3];
const RECORDS = 20; // records shown at most (each loads its own small part of the index), grouped by page
const SITE = new URL("../../", location.href); // this file is assets/javascripts/ of the site

const escapeHTML = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
// Pagefind's excerpts are text with < and > written as entities and <mark> around the words found.
const safeExcerpt = (excerpt) =>
  excerpt
    .split(/(<\/?mark>)/)
    .map((part, i) => (i % 2 ? part : escapeHTML(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"))))
    .join("");

let spellings = new Map();
let suggest = false;
let pagefind;
const ready = new Promise((resolve) => {
  addEventListener("message", async function setup({ data }) {
    if (!data || data.type !== SETUP) return;
    removeEventListener("message", setup);
    spellings = new Map((data.data.config.pagefind.words || []).map((word) => [self.foldLetters(word), word]));
    suggest = Boolean(data.data.options && data.data.options.suggest);
    pagefind = await import(new URL(data.data.config.pagefind.script, SITE).href);
    // Ranked by the records' text alone: the metadata (title, page, address) adds nothing, as a
    // title already counts as its record's h1, whose weight carries the page's boost
    // (scripts/search_index.py); and by the weighted counts of the words found, not by their share
    // of a record, which favoured short pages that only name a topic (tests/browser/test_search.py).
    await pagefind.options({ ranking: { metaWeights: { title: 0, page: 0, url: 0 }, termFrequency: 0 } });
    await pagefind.init();
    resolve();
    postMessage({ type: READY });
  });
});

/* A query's words as Pagefind takes them (it splits and cleans words itself): Material's
 * operators (+word, -word, word*, word~1, word^2) left out, each word in the site's spelling. */
const words = (query) =>
  query
    .split(/\s+/)
    .map((word) => word.replace(/^[+-]+|\*+$|[~^]\d*$/g, ""))
    .filter(Boolean)
    .map((word) => spellings.get(self.foldLetters(word)) || word);

async function answer(query) {
  const terms = words(query);
  if (!terms.length) return { items: [] };
  const found = await pagefind.search(terms.join(" "));
  const records = await Promise.all(found.results.slice(0, RECORDS).map((result) => result.data().then((data) => [result, data])));
  const matched = Object.fromEntries(terms.map((term) => [term.toLowerCase(), true]));
  const item = (location, title, text, score) => ({ location, title: escapeHTML(title), text: safeExcerpt(text), score, terms: matched });
  // As Material's own search answers: pages best first, each its page item, then its sections
  // found, those as strong as its best shown (Material folds away those it scores lower).
  const pages = new Map();
  const titles = []; // as written, for the suggestion (the items' titles are escaped)
  for (const [result, data] of records) {
    const page = data.meta.url;
    if (!pages.has(page)) pages.set(page, { head: item(page, data.meta.page, "", result.score), sections: [] });
    const group = pages.get(page);
    titles.push(data.meta.page);
    for (const sub of data.sub_results) {
      titles.push(sub.title);
      const anchor = sub.url.split("#")[1];
      if (anchor === undefined) group.head.text = safeExcerpt(sub.excerpt);
      else group.sections.push({ sub, anchor, weight: sub.weighted_locations.reduce((sum, l) => sum + l.weight, 0) });
    }
  }
  const items = [...pages.values()].map(({ head, sections }) => {
    const best = Math.max(0, ...sections.map((section) => section.weight));
    sections.sort((a, b) => b.weight - a.weight);
    return [
      head,
      ...sections.map(({ sub, anchor, weight }) => item(`${head.location}#${anchor}`, sub.title, sub.excerpt, weight === best ? head.score : 0)),
    ];
  });
  const last = terms[terms.length - 1].toLowerCase();
  const completion = titles
    .join(" ")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .find((word) => word.length > last.length && word.startsWith(last));
  return { items, ...(suggest && { suggest: completion ? [completion] : [] }) };
}

// Queries are answered one after another, so that an answer never overtakes a later one; a query
// that a newer one replaced while it waited (the reader kept typing) is not answered at all.
let queue = ready;
let latest;
addEventListener("message", ({ data }) => {
  if (!data || data.type !== QUERY || typeof data.data !== "string") return;
  const query = (latest = data.data);
  queue = queue.then(async () => {
    if (query === latest) postMessage({ type: RESULT, data: await answer(query) });
  });
});
