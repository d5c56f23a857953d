/* The one rule by which search treats letters: a word loses its accents and special letters
 * (ä → a, ö → o, å → a, ø → o, æ → ae...), its case and the punctuation around it (“radical”; → radical),
 * so that a name typed with or without them finds the same entries. Loaded by both search workers:
 * search-folding-worker.js (the offline copy, and any site built without its Pagefind index) and
 * search-pagefind-worker.js. */
"use strict";
(() => {
  const LETTERS = { ø: "o", æ: "ae", œ: "oe", ß: "ss", ð: "d", đ: "d", þ: "th", ł: "l", ı: "i" };
  /* A word without the punctuation around it, its letters as they are. */
  self.bareWord = (text) => text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  self.foldLetters = (text) =>
    self.bareWord(
      text
        .toLowerCase()
        .normalize("NFD")
        .replace(/\p{Mn}+/gu, "")
        .replace(/[øæœßðđþłı]/g, (letter) => LETTERS[letter]),
    );
})();
