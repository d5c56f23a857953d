/* The service worker of "Save for offline" (assets/javascripts/save-offline.js registers it,
 * only when the reader asks). It answers the site's requests from the saved copy, the one the
 * state names, and from the network for anything the copy does not hold. It never changes
 * which copy it answers from: the page does that, when the reader taps "Update" or "Remove".
 * Requests that ask for the newest list of files (?latest) always go to the network.
 *
 * A page it answers gets what only a reader who saved the site needs: the script that says of
 * when the copy is and whether a newer one is out (in the footer), and the web app manifest and
 * icon for a home screen. A reader who has not saved the site loads none of it. */
"use strict";

const SCOPE = self.registration.scope;
const STATE = "kb-saved-state"; // the cache that holds one entry: which saved copy is in use
const STATE_KEY = new URL("offline-state", SCOPE).href; // as save-offline.js names it
const HEAD = `<link rel="manifest" href="${SCOPE}manifest.webmanifest">` +
  `<link rel="apple-touch-icon" href="${SCOPE}assets/images/apple-touch-icon.png">`;
const SCRIPT = "assets/javascripts/save-offline.js";
const BODY = `<script src="${SCOPE}${SCRIPT}" defer></script>`;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

async function savedCopy() {
  const state = await caches.match(STATE_KEY, { cacheName: STATE }); // creates no cache
  if (!state) return null;
  const { cache } = await state.json();
  return (await caches.has(cache)) ? caches.open(cache) : null; // never an empty cache in its place
}

async function withSavedCopysParts(response) {
  if (!(response.headers.get("Content-Type") || "").startsWith("text/html")) return response;
  let html = await response.text();
  html = html.replace("</head>", `${HEAD}</head>`); // the first: the page's own head
  if (!/<script[^>]*save-offline\.js/.test(html)) { // the Downloads page loads it already
    const end = html.lastIndexOf("</body>");
    if (end >= 0) html = html.slice(0, end) + BODY + html.slice(end);
  }
  const headers = new Headers(response.headers);
  headers.delete("Content-Length"); // the page is longer now
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

/* The saved file for a request: by its address, a folder's page also as folder/index.html. */
async function saved(copy, request) {
  const found = await copy.match(request, { ignoreSearch: true });
  if (found || !request.url.split("?")[0].endsWith("/index.html")) return found;
  return copy.match(request.url.split("?")[0].slice(0, -"index.html".length));
}

async function answer(request) {
  let copy = null;
  try {
    copy = await savedCopy();
    const found = copy && (await saved(copy, request));
    if (found) return await withSavedCopysParts(found);
  } catch {
    copy = null; // storage failed: the network answers, as without a saved copy
  }
  try {
    return await fetch(request);
  } catch (error) {
    const missing = copy && request.mode === "navigate" && (await copy.match(new URL("404.html", SCOPE).href));
    if (missing) return withSavedCopysParts(missing); // offline, a page the copy does not hold
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !url.href.startsWith(SCOPE)) return;
  if (url.searchParams.has("latest")) return; // the page checks for a newer build, or saves one
  event.respondWith(answer(event.request));
});
