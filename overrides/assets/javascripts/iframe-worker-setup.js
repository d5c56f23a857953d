/* Runs first inside the iframe that iframe-worker-shim.js makes: gives the worker's script the
 * functions a worker has (postMessage to its page, importScripts) and reports its errors.
 * From iframe-worker 1.0.4 (shim), MIT licence, (c) 2020-2022 Martin Donath; a file of its own
 * so that no inline script is needed. */
"use strict";
window.postMessage = (message, origin) => parent.postMessage(message, origin || "*");
window.importScripts = (...urls) => urls.reduce((done, url) => done.then(() => new Promise((resolve) => {
  const script = document.createElement("script");
  script.src = url;
  script.onload = resolve;
  document.body.appendChild(script);
})), Promise.resolve());
addEventListener("error", ({ error }) => {
  parent.dispatchEvent(new ErrorEvent("error", { filename: window.name, error }));
});
