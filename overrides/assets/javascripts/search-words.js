/* What a query's words are, and which words of the site hold them: one rule for both searches
 * (search-pagefind-worker.js on the published site, search-folding-worker.js in the offline copy
 * and under `mkdocs serve`).
 *
 * A query is split where the index splits text (the site's `separator`), Material's operators
 * (+word, -word, word*, word~1, word^2) are left out, letters are folded (search-letters.js), a
 * glossary term's Danish, Finnish, Norwegian or Swedish equivalent is taken as the English term
 * (the settings' `equivalents`, from docs/glossary.yml: us_nordic_kb/build/search_index.py), and the common
 * words of English and of those languages are left out, so that they never decide which pages
 * come first.
 *
 * A word of the site holds a query's word when, both spelt alike (searchSpelling: folded, with
 * the American "iz" of radicalization as the site's "is"), it starts with the query's word
 * without the endings of its usual English forms (searchStem: families → famil, teachers →
 * teacher, sharing → shar, repatriation → repatri). Loaded after search-letters.js. */
"use strict";
(() => {
  // English: lunr's own list, which Material's search leaves out of its index (so no page can
  // hold them offline). Danish, Finnish, Norwegian and Swedish: their commonest function words,
  // folded, without those that are English words too (man, den, kan...).
  const COMMON = new Set(
    (
      "a able about across after all almost also am among an and any are as at be because been but by can cannot " +
      "could dear did do does either else ever every for from get got had has have he her hers him his how however " +
      "i if in into is it its just least let like likely may me might most must my neither no nor not of off often " +
      "on only or other our own rather said say says she should since so some than that the their them then there " +
      "these they this tis to too twas us wants was we were what when where which while who whom why will with " +
      "would yet you your " +
      // da, nb, sv
      "og och att ett det som er ar til pa af av med ikke inte har fra fran hvordan hur hvad hva vad hvor hvem " +
      "vem jeg jag vi eller mod mot ved vid efter etter mellem mellom mellan " +
      // fi
      "ja ei se etta tai kuin mutta miten kun myos niin seka ole olla ovat oli on"
    ).split(" "),
  );
  const OPERATORS = /^[+-]+|\*+$|[~^]\d*$/g;
  // How far an inflected form may run past a glossary equivalent and still be taken for it
  // (radikaliseringen, fremmedkrigere, kotiuttamisen for kotiuttaminen).
  const ENDING = 4;

  self.searchSpelling = (text) => self.foldLetters(text).replace(/iz/g, "is");

  // Endings of English nouns of action, plurals and verb forms (repatriation and repatriating,
  // families and family), each with the letters a stem keeps at least.
  const ENDINGS = [
    [/ations?$/, 4],
    [/(?:ies|ied|ing|(?<=[sxz]|[cs]h)es|ed|(?<!s)s)$/, 3],
  ];
  self.searchStem = (word) => {
    for (const [ending, keeps] of ENDINGS) {
      const stem = word.replace(ending, "");
      if (stem !== word && stem.length >= keeps) return stem;
    }
    return word;
  };

  /* `typed` taken for `equivalent` (both folded): the same word, or an inflected form of it. */
  const inflects = (typed, equivalent) => {
    if (typed === equivalent) return true;
    if (equivalent.length < 5 || typed.length > equivalent.length + ENDING) return false;
    let same = 0;
    while (same < typed.length && typed[same] === equivalent[same]) same++;
    return same >= equivalent.length - 3;
  };

  /* Text as the index splits it: each word folded, and as written (without punctuation around it). */
  const tokens = (text, separator) =>
    text
      .split(/\s+/)
      .map((word) => word.replace(OPERATORS, ""))
      .flatMap((word) => word.split(separator))
      .map((word) => ({ folded: self.foldLetters(word), written: self.bareWord(word) }))
      .filter(({ folded }) => folded);
  const split = (text, separator) => tokens(text, separator).map(({ folded }) => folded);

  /* The query's words in English, and what was taken for what: [{typed, term}], `typed` as the
   * reader wrote it ("förebyggande", not "forebyggande"). */
  self.searchWords = (query, settings) => {
    const separator = new RegExp(settings.separator, "g");
    const typed = tokens(query, separator);
    const equivalents = Object.entries(settings.equivalents || {}).map(([phrase, term]) => [split(phrase, separator), term]);
    const words = [];
    const taken = [];
    for (let i = 0; i < typed.length; ) {
      // The longest equivalent that starts here, a phrase of its words typed one after another.
      const match = equivalents
        .filter(([phrase]) => phrase.every((word, n) => i + n < typed.length && inflects(typed[i + n].folded, word)))
        .sort(([a], [b]) => b.length - a.length)[0];
      if (match) {
        const [phrase, term] = match;
        taken.push({ typed: typed.slice(i, i + phrase.length).map(({ written }) => written).join(" "), term });
        words.push(...split(term, separator));
        i += phrase.length;
      } else words.push(typed[i++].folded);
    }
    return { words: [...new Set(words.filter((word) => !COMMON.has(word)))], taken };
  };
})();
