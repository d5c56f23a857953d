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
  return state ? caches.open((await state.json()).cache) : null;
}

async function withSavedCopysParts(response) {
  if (!(response.headers.get("Content-Type") || "").startsWith("text/html")) return response;
  let html = await response.text();
  html = html.replace("</head>", `${HEAD}</head>`);
  if (!html.includes(SCRIPT)) html = html.replace("</body>", `${BODY}</body>`); // the Downloads page has it
  const headers = new Headers(response.headers);
  headers.delete("Content-Length"); // the page is longer now
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

async function answer(request) {
  const copy = await savedCopy();
  const saved = copy && (await copy.match(request, { ignoreSearch: true }));
  return saved ? withSavedCopysParts(saved) : fetch(request);
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !url.href.startsWith(SCOPE)) return;
  if (url.searchParams.has("latest")) return; // the page checks for a newer build
  event.respondWith(answer(event.request));
});
