/* Web workers for pages opened from file://, where browsers refuse real workers: the worker
 * runs in a hidden iframe instead. Adapted from iframe-worker 1.0.4 (shim),
 * https://github.com/squidfunk/iframe-worker, MIT licence, (c) 2020-2022 Martin Donath.
 * Vendored so that offline search needs no CDN, and changed to write no inline script into
 * the iframe (its setup is iframe-worker-setup.js, beside this file), so that the offline copy's
 * Content-Security-Policy needs no 'unsafe-inline'. */
"use strict";
(() => {
  const setup = new URL("iframe-worker-setup.js", document.currentScript.src).href;

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = `${url}`;
      this.m = (event) => {
        if (event.source === this.w) {
          this.dispatchEvent(new MessageEvent("message", { data: event.data }));
          if (this.onmessage) this.onmessage(event);
        }
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename === this.url) {
          const event = new ErrorEvent("error", { message, filename, lineno, colno, error });
          this.dispatchEvent(event);
          if (this.onerror) this.onerror(event);
        }
      };
      const iframe = document.createElement("iframe");
      iframe.hidden = true;
      iframe.name = this.url; // the setup script reads the worker's address from here
      document.body.appendChild((this.iframe = iframe));
      this.w.document.open();
      this.w.document.write(`<html><body><script src="${setup}"><\/script>` +
        `<script src="${this.url}?${Date.now()}"><\/script></body></html>`);
      this.w.document.close();
      onmessage = this.m;
      onerror = this.e;
      this.r = new Promise((resolve, reject) => { this.w.onload = resolve; this.w.onerror = reject; });
    }

    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }

    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }

    get w() {
      return this.iframe.contentWindow;
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
