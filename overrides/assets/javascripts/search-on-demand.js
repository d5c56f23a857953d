/* Material's search asks for the site's whole index, and starts its worker, as soon as a page
 * opens; the index grows with the site (about 3 MB gzip at 100 times today's content). This holds
 * both back until the reader turns to search: the search box gets focus (click, tap, or the keys
 * /, s, f), the search dialog opens, or the page was opened from a search result (?h=, Material
 * then marks the words found) or a search link (?q=). Loaded before Material's bundle, after
 * search-folding.js (whose worker this starts).
 *
 * Which worker answers is read from the first message, which carries the site's search settings:
 * where the build made a Pagefind index (the published site; us_nordic_kb/build/search_index.py), its
 * settings name it, the index file holds no documents, and search-pagefind-worker.js answers;
 * elsewhere (the offline copy, `mkdocs serve`) Material's own worker does, with folded letters.
 * Each answer is also passed on as the event "search-answer" (search-notes.js). */
"use strict";
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const RESULT = 3; // Material's message type of an answer
  const config = document.getElementById("__config");
  const worker = config && new URL(JSON.parse(config.textContent).search, location.href).href;
  const params = new URLSearchParams(location.search);
  let wanted = params.has("h") || params.has("q");

  // The index: its request is opened at once, and sent on first use.
  const { open, send } = XMLHttpRequest.prototype;
  const addresses = new WeakMap();
  const held = [];
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    addresses.set(this, new URL(String(url), location.href).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (wanted || !INDEX.test(addresses.get(this) || "")) return send.apply(this, body);
    held.push(() => send.apply(this, body));
  };

  // The worker: a stand-in that starts it with the first message, which Material sends once it
  // has the index, and passes on what the worker answers.
  const Worker = window.Worker;
  const pagefind = new URL("search-pagefind-worker.js", document.currentScript.src).href;
  class OnDemand extends EventTarget {
    constructor(url, options) {
      if (new URL(String(url), location.href).href !== worker) return new Worker(url, options);
      super();
      this.start = (setup) => {
        if (!this.worker) {
          const settings = setup && setup.data && setup.data.config;
          this.worker = settings && settings.pagefind ? new Worker(pagefind) : new Worker(url, options);
          for (const type of ["message", "messageerror", "error"]) {
            this.worker.addEventListener(type, (event) => this.dispatchEvent(new event.constructor(type, event)));
          }
          // Each answer, for the notes beside Material's count (search-notes.js).
          this.worker.addEventListener("message", ({ data }) => {
            if (data && data.type === RESULT) dispatchEvent(new CustomEvent("search-answer", { detail: data.data }));
          });
        }
        return this.worker;
      };
    }

    postMessage(...message) {
      this.start(message[0]).postMessage(...message);
    }

    terminate() {
      if (this.worker) this.worker.terminate();
    }
  }
  window.Worker = OnDemand;

  const release = () => {
    wanted = true;
    held.splice(0).forEach((go) => go());
  };
  addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.closest(".md-search")) release();
  });
  addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) release();
  });
})();
