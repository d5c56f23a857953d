// Lighthouse's accessibility score of every page, on a phone and on a desktop.
// Usage: node audit.mjs BASE_URL PATH...  Prints JSON: [{path, form, score, failing: [audit ids]}].
// Runs in one Debian Chromium (CHROME_PATH), started with no background networking; Lighthouse
// cannot run twice at once in one process, so the test starts one of these per core (two to four) side by side. The pages are static and load within a second, so Lighthouse stops waiting for
// "network and CPU quiet" after 2.5 s (its default waits about 11 s here) and skips throttling.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";

const [base, ...paths] = process.argv.slice(2);
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
  "--disable-background-networking", "--disable-component-update", "--disable-default-apps"];
const SETTINGS = { onlyCategories: ["accessibility"], throttlingMethod: "provided", disableFullPageScreenshot: true, maxWaitForLoad: 2500 };
const CONFIGS = {
  phone: { extends: "lighthouse:default", settings: SETTINGS },
  desktop: { ...desktop, settings: { ...desktop.settings, ...SETTINGS } },
};

async function worker(jobs, results) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || "/usr/bin/chromium", chromeFlags: FLAGS });
  try {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const run = await lighthouse(base + job.path, { port: chrome.port, logLevel: "error" }, CONFIGS[job.form]);
      const failing = Object.values(run.lhr.audits).filter((a) => a.scoreDisplayMode === "binary" && a.score === 0).map((a) => a.id);
      results.push({ ...job, score: run.lhr.categories.accessibility.score, failing });
    }
  } finally {
    await chrome.kill();
  }
}

const jobs = paths.flatMap((path) => [{ path, form: "phone" }, { path, form: "desktop" }]);
const results = [];
await worker(jobs, results);
console.log(JSON.stringify(results));
