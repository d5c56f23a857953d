/* "Save for offline": the reader's own copy of the whole site in the browser (Cache Storage),
 * answered by a service worker (offline-worker.js at the site's root) that is registered only
 * when the reader asks, once the copy is complete. The build lists what a copy holds in
 * offline.json: its id, its date, and every file with its size (a page PDF marked, saved only if
 * the reader ticks them).
 *
 * On every page: where a copy is saved, the footer says of when, and says "Update available"
 * once a newer build is published; the copy changes only when the reader taps. On the
 * Downloads page: the size before saving, the choice of PDFs, save, update and remove. */
"use strict";
(function () {
  const ROOT = new URL("../../", document.currentScript.src); // this file is assets/javascripts/
  const LIST = new URL("offline.json", ROOT);
  const WORKER = new URL("offline-worker.js", ROOT);
  // The cache and the key of the state, and the copies' prefix, as offline-worker.js names them.
  const STATE = "kb-saved-state";
  const STATE_KEY = new URL("offline-state", ROOT).href;
  const PREFIX = "kb-saved-copy-";
  const AT_ONCE = 6; // files fetched side by side while saving
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  if (!("caches" in window) || !("serviceWorker" in navigator)) return; // from disk, or an old browser

  const $ = (selector) => document.querySelector(selector);
  const all = (selector) => document.querySelectorAll(selector);
  const day = (iso) => { const [y, m, d] = iso.split("-").map(Number); return `${d} ${MONTHS[m - 1]} ${y}`; };
  const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  // One live region speaks: the panel's on the Downloads page, the footer's elsewhere.
  const say = (text) => { ($("[data-save-panel] [data-save-status]") || $("[data-save-status]")).textContent = text; };
  // One save or removal at a time, across this site's tabs.
  const alone = (step) => (navigator.locks ? navigator.locks.request("kb-saved-copy", step) : step());

  async function state() {
    const saved = await caches.match(STATE_KEY, { cacheName: STATE }); // creates no cache
    return saved ? saved.json() : null;
  }

  async function latest(seconds = 10) {
    const response = await fetch(`${LIST.href}?latest`, { cache: "no-store", signal: AbortSignal.timeout(seconds * 1000) });
    if (!response.ok) throw new Error(`the list of files answered ${response.status}`);
    return response.json();
  }

  const chosen = (list, pdfs) => list.files.filter((file) => pdfs || !file.pdf);

  async function fetchInto(copy, file) {
    const url = new URL(file.path, ROOT);
    const response = await fetch(`${url.href}?latest`, { cache: "no-store" });
    if (!response.ok || response.redirected) throw new Error(`${file.path} answered ${response.status}`);
    await copy.put(url.href, response);
  }

  /* Save the build the server lists now into a cache of its own; name it in the state only when
   * every file is in, and only if the build did not change meanwhile; then drop older copies. */
  async function save(pdfs) {
    const list = await latest();
    const name = `${PREFIX}${list.build}-${Date.now()}`;
    const files = chosen(list, pdfs);
    try {
      const copy = await caches.open(name);
      let quarter = 0;
      for (let start = 0; start < files.length; start += AT_ONCE) {
        await Promise.all(files.slice(start, start + AT_ONCE).map((file) => fetchInto(copy, file)));
        const done = Math.min(start + AT_ONCE, files.length);
        if (Math.floor((4 * done) / files.length) > quarter) { // said at each quarter, not each file
          quarter = Math.floor((4 * done) / files.length);
          say(`Saving: ${done} of ${files.length} files…`);
        }
      }
      if ((await latest()).build !== list.build) throw new Error("a new version was published while saving");
    } catch (error) {
      await caches.delete(name);
      throw error;
    }
    if (navigator.storage && navigator.storage.persist) await navigator.storage.persist();
    const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
    await (await caches.open(STATE)).put(STATE_KEY, new Response(JSON.stringify(
      { cache: name, build: list.build, built: list.built, bytes, pdfs })));
    for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== name) await caches.delete(key);
    await navigator.serviceWorker.register(WORKER.href, { scope: ROOT.pathname });
    await navigator.serviceWorker.ready; // answering this page's requests from now on
  }

  async function remove() {
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      if (registration.scope === ROOT.href) await registration.unregister();
    }
    for (const key of await caches.keys()) if (key === STATE || key.startsWith(PREFIX)) await caches.delete(key);
  }

  function show(saved, update) {
    all("[data-save-saved]").forEach((el) => {
      el.hidden = !saved;
      el.textContent = saved ? `Saved copy of ${day(saved.built)} (${megabytes(saved.bytes)}).` : "";
    });
    all("[data-save-update]").forEach((el) => { el.hidden = !update; });
    all("[data-save-remove]").forEach((el) => { el.hidden = !saved; });
    all("[data-save], [data-save-choice]").forEach((el) => { el.hidden = Boolean(saved); });
  }

  /* Run one step with the buttons disabled; say how it ended; put the focus where the reader goes on. */
  async function run(step, done, failed, focus) {
    const controls = all("[data-save-panel] button, [data-save-panel] input, [data-save-update]");
    controls.forEach((control) => { control.disabled = true; });
    let ended = false;
    try {
      await alone(step);
      ended = true;
      say(done);
    } catch (error) {
      say(`${failed}: ${error.message}. Try again when the connection is better.`);
    } finally {
      controls.forEach((control) => { control.disabled = false; });
    }
    if (ended && focus && $(focus)) $(focus).focus();
  }

  async function start() {
    const saved = await state();
    const panel = $("[data-save-panel]");
    show(saved, false);
    all("[data-save], [data-save-choice]").forEach((el) => { el.hidden = true; }); // until the size is known
    if (panel) panel.hidden = false;
    let list = null;
    if (panel || saved) {
      try { list = await latest(); } catch { list = null; } // offline: the saved copy is all there is
    }
    show(saved, Boolean(saved && list && list.build !== saved.build));
    all("[data-save-update]").forEach((button) => button.addEventListener("click", () =>
      run(async () => { await save(saved.pdfs); location.reload(); }, "Updated.", "Not updated")));
    if (!panel) return;
    $("[data-save-remove]").addEventListener("click", () =>
      run(async () => { await remove(); show(null, false); }, "The saved copy is removed.", "Not removed", "[data-save]"));
    if (!list) {
      if (saved) return; // offline with a saved copy: nothing to save, and nothing wrong
      all("[data-save], [data-save-choice]").forEach((el) => { el.hidden = true; });
      say("The list of files to save could not be read; try again when you are online.");
      return;
    }
    const pages = chosen(list, false).reduce((sum, file) => sum + file.bytes, 0);
    const pdfs = list.files.filter((file) => file.pdf).reduce((sum, file) => sum + file.bytes, 0);
    const tick = $("[data-save-pdfs]");
    $("[data-save-pdf-size]").textContent = megabytes(pdfs);
    const label = () => { $("[data-save]").textContent = `Save for offline (${megabytes(pages + (tick.checked ? pdfs : 0))})`; };
    tick.addEventListener("change", label);
    label();
    $("[data-save]").addEventListener("click", () =>
      run(async () => { await save(tick.checked); show(await state(), false); },
        "Saved. This site now opens without a network.", "Not saved", "[data-save-remove]"));
  }

  start();
})();
