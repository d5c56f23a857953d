"""Ask a built site's own search, in Chromium, what it finds, and how long each step takes: the worker that the search box
uses, started through the page's scripts as Material starts it (so the published site's Pagefind
worker, or elsewhere Material's worker with our letter folding), is given the site's search
settings and answers each query with the same message it sends the search box. Used by the
search tests and the benchmark; the page must be open on the site, served or, for the offline
copy, from disk (file://), where the settings are read as Material reads them there: from the
script search/search_index.js, and the worker runs in an iframe (iframe-worker-shim.js).
"""

from __future__ import annotations

from typing import Any

# Material's worker messages: 0 set up the index, 1 ready, 2 query, 3 result. Each result lists
# the pages found, best first, each as the addresses of its matching sections (page first); with
# the milliseconds each step took: the settings fetched, the worker made ready, the queries answered.
_ASK = """async ({queries, docs}) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const material = config.search;
  const base = new URL(config.base, location.href);
  const script = (src) => new Promise((resolve, reject) =>
    document.head.append(Object.assign(document.createElement("script"), {src, onload: resolve, onerror: reject})));
  let start = performance.now();
  let index;
  if (location.protocol === "file:") {
    if (typeof __index === "undefined") await script(new URL("search/search_index.js", base).href);
    index = structuredClone(__index);
  } else index = await (await fetch(new URL("search/search_index.json", base))).json();
  const fetched = performance.now() - start;
  if (docs) delete index.config.pagefind; // documents of the test's own: Material's worker
  const worker = new Worker(new URL(material, document.baseURI).href);
  const reply = () => new Promise((resolve) => worker.addEventListener("message", (e) => resolve(e.data), {once: true}));
  start = performance.now();
  worker.postMessage({type: 0, data: {config: index.config, docs: docs || index.docs, options: {suggest: false}}});
  await reply();
  const ready = performance.now() - start;
  start = performance.now();
  const found = [];
  for (const query of queries) {
    worker.postMessage({type: 2, data: query});
    const result = await reply();
    found.push(result.data.items.map((group) => group.map((item) => item.location)));
  }
  const answered = performance.now() - start;
  worker.terminate();
  return {found, fetched, ready, answered};
}"""


def ask(page: Any, queries: list[str], docs: list[dict] | None = None) -> list[list[list[str]]]:
    """For each query, the pages found, best first, each as its matching addresses; `docs` stand
    in for the site's documents when given, and are searched by Material's worker (the offline
    copy's) with the site's settings."""
    return page.evaluate(_ASK, {"queries": queries, "docs": docs})["found"]


def steps(page: Any, query: str) -> dict[str, float]:
    """Seconds to fetch the search settings, to make the worker ready and to answer `query`, and
    the number of pages found."""
    asked = page.evaluate(_ASK, {"queries": [query], "docs": None})
    return {
        "fetched": asked["fetched"] / 1000,
        "ready": asked["ready"] / 1000,
        "answered": asked["answered"] / 1000,
        "found": len(asked["found"][0]),
    }


def pages_found(page: Any, queries: list[str]) -> list[list[str]]:
    """For each query, the addresses of the pages found (without section), best first."""
    return [[group[0].split("#")[0] for group in found] for found in ask(page, queries)]
