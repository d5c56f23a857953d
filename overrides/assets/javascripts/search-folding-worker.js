/* Material's search worker with letters folded: a token of the index and the words of a query
 * lose their accents and special letters (ä → a, ö → o, å → a, ø → o, æ → ae...), so a query
 * typed with or without them finds the same entries. Positions stay those of the original text,
 * so Material still marks the words in the results. Started by search-folding.js, which gives
 * Material's worker as the parameter `worker`; in the iframe that stands in for a worker from
 * file://, that address is the iframe's name (iframe-worker-shim.js). */
"use strict";
(() => {
  const QUERY = 2; // Material's message types: 0 setup, 1 ready, 2 query, 3 result
  const foldToken = (token) => token.update(self.foldLetters);

  let folding = false;
  const foldIndex = (lunr) => {
    lunr.Pipeline.registerFunction(foldToken, "fold");
    const add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (...args) {
      if (!this.pipeline._stack.includes(foldToken)) this.pipeline.add(foldToken);
      return add.apply(this, args);
    };
    folding = true;
  };

  // Registered before Material's own listener, so it runs first on every message.
  addEventListener("message", (event) => {
    if (!folding && self.lunr) foldIndex(self.lunr);
    if (event.data && event.data.type === QUERY && typeof event.data.data === "string") {
      event.data.data = self.foldLetters(event.data.data);
    }
  });

  // The letters' rule first (search-letters.js, beside this file), then Material's worker.
  const address = new URL(self.name || location.href);
  importScripts(new URL("search-letters.js", address).href, address.searchParams.get("worker"));
})();
