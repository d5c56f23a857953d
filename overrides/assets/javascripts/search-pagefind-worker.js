/* Material's search box answered from the site's Pagefind index (built by us_nordic_kb/build/search_index.py,
 * a page's sections in records of a bounded size, each with its page's address, title and boost):
 * a worker that speaks Material's messages (0 set up, 1 ready, 2 query, 3 result) and, for each
 * query, loads only the parts of the index the query's words need. search-on-demand.js starts it
 * in place of Material's worker when the site's search settings name Pagefind.
 *
 * It answers as the offline copy's search does (search-folding-worker.js): the query's words are
 * those of search-words.js, each is looked up on its own (Pagefind finds only records that hold
 * every word of a query, so a reader's natural question would often find nothing), and the pages
 * found are ranked by search-ranking.js from what each section holds, counting only the words the
 * offline copy's index would find too (holds). Of the records found, the
 * RECORDS best by Pagefind's own scores (which weigh headings and boosts as the ranking does) are
 * read; on today's site that is all of them. The answer says when no page holds every word, and
 * which glossary equivalents were taken for English terms (search-notes.js shows both).
 *
 * Everything it hands Material is shown as HTML, so it is made safe here: titles and excerpts are
 * escaped, and only the <mark> elements around the words found are markup.
 * Names with special letters Pagefind does not fold itself (ø, æ, þ...): a query word is replaced
 * by the site's own spelling of it, from the list of such words the build puts in the settings,
 * compared by search-letters.js's rule. */
"use strict";
importScripts("search-letters.js", "search-words.js", "search-ranking.js");

const [SETUP, READY, QUERY, RESULT] = [0, 1, 2, 3];
const RECORDS = 40; // records read at most for a query (each loads its own small part of the index)
const EXCERPT = 30; // words of a section's text shown
const SITE = new URL("../../", location.href); // this file is assets/javascripts/ of the site

const escapeHTML = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const wordsOf = (text) => text.split(/[\r\n\s]+/g).filter(Boolean); // as Pagefind counts a record's words

let settings;
let separator;
let spellings = new Map();
let suggest = false;
let pagefind;
const ready = new Promise((resolve) => {
  addEventListener("message", async function setup({ data }) {
    if (!data || data.type !== SETUP) return;
    removeEventListener("message", setup);
    settings = data.data.config;
    separator = new RegExp(settings.separator, "g");
    spellings = new Map((settings.pagefind.words || []).map((word) => [self.foldLetters(word), word]));
    suggest = Boolean(data.data.options && data.data.options.suggest);
    pagefind = await import(new URL(settings.pagefind.script, SITE).href);
    // Pagefind's own scores only choose which records to read: by the records' text alone (the
    // metadata adds nothing, as a title already counts as its record's h1, weighted by the page's
    // boost: us_nordic_kb/build/search_index.py), by the weighted counts of the words found.
    await pagefind.options({
      ranking: { metaWeights: { title: 0, page: 0, url: 0 }, termFrequency: 0 },
      // A saved copy holds the entry file of its own build: asked for by the build's tag, not the time.
      ...(settings.pagefind.cacheTag ? { metaCacheTag: settings.pagefind.cacheTag } : {}),
    });
    await pagefind.init();
    resolve();
    postMessage({ type: READY });
  });
});

/* Whether a record's word holds the query's `word` as the offline copy's index would find it
 * (search-words.js): a part of it, cut by the site's separator as Material cuts its tokens,
 * starts with the word's stem, both spelt alike. Pagefind finds more: its own stems
 * (communications finds community), and, for a word it cannot find, its first letters alone
 * ("xyzzy" finds "X"). */
const holds = (text, word) => {
  const stem = self.searchStem(self.searchSpelling(word));
  return text.split(separator).some((part) => self.searchSpelling(part).startsWith(stem));
};

/* A record's sections, in order: {location, title, start, end, heading (its words), hits}. The
 * page's own opens the page's first record with its title (an h1 without id); every other starts
 * at its heading, an h2 whose id is its anchor. */
function sections(data) {
  const page = data.meta.url;
  const headings = data.anchors.filter((a) => a.element === "h2" && a.id).sort((a, b) => a.location - b.location);
  const parts = [];
  if (!headings.length || headings[0].location > 0) parts.push({ location: page, title: data.meta.page, start: 0 });
  for (const h of headings) parts.push({ location: `${page}#${h.id}`, title: h.text, start: h.location });
  const count = wordsOf(data.content).length;
  return parts.map((part, i) => ({
    ...part,
    end: i + 1 < parts.length ? parts[i + 1].start : count,
    heading: wordsOf(part.title).length,
    hits: {},
    marks: [],
  }));
}

/* About EXCERPT words of a section's text, from a little before its first word found, escaped,
 * with the words found marked. */
function excerpt(content, section) {
  const from = section.start + section.heading;
  const inText = section.marks.filter((m) => m >= from);
  const first = inText.length ? Math.min(...inText) : from;
  const start = Math.max(from, Math.min(first - 5, section.end - EXCERPT));
  const marks = new Set(section.marks);
  return content
    .slice(start, Math.min(section.end, start + EXCERPT))
    .map((word, i) => (marks.has(start + i) ? `<mark>${escapeHTML(word)}</mark>` : escapeHTML(word)))
    .join(" ");
}

async function answer(query) {
  const { words, taken } = self.searchWords(query, settings);
  if (!words.length) return { items: [], note: "none", taken };
  const found = await Promise.all(words.map((word) => pagefind.search(spellings.get(word) || word)));
  const candidates = new Map();
  found.forEach(({ results }, i) => {
    for (const result of results.filter((r) => r.words.length)) {
      if (!candidates.has(result.id)) candidates.set(result.id, { result, score: 0, words: {} });
      const candidate = candidates.get(result.id);
      candidate.score += result.score;
      candidate.words[words[i]] = result.words;
    }
  });
  const best = [...candidates.values()].sort((a, b) => b.score - a.score).slice(0, RECORDS);
  const records = await Promise.all(
    best.map(async ({ result, words: located }) => {
      const data = await result.data();
      const record = { data, content: wordsOf(data.content), sections: sections(data), boost: Number(data.filters.boost) || 1 };
      for (const [word, locations] of Object.entries(located)) {
        for (const location of locations.filter((l) => l < record.content.length && holds(record.content[l], word))) {
          const section = record.sections.findLast((s) => s.start <= location);
          if (!section) continue;
          const hits = (section.hits[word] ||= [0, 0]);
          hits[location < section.start + section.heading ? 0 : 1]++;
          section.marks.push(location);
        }
      }
      return record;
    }),
  );
  const all = records.flatMap((record) =>
    record.sections.map((section) => ({ ...section, page: record.data.meta.url, boost: record.boost, record })),
  );
  const ranked = self.rankPages(all, words, settings.pages);
  const byLocation = new Map(all.map((section) => [section.location, section]));
  const titles = []; // as written, for the suggestion (the items' titles are escaped)
  const items = ranked.map(({ page, score, found, sections: matched }) => {
    const item = (section, itemScore) => {
      titles.push(section.title);
      const text = section.marks.length ? excerpt(section.record.content, section) : "";
      return { location: section.location, title: escapeHTML(section.title), text, score: itemScore, terms: found };
    };
    // As Material's own search answers: the page (its own section, or, if its first record was
    // not read, its title alone), then its sections found, those as strong as its best shown
    // (Material folds away those it scores lower).
    const some = all.find((section) => section.page === page);
    const head = byLocation.get(page) || { location: page, title: some.record.data.meta.page, marks: [] };
    const shown = matched.filter((section) => section.location !== page);
    const best = shown.length ? shown[0].score : 0;
    return [item(head, score), ...shown.map((section) => item(byLocation.get(section.location), section.score === best ? score : 0))];
  });
  const note = self.answerNote(ranked);
  const last = words[words.length - 1];
  const completion = titles
    .join(" ")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .find((word) => word.length > last.length && self.foldLetters(word).startsWith(last));
  return { items, note, taken, ...(suggest && { suggest: completion ? [completion] : [] }) };
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
