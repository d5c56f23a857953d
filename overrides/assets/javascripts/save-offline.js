/* "Save for offline": the reader's own copy of the whole site in the browser (Cache Storage),
 * answered by a service worker (offline-worker.js at the site's root) that is registered only
 * when the reader asks. The build lists what a copy holds in offline.json: its id, its date,
 * and every file with its size (a page PDF marked, saved only if the reader ticks them).
 *
 * On every page: where a copy is saved, the footer says of when, and says "Update available"
 * once a newer build is published; the copy changes only when the reader taps. On the
 * Downloads page: the size before saving, the choice of PDFs, save, update and remove. */
"use strict";
(function () {
  const ROOT = new URL("../../", document.currentScript.src); // this file is assets/javascripts/
  const LIST = new URL("offline.json", ROOT);
  const WORKER = new URL("offline-worker.js", ROOT);
  const STATE = "kb-saved-state"; // the cache and the key of the state, as offline-worker.js names them
  const STATE_KEY = new URL("offline-state", ROOT).href;
  const PREFIX = "kb-saved-copy-";
  const AT_ONCE = 6; // files fetched side by side while saving
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  if (!("caches" in window) || !("serviceWorker" in navigator)) return; // from disk, or an old browser

  const $ = (selector) => document.querySelector(selector);
  const day = (iso) => { const [y, m, d] = iso.split("-").map(Number); return `${d} ${MONTHS[m - 1]} ${y}`; };
  const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  const say = (text) => document.querySelectorAll("[data-save-status]").forEach((el) => { el.textContent = text; });

  async function state() {
    const saved = await caches.match(STATE_KEY, { cacheName: STATE }); // creates no cache
    return saved ? saved.json() : null;
  }

  async function latest() {
    const response = await fetch(`${LIST.href}?latest`, { cache: "no-store" }); // past the saved copy
    if (!response.ok) throw new Error(`the list of files answered ${response.status}`);
    return response.json();
  }

  function chosen(list, pdfs) {
    return list.files.filter((file) => pdfs || !file.pdf);
  }

  async function save(list, pdfs) {
    if (navigator.storage && navigator.storage.persist) await navigator.storage.persist();
    await navigator.serviceWorker.register(WORKER.href, { scope: ROOT.pathname });
    const name = PREFIX + list.build;
    const copy = await caches.open(name);
    const files = chosen(list, pdfs);
    let done = 0;
    try {
      for (let start = 0; start < files.length; start += AT_ONCE) {
        await Promise.all(files.slice(start, start + AT_ONCE).map(async (file) => {
          const url = new URL(file.path, ROOT);
          const response = await fetch(`${url.href}?latest`, { cache: "no-store" });
          if (!response.ok) throw new Error(`${file.path} answered ${response.status}`);
          await copy.put(url.href, response);
          done += 1;
        }));
        say(`Saving: ${done} of ${files.length} files…`);
      }
    } catch (error) {
      await caches.delete(name);
      throw error;
    }
    const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
    await (await caches.open(STATE)).put(STATE_KEY, new Response(JSON.stringify(
      { cache: name, build: list.build, built: list.built, bytes, pdfs })));
    for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== name) await caches.delete(key);
  }

  async function remove() {
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      if (registration.scope === ROOT.href) await registration.unregister();
    }
    for (const key of await caches.keys()) if (key === STATE || key.startsWith(PREFIX)) await caches.delete(key);
  }

  function show(saved, update) {
    document.querySelectorAll("[data-save-saved]").forEach((el) => {
      el.hidden = !saved;
      el.textContent = saved ? `Saved copy of ${day(saved.built)} (${megabytes(saved.bytes)}).` : "";
    });
    document.querySelectorAll("[data-save-update]").forEach((el) => { el.hidden = !update; });
    document.querySelectorAll("[data-save-remove]").forEach((el) => { el.hidden = !saved; });
    const button = $("[data-save]");
    if (button) button.hidden = Boolean(saved);
  }

  async function run(step, done) {
    document.querySelectorAll("[data-save-panel] button, [data-save-update]").forEach((b) => { b.disabled = true; });
    try {
      await step();
      say(done);
    } catch (error) {
      say(`Not saved: ${error.message}. Try again when the connection is better.`);
    } finally {
      document.querySelectorAll("[data-save-panel] button, [data-save-update]").forEach((b) => { b.disabled = false; });
    }
  }

  async function start() {
    const saved = await state();
    const panel = $("[data-save-panel]");
    let list = null;
    if (panel || saved) {
      try { list = await latest(); } catch { list = null; } // offline: the saved copy is all there is
    }
    const update = Boolean(saved && list && list.build !== saved.build);
    show(saved, update);
    document.querySelectorAll("[data-save-update]").forEach((button) => button.addEventListener("click", () =>
      run(async () => { await save(list, saved.pdfs); location.reload(); }, "Updated.")));
    if (!panel) return;
    if (!list) { say("The list of files to save could not be read; try again when you are online."); return; }
    const pages = chosen(list, false).reduce((sum, file) => sum + file.bytes, 0);
    const pdfs = list.files.filter((file) => file.pdf).reduce((sum, file) => sum + file.bytes, 0);
    const tick = $("[data-save-pdfs]");
    $("[data-save-pdf-size]").textContent = megabytes(pdfs);
    const label = () => { $("[data-save]").textContent = `Save for offline (${megabytes(pages + (tick.checked ? pdfs : 0))})`; };
    tick.addEventListener("change", label);
    label();
    $("[data-save]").addEventListener("click", () =>
      run(async () => { await save(list, tick.checked); show(await state(), false); }, "Saved. This site now opens without a network."));
    $("[data-save-remove]").addEventListener("click", () =>
      run(async () => { await remove(); show(null, false); }, "The saved copy is removed."));
    panel.hidden = false;
  }

  start();
})();
