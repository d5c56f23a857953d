/* Material's search asks for the site's whole index as soon as a page opens, and the index grows
 * with the site (about 3 MB gzip at 100 times today's content). This holds that one request back
 * until the reader turns to search: the search box gets focus (click, tap, or the keys /, s, f),
 * the search dialog opens, or the page was opened from a search result (?h=, Material then marks
 * the words found) or a search link (?q=). Loaded before Material's bundle. */
"use strict";
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const { open, send } = XMLHttpRequest.prototype;
  const addresses = new WeakMap();
  const held = [];
  const params = new URLSearchParams(location.search);
  let wanted = params.has("h") || params.has("q");

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    addresses.set(this, new URL(String(url), location.href).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (wanted || !INDEX.test(addresses.get(this) || "")) return send.apply(this, body);
    held.push(() => send.apply(this, body));
  };

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
