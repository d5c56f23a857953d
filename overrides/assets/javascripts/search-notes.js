/* What the search box says beyond Material's count of the pages found, from the answer of either
 * search worker (search-pagefind-worker.js, search-folding-worker.js), which search-on-demand.js
 * passes on as the event "search-answer":
 *
 * - when no page holds every word of the query (the answer's note "partial"), the count becomes
 *   "No page has all of your words. Pages with some of them:";
 * - when no page holds any of them ("none"), the help under the count points to the resource
 *   finder, the glossary and the topic pages (overrides/partials/search.html);
 * - a glossary term's Nordic equivalent taken for the English term is named, as the reader typed
 *   it and with the term as running text writes it ("Förebyggande: searched as prevention").
 *
 * Material writes the count after each answer, and the placeholder when the query is emptied: the
 * notes follow what it wrote, so they never outlive their answer. All text is set as text. */
"use strict";
(() => {
  const PARTIAL = "No page has all of your words. Pages with some of them:";
  const config = document.getElementById("__config");
  const t = config ? JSON.parse(config.textContent).translations || {} : {};
  const count = (text) =>
    [t["search.result.none"], t["search.result.one"]].includes(text) ||
    new RegExp(`^${(t["search.result.other"] || "# matching documents").replace("#", "\\d+")}$`).test(text);
  let answer = null;
  // A glossary term as running text writes it: the glossary gives its terms as headings
  // ("Prevention", "Multi-agency approach"), whose first capital goes; a name ("Chatham House
  // Rule") or an abbreviation keeps its capitals.
  const inText = (term) => (/^\p{Lu}\p{Ll}*(?:[\s-]+\p{Ll}|$)/u.test(term) ? term[0].toLowerCase() + term.slice(1) : term);

  const show = () => {
    const meta = document.querySelector(".md-search-result__meta");
    const help = document.querySelector("[data-search-help]");
    const taken = document.querySelector("[data-search-taken]");
    if (!meta || !help || !taken) return;
    const text = meta.textContent.trim();
    const answered = answer && (count(text) || text === PARTIAL);
    if (answered && answer.note === "partial" && text !== PARTIAL) meta.textContent = PARTIAL;
    help.hidden = !(answered && answer.note === "none");
    const named = answered ? answer.taken || [] : [];
    taken.textContent = named.map(({ typed, term }) => `${typed}: searched as ${inText(term)}`).join("; ");
    taken.hidden = !named.length;
  };

  addEventListener("search-answer", ({ detail }) => {
    answer = detail;
    show();
  });
  addEventListener("DOMContentLoaded", () => {
    const meta = document.querySelector(".md-search-result__meta");
    if (meta) new MutationObserver(show).observe(meta, { childList: true, characterData: true, subtree: true });
  });
})();
