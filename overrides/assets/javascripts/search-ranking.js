/* The order of the pages found, one rule for both searches: each search reports, for every
 * section it found (the same sections in both, those of Material's search index), how often it
 * holds each of the query's words in its heading and in its text, and its page's `search: boost`;
 * this ranks the pages from that alone, so that the published site (Pagefind) and the offline
 * copy (lunr) give the same answer.
 *
 * A page's score adds up, for each word, how often its text holds it (each further mention adds
 * less, as in BM25 with k1 = SATURATION), plus TITLE if the page's title holds it or else HEADING
 * if one of its section headings does, times the word's rarity among the site's pages (BM25's
 * idf). It grows with the share of the query's words the page holds and with the share that one
 * of its sections holds (words discussed together), and is multiplied by the square of the page's
 * boost, so that a topic page (boost 2) outweighs a page that repeats it (0.5) sixteen times over.
 * Pages holding none of the words are not found; a page need not hold all of them. A section is
 * scored the same way, for the order of a page's sections. Loaded by both workers. */
"use strict";
(() => {
  const TITLE = 3;
  const HEADING = 2;
  const SATURATION = 1.2;

  /* sections: [{location, page, boost, hits: {word: [in its heading, in its text]}}];
   * words: the query's words; pages: the number of pages of the site.
   * Returns the pages found, best first: [{page, score, found: {word: bool}, sections: [{location,
   * score}] best first}]. */
  self.rankPages = (sections, words, pages) => {
    const byPage = new Map();
    for (const section of sections) {
      if (!byPage.has(section.page)) byPage.set(section.page, { page: section.page, boost: section.boost, sections: [] });
      byPage.get(section.page).sections.push(section);
    }
    // How often the page's title, its section headings and the text of `list` (a page's sections,
    // or one) hold `word`: [title, headings, text].
    const sum = (list, word) =>
      list.reduce(([title, h, t], section) => {
        const [heading, text] = section.hits[word] || [0, 0];
        return section.location === section.page ? [title + heading, h, t + text] : [title, h + heading, t + text];
      }, [0, 0, 0]);
    const holds = (counts) => counts.some(Boolean);
    const rarity = new Map(
      words.map((word) => {
        const holding = [...byPage.values()].filter((group) => holds(sum(group.sections, word))).length;
        return [word, Math.log(1 + (Math.max(pages, holding) - holding + 0.5) / (holding + 0.5))];
      }),
    );
    const weight = ([title, h, t]) => (t * (SATURATION + 1)) / (t + SATURATION) + (title ? TITLE : h ? HEADING : 0);
    const score = (list) => words.reduce((total, word) => total + rarity.get(word) * weight(sum(list, word)), 0);
    // The largest share of the query's words that one section holds: words discussed together.
    const together = (list) =>
      Math.max(...list.map((section) => words.filter((word) => holds(sum([section], word))).length)) / words.length;
    const ranked = [];
    for (const group of byPage.values()) {
      const found = Object.fromEntries(words.map((word) => [word, holds(sum(group.sections, word))]));
      const share = Object.values(found).filter(Boolean).length / words.length;
      if (!share) continue;
      ranked.push({
        page: group.page,
        score: group.boost ** 2 * score(group.sections) * (1 + share) ** 2 * (1 + together(group.sections)),
        found,
        sections: group.sections
          .map((section) => ({ location: section.location, score: score([section]) }))
          .filter((section) => section.score > 0)
          .sort((a, b) => b.score - a.score || compare(a.location, b.location)),
      });
    }
    return ranked.sort((a, b) => b.score - a.score || compare(a.page, b.page));
  };

  /* What the search box says of the pages found (search-notes.js): "none" when there are none,
   * "partial" when no page holds every word, nothing otherwise. */
  self.answerNote = (ranked) => {
    if (!ranked.length) return "none";
    return ranked.some((page) => Object.values(page.found).every(Boolean)) ? undefined : "partial";
  };

  const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
})();
