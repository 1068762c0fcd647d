// Browser benchmark of the workbench (issue 12): for each view, the time from navigation to the
// view's data on screen — body[data-ready] and the performance mark gwr-ready that web/src/app.js
// sets once a view is mounted — in Debian's chromium at 1440 px, warm server (one unmeasured load
// of each view first), RUNS loads one at a time, median reported. Not a test: it prints a table
// and exits 1 only when a view misses the 1 s goal (or fails to load).
// Usage: node bench/web_views.mjs BASE_URL [RUNS]     (bench/web_views.sh builds the corpus)
import { createRequire } from 'node:module';

// playwright-core is web/'s dependency (npm ci --prefix web).
const { chromium } = createRequire(new URL('../web/package.json', import.meta.url))('playwright-core');

const [base, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg || 5);
const GOAL_MS = 1000;
const VIEWS = [
  ['语料库', '#/corpus'],
  ['报告阅读', '#/report/330600/2024'],
  ['目标', '#/targets?indicator=gdp_growth&year=2024'],
  ['目标与实绩', '#/realised?indicator=gdp_growth&year=2024'],
  ['全文检索', '#/search?q=' + encodeURIComponent('生产总值')],
  ['对比', '#/compare'],
  ['民生实事', '#/commitments'],
  ['词频与关注度', '#/terms'],
];

const browser = await chromium.launch({ executablePath: process.env.GWR_CHROMIUM || '/usr/bin/chromium' });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
async function load(hash) {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector('body[data-ready]', { timeout: 15000 });
    const ready = await page.evaluate(() => document.body.dataset.ready);
    if (ready === 'error') throw new Error(`${hash}: the view shows an error`);
    // performance marks count from the navigation's start.
    return await page.evaluate(() => performance.getEntriesByName('gwr-ready').at(-1).startTime);
  } finally {
    await page.close();
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let failed = false;
console.log(`web_views: ${base}, ${RUNS} loads per view, median ms from navigation to data on screen (goal ≤ ${GOAL_MS} ms)`);
for (const [name, hash] of VIEWS) {
  try {
    await load(hash);  // warm: the server's caches, the browser's HTTP cache of the assets
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await load(hash));
    const m = median(times);
    const ok = m <= GOAL_MS;
    failed ||= !ok;
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(8, '　')} ${m.toFixed(0).padStart(6)} ms   (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  ${hash}`);
  } catch (e) {
    failed = true;
    console.log(`FAIL  ${name}: ${e.message}`);
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
