/* Material's search worker (lunr), made to answer as the published site's does
 * (search-pagefind-worker.js), for the offline copy and `mkdocs serve`:
 *
 * - letters folded: a token of the index loses its accents and special letters (ä → a, ö → o,
 *   å → a, ø → o, æ → ae...) and the punctuation around it, and is spelt as the query's words
 *   are (search-words.js), so a name typed with or without them finds the same entries;
 *   positions stay those of the original text, so Material still marks the words in the results;
 * - the query's words are those of search-words.js (common words left out, a glossary term's
 *   Nordic equivalent taken as the English term), handed to Material as its query, each as what
 *   a word of the index must start with to hold it (searchStem);
 * - the pages of Material's answer are put in the order of search-ranking.js, from what each
 *   section holds of each word (looked up on its own, as Material looks it up: the word and any
 *   longer one it starts); the answer says when no page holds every word, and which glossary
 *   equivalents were taken (search-notes.js shows both).
 *
 * Started by search-folding.js, which gives Material's worker as the parameter `worker`; in the
 * iframe that stands in for a worker from file://, that address is the iframe's name
 * (iframe-worker-shim.js). */
"use strict";
(() => {
  const [SETUP, QUERY, RESULT] = [0, 2, 3]; // Material's message types (1 is ready)
  const foldToken = (token) => (self.foldLetters(token.toString()) ? token.update(self.searchSpelling) : undefined);

  let lunr;
  let index; // the index Material builds
  let settings;
  let docs = new Map();
  const asked = []; // the words of each query not yet answered, in order

  const patch = () => {
    lunr = self.lunr;
    lunr.Pipeline.registerFunction(foldToken, "fold");
    const { add, build } = lunr.Builder.prototype;
    lunr.Builder.prototype.add = function (...args) {
      if (!this.pipeline._stack.includes(foldToken)) this.pipeline.add(foldToken);
      return add.apply(this, args);
    };
    lunr.Builder.prototype.build = function () {
      return (index = build.call(this));
    };
  };

  // Registered before Material's own listener, so it runs first on every message.
  addEventListener("message", ({ data: message }) => {
    if (!lunr && self.lunr) patch();
    if (message && message.type === SETUP) {
      settings = message.data.config;
      docs = new Map(message.data.docs.map((doc) => [doc.location, doc]));
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      const found = self.searchWords(message.data, settings);
      asked.push(found);
      message.data = found.words.map(stem).join(" ");
    }
  });

  /* What a word of the index must start with to hold a query's word (search-words.js). */
  const stem = (word) => self.searchStem(self.searchSpelling(word));

  /* Material's answer with its pages in the order of search-ranking.js. */
  const ranked = ({ items, ...rest }) => {
    const { words, taken } = asked.shift();
    const sections = new Map();
    for (const word of words) {
      const query = (q) => q.term(stem(word), { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
      for (const { ref, matchData } of index.query(query)) {
        if (!sections.has(ref)) {
          sections.set(ref, { location: ref, page: ref.split("#")[0], boost: docs.get(ref).boost ?? 1, hits: {} });
        }
        const hits = [0, 0];
        for (const fields of Object.values(matchData.metadata)) {
          hits[0] += fields.title ? fields.title.position.length : 0;
          hits[1] += fields.text ? fields.text.position.length : 0;
        }
        sections.get(ref).hits[word] = hits;
      }
    }
    const pages = self.rankPages([...sections.values()], words, settings.pages);
    const byPage = new Map(pages.map((page, i) => [page.page, { place: i, found: page.found }]));
    const of = (group) => byPage.get(group[0].location.split("#")[0]) || { place: pages.length, found: {} };
    // In the ranking's order; each item names the query's words its page holds (Material names the
    // stems it was asked for).
    const ordered = [...items].sort((a, b) => of(a).place - of(b).place);
    const named = ordered.map((group) => group.map((item) => ({ ...item, terms: of(group).found })));
    return { ...rest, items: named, note: self.answerNote(pages), taken };
  };

  const post = self.postMessage;
  self.postMessage = (message, ...rest) =>
    post.call(self, message && message.type === RESULT ? { ...message, data: ranked(message.data) } : message, ...rest);

  // The shared rules first (beside this file), then Material's worker.
  const address = new URL(self.name || location.href);
  const beside = (name) => new URL(name, address).href;
  importScripts(beside("search-letters.js"), beside("search-words.js"), beside("search-ranking.js"), address.searchParams.get("worker"));
})();
