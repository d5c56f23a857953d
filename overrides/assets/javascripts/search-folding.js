/* Names in other languages are found with or without their special letters: "Sisaministerio"
 * finds "Sisäministeriö", "Kobenhavn" finds "København". Material's search worker runs inside
 * search-folding-worker.js (beside this file), which folds the letters of the index and of each
 * query alike. Loaded before Material's bundle, which starts the worker named in its
 * configuration; from file:// that worker runs in an iframe (iframe-worker-shim.js). Loaded
 * before search-on-demand.js, which starts the worker only when search is first used. */
"use strict";
(() => {
  const config = document.getElementById("__config");
  const base = config && JSON.parse(config.textContent);
  if (!base || !base.search) return;
  const material = new URL(base.search, location.href).href;
  const folding = new URL("search-folding-worker.js", document.currentScript.src);
  folding.searchParams.set("worker", material);
  const Worker = window.Worker;
  window.Worker = class extends Worker {
    constructor(url, options) {
      super(new URL(String(url), location.href).href === material ? folding.href : url, options);
    }
  };
})();
