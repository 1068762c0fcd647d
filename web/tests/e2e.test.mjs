// End-to-end tests of the web workbench: `gwr serve` on a corpus built from the repository's
// examples and test fixtures, driven by Debian's chromium through playwright-core.
// Run: GWR_BIN=build/src/gwr node --test web/tests/e2e.test.mjs   (CTest sets GWR_BIN)
// Screenshots go to build/web-artifacts/ (or $GWR_ARTIFACTS).
import { strFromU8, unzipSync } from 'fflate';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = process.env.GWR_BIN || join(root, 'build/src/gwr');
const artifacts = process.env.GWR_ARTIFACTS || join(root, 'build/web-artifacts');
const CHROMIUM = process.env.GWR_CHROMIUM || '/usr/bin/chromium';

let tmp, server, base, context, page;

async function startServer(db) {
  const child = spawn(bin, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const url = await new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`gwr serve did not start: ${err}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); res(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); rej(new Error(`gwr serve exited ${code}: ${err}`)); });
  });
  return { child, url };
}

async function json(path) {
  const r = await fetch(base + path);
  return r.json();
}

async function shot(name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

async function open(hash) {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector('main .page');
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), 'gwr-e2e-'));
  const db = join(tmp, 'corpus.db');
  const ing = spawnSync(bin, ['ingest', 'examples', 'tests/server/fixtures', '--db', db], { cwd: root, encoding: 'utf8' });
  assert.equal(ing.status, 0, `gwr ingest failed: ${ing.stderr}`);
  ({ child: server, url: base } = await startServer(db));
  context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => { throw e; });
});

after(async () => {
  await context?.close();
  server?.kill('SIGTERM');
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('gwr web workbench', { timeout: 120000 }, () => {
  test('corpus page lists reports with counts and draws the map', async () => {
    await open('#/corpus');
    await page.waitForSelector('.chart.map canvas');
    const text = await page.textContent('main');
    // Nine reports, one of them stored three times (counted once).
    assert.match(text, /9\s*份报告（含副本共 11 个版本）/);
    assert.match(text, /报告列表（共 9 份）/);
    assert.ok(text.includes('绍兴市') && text.includes('宜宾市') && text.includes('永登县'));
    await page.selectOption('select[name=level]', 'county');
    await page.waitForFunction(() => document.querySelector('main').textContent.includes('报告列表（共 5 份）'));
    await page.waitForSelector('.chart.map canvas');
    await page.waitForTimeout(600);  // the map's entry animation
    await shot('corpus');
    assert.equal(await page.title(), '语料库 · gwr');
  });

  test('map: a province is coloured by its own or its cities\' targets, never by counties alone; a click filters', async () => {
    await open('#/corpus');
    await page.waitForSelector('.chart.map canvas');
    await page.waitForFunction(() => window.echarts && window.echarts.getInstanceByDom(document.querySelector('.chart.map'))?.getOption()?.series?.length);
    const data = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('.chart.map')).getOption().series[0].data
      .filter((d) => d.province).map((d) => ({ name: d.name, value: d.value ?? null, county_only: !!d.county_only, province: d.province })));
    const year = Number(await page.$eval('select[name=map_year]', (s) => s.value).catch(() => 2024)) || 2024;
    const rows = (await json(`/api/targets?indicator=gdp_growth&year=${year}&kind=plan_year`)).rows;
    for (const d of data) {
      const mine = rows.filter((r) => (r.level === 'province' ? r.region : r.province) === d.province && r.value !== null);
      const own = mine.find((r) => r.level === 'province');
      const cities = mine.filter((r) => r.level === 'prefecture');
      if (own) assert.equal(d.value, own.value, d.name);
      else if (cities.length) assert.equal(d.value, Math.round(cities.reduce((a, r) => a + r.value, 0) / cities.length * 100) / 100, d.name);
      else {
        assert.equal(d.value, null, `${d.name}: counties alone must not colour the province`);
        assert.ok(d.county_only, d.name);
      }
    }
    assert.ok(data.some((d) => d.county_only), 'the fixture corpus has a province with county reports only');
    // A click on a coloured province filters the report list to it.
    const target = data.find((d) => d.value !== null && d.name === '浙江');
    assert.ok(target, JSON.stringify(data));
    // A real click at 浙江's centre (retried: under load the first paint of the map may not
    // have happened yet, and a click before it hits nothing).
    await page.$eval('.chart.map', (el) => el.scrollIntoView({ block: 'center' }));
    let filtered = false;
    for (let attempt = 0; attempt < 20 && !filtered; attempt++) {
      const box = await page.$eval('.chart.map', (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y }; });
      const [px, py] = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('.chart.map')).convertToPixel({ seriesIndex: 0 }, [120.0, 29.6]));
      await page.mouse.click(box.x + px, box.y + py);
      filtered = await page.waitForFunction(() => decodeURIComponent(location.hash).includes('province=浙江省'), null, { timeout: 1000 })
        .then(() => true, () => false);
    }
    assert.ok(filtered, 'a click on 浙江 filters the list to 浙江省');
    await page.waitForFunction(() => /报告列表（共 \d+ 份）/.test(document.querySelector('main').textContent));
    const listed = await page.$$eval('main table tbody tr', (trs) => trs.map((tr) => tr.textContent));
    assert.ok(listed.length > 0 && listed.every((t) => t.includes('浙江省')), listed.join(' | '));
    // …and drills the map down to the province's cities, coloured by prefecture reports only.
    await page.waitForFunction(() => /浙江省 · 地市目标地图/.test(document.querySelector('main').textContent));
    await page.waitForFunction(() => document.querySelector('.chart.map')?.dataset.areas !== undefined);
    const cities = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('.chart.map')).getOption().series[0].data
      .filter((d) => d.value !== undefined && d.value !== null).map((d) => [d.name, d.value]));
    const expected = rows.filter((r) => r.province === '浙江省' && r.level === 'prefecture' && r.value !== null).map((r) => [r.region, r.value]);
    assert.ok(expected.length >= 1);
    assert.deepEqual(cities, expected, 'counties (临安区, 安吉县 …) do not colour the city map');
    await shot('corpus-province');
    await page.click('button.map-back');
    await page.waitForFunction(() => !decodeURIComponent(location.hash).includes('province='));
    await page.waitForFunction(() => /各省目标地图/.test(document.querySelector('main').textContent));
  });

  test('map_year=null counts as no year: the map draws, the API answers', async () => {
    await open('#/corpus?map_year=null');
    await page.waitForSelector('.chart.map canvas');
    assert.equal(await page.$('main .error'), null);
    assert.doesNotMatch(await page.textContent('main'), /没有目标数据/);
    for (const q of ['year=null', 'year=undefined', 'year=']) {
      const r = await fetch(`${base}/api/targets?indicator=gdp_growth&${q}`);
      assert.equal(r.status, 200, q);
    }
  });

  test('assets: compressed once, ETag and 304, no render blocked on the chart bundle', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const src = html.match(/href="(\/assets\/vendor\/echarts\.min\.js\?v=[0-9a-f]{20})"/);
    assert.ok(src, 'index.html names the chart bundle with its version');
    const times = [];
    let etag;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = await fetch(base + src[1], { headers: { 'accept-encoding': 'br, gzip' } });
      await r.arrayBuffer();
      times.push(performance.now() - t0);
      assert.equal(r.headers.get('content-encoding'), 'br');
      assert.match(r.headers.get('cache-control'), /immutable/);
      etag = r.headers.get('etag');
      assert.match(etag, /^"[0-9a-f]{20}-br"$/);
    }
    assert.ok(Math.min(...times) < 500, `chart bundle served in ${times.map(Math.round).join(', ')} ms`);
    const again = await fetch(`${base}/assets/app.js`, { headers: { 'if-none-match': etag.replace('-br', '-gzip') } });
    assert.equal(again.status, 200, 'another file: its own ETag');
    const tag = again.headers.get('etag');
    assert.equal(again.headers.get('cache-control'), 'no-cache');
    const not = await fetch(`${base}/assets/app.js`, { headers: { 'if-none-match': tag } });
    assert.equal(not.status, 304);
    // The chart bundle held back 3 s: the page's text is there before it.
    await page.route('**/echarts.min.js*', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    // 'commit': goto's default waits for the load event, which waits for async scripts too.
    await page.goto(`${base}/?slow=1#/targets?indicator=gdp_growth&year=2024`, { waitUntil: 'commit' });
    await page.waitForSelector('main .page table', { timeout: 2500 });
    assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined');
    await page.waitForSelector('.chart canvas');
    await page.unroute('**/echarts.min.js*');
  });

  test('search finds a phrase, shows highlights and facets, and opens the paragraph', async () => {
    await open('#/search');
    await page.fill('input[name=q]', '城市书房');
    await page.press('input[name=q]', 'Enter');
    await page.waitForSelector('.hit mark');
    const marks = await page.$$eval('.hit mark', (ms) => ms.map((m) => m.textContent));
    assert.ok(marks.some((m) => m.includes('城市书房')), marks.join(','));
    assert.match(await page.textContent('.facets'), /浙江省/);
    await shot('search');
    await page.click('.hit a.hit-link');
    await page.waitForSelector('.para.flash');
    assert.match(page.url(), /#\/report\/\d+\?p=\d+/);
    assert.match(await page.textContent('.para.flash'), /城市书房/);
  });

  test('search pages through every hit, charts them by year and downloads them all as CSV', async () => {
    const all = await json('/api/search?q=' + encodeURIComponent('发展') + '&limit=100');
    assert.ok(all.total > 10, `the fixture corpus needs more than 10 hits of 发展, has ${all.total}`);
    await open('#/search?q=' + encodeURIComponent('发展') + '&n=10');
    await page.waitForSelector('.hit');
    assert.equal(await page.$$eval('.hit', (x) => x.length), 10);
    assert.match(await page.textContent('.result-count'), new RegExp(`找到 ${all.total} 个段落，显示第 1–10 个`));
    await page.waitForSelector('.hits-by-year canvas');
    // The second page continues the ranking where the first stopped.
    await page.click('.pager button:has-text("下一页")');
    await page.waitForFunction(() => /显示第 11–/.test(document.querySelector('.result-count')?.textContent || ''));
    assert.match(page.url(), /offset=10/);
    assert.equal(await page.$eval('ol.hits', (o) => o.start), 11);
    const second = await page.$$eval('.hit .hit-link', (as) => as.map((a) => a.getAttribute('href')));
    const expected = all.hits.slice(10, 20).map((x) => `#/report/${x.report_id}?p=${x.paragraph}`);
    assert.deepEqual(second, expected);
    await shot('search-paged');
    // CSV: a byte order mark, Chinese headers, one row per hit in rank order.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button.csv')]);
    assert.match(dl.suggestedFilename(), /^检索_发展\.csv$/);
    const text = readFileSync(await dl.path(), 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    assert.match(lines[0], /^排名,地区,省份,层级,年份,章节,段落序号,报告编号,片段$/);
    assert.equal(lines.length - 1, all.total);
    assert.match(lines[1], new RegExp(`^1,${all.hits[0].region},`));
  });

  test('search ranks the regions and reports that mention a phrase most, with their years', async () => {
    const q = '生产总值';
    const api = await json('/api/search?q=' + encodeURIComponent(q) + '&limit=10');
    assert.ok(api.ranking.regions.length >= 2, 'several regions mention it');
    const counts = api.ranking.regions.map((r) => r.paragraphs);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most mentions first');
    assert.equal(api.ranking.regions.reduce((a, r) => a + r.paragraphs, 0), api.total);
    await open('#/search?q=' + encodeURIComponent(q));
    await page.waitForSelector('.region-ranking tbody tr');
    const first = await page.$$eval('.region-ranking tbody tr:first-child td', (tds) => tds.map((t) => t.textContent));
    assert.equal(first[0], api.ranking.regions[0].region);
    assert.equal(first[2], String(api.ranking.regions[0].paragraphs));
    const href = await page.getAttribute('.report-ranking tbody tr:first-child a', 'href');
    assert.match(href, /^#\/report\/[^/]+\/\d{4}\?p=\d+$/);
    // The share of each level's reports per year that mention it, against the corpus counts.
    const sum = await json('/api/summary');
    await page.waitForSelector('.share-by-year-level canvas');
    const option = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('.share-by-year-level')).getOption());
    const county = option.series.find((x) => x.name === '县级');
    const y2024 = option.xAxis[0].data.indexOf('2024年');
    const hit = api.by_year_level.find((x) => x.year === 2024 && x.level === 'county');
    const n = sum.by_year_level.find((x) => x.year === 2024 && x.level === 'county').count;
    assert.equal(county.data[y2024], Math.round((hit.reports * 1000) / n) / 10);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('.region-ranking button.csv')]);
    assert.equal(dl.suggestedFilename(), `检索_${q}_地区排行.csv`);
    const csv = readFileSync(await dl.path(), 'utf8').slice(1).trim().split('\r\n');
    assert.equal(csv[0], '排名,地区,层级,省份,段落数,报告数,年份');
    assert.equal(csv.length - 1, api.ranking.regions.length);
    // The same table as an Excel workbook built in the page: a bold, frozen header and one row per
    // region; counts are numbers.
    const [xl] = await Promise.all([page.waitForEvent('download'), page.click('.region-ranking button.xlsx')]);
    assert.equal(xl.suggestedFilename(), `检索_${q}_地区排行.xlsx`);
    const parts = unzipSync(readFileSync(await xl.path()));
    assert.ok(parts['[Content_Types].xml'] && parts['xl/workbook.xml'] && parts['xl/styles.xml']);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
    assert.equal((sheet.match(/<row /g) || []).length, api.ranking.regions.length + 1);
    assert.match(sheet, /<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">排名<\/t>/);
    assert.match(sheet, /state="frozen"/);
    assert.ok(sheet.includes(`<c r="E2"><v>${api.ranking.regions[0].paragraphs}</v></c>`), 'paragraph counts are numbers');
  });

  test('search maps the share of each province\'s reports that mention a word, by level, and drills down to its cities', async () => {
    const q = '教育';
    const termMap = () => page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('.term-map')).getOption().series[0].data
      .filter((d) => d.reports !== undefined)  // echarts lists every area of the map
      .map((d) => ({ name: d.name, value: d.value, reports: d.reports, mentioning: d.mentioning, province: d.province })));
    const ready = () => page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('.term-map'))?.getOption()?.series?.length);
    const api = (await json('/api/search/regions?q=' + encodeURIComponent(q))).regions;
    // Expected per province: its reports of every level but the national, and those with a hit.
    const expect = (level) => {
      const by = {};
      for (const r of api) {
        if (r.level === 'national' || (level && r.level !== level)) continue;
        const p = (r.level === 'province' ? r.region : r.province).replace(/省$/, '');
        by[p] ??= { reports: 0, mentioning: 0 };
        by[p].reports += r.reports;
        by[p].mentioning += r.mentioning;
      }
      return by;
    };
    await open('#/search?q=' + encodeURIComponent(q));
    await page.waitForSelector('.term-map canvas');
    await ready();
    const all = expect('');
    const shown = await termMap();
    assert.deepEqual(shown.map((d) => d.name).sort(), Object.keys(all).sort());
    for (const d of shown) {
      assert.equal(d.reports, all[d.name].reports, d.name);
      assert.equal(d.mentioning, all[d.name].mentioning, d.name);
      assert.equal(d.value, Math.round((all[d.name].mentioning * 1000) / all[d.name].reports) / 10, d.name);
    }
    assert.ok(shown.some((d) => d.value > 0 && d.value < 100), 'a province where some reports mention it and some do not');
    assert.ok(shown.some((d) => d.value === 0), 'a province where none does (coloured, not blank)');
    // County reports only.
    await page.selectOption('select[name=map_level]', 'county');
    await page.waitForFunction(() => location.hash.includes('map_level=county'));
    await page.waitForSelector('.term-map canvas');
    await ready();
    const county = expect('county');
    const shownCounty = await termMap();
    assert.deepEqual(shownCounty.map((d) => [d.name, d.mentioning, d.reports]).sort(),
      Object.entries(county).map(([k, v]) => [k, v.mentioning, v.reports]).sort());
    // A click on 浙江 drills down to its cities, each by its own reports.
    await page.$eval('.term-map', (el) => el.scrollIntoView({ block: 'center' }));
    let drilled = false;
    for (let attempt = 0; attempt < 20 && !drilled; attempt++) {
      const box = await page.$eval('.term-map', (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y }; });
      const [px, py] = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('.term-map')).convertToPixel({ seriesIndex: 0 }, [120.0, 29.6]));
      await page.mouse.click(box.x + px, box.y + py);
      drilled = await page.waitForFunction(() => decodeURIComponent(location.hash).includes('map_province=浙江省'), null, { timeout: 1000 })
        .then(() => true, () => false);
    }
    assert.ok(drilled, 'a click on 浙江 drills the term map down');
    await page.waitForFunction(() => /浙江省：提及该词的报告占比/.test(document.querySelector('main').textContent));
    await page.waitForSelector('.term-map canvas');
    await ready();
    const cities = await termMap();
    const expected = api.filter((r) => r.province === '浙江省' && r.level === 'prefecture')
      .map((r) => ({ name: r.region, value: Math.round((r.mentioning * 1000) / r.reports) / 10 }));
    assert.ok(expected.length >= 1);
    assert.deepEqual(cities.map((d) => ({ name: d.name, value: d.value })), expected, 'counties do not colour the city map');
    const rows = await page.$$eval('.term-map-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    assert.deepEqual(rows.map((r) => [r[0], r[3]]), expected.map((e) => [e.name, `${e.value}%`]));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('.term-map-table button.csv')]);
    assert.equal(dl.suggestedFilename(), `检索_${q}_地区占比.csv`);
    const csv = readFileSync(await dl.path(), 'utf8').slice(1).trim().split('\r\n');
    assert.equal(csv[0], '地级市,报告数,提及的报告数,占比（%）');
    assert.equal(csv.length - 1, expected.length);
    await shot('search-term-map-province');
    await page.click('.term-map-panel button.map-back');
    await page.waitForFunction(() => !location.hash.includes('map_province'));
  });

  test('terms page: theme attention by year (pooled), top words of a year, rises and falls, CSV', async () => {
    const att = await json('/api/attention?by=report');
    const top = await json('/api/terms?by=year&mode=top&n=30');
    const trends = await json('/api/terms?by=year&mode=trends&n=20');
    const pooled = (theme, year, level) => {
      const rows = att.rows.filter((r) => r.theme === theme && r.plan_year === year && (!level || r.level === level));
      const chars = rows.reduce((a, r) => a + r.chars, 0);
      return chars ? (Math.round((rows.reduce((a, r) => a + r.hits, 0) * 10000 / chars) * 10) / 10).toFixed(1) : '—';
    };
    await open('#/terms');
    assert.equal(await page.title(), '词频与关注度 · gwr');
    await page.waitForSelector('.attention-trend canvas');
    const cells = async () => page.$$eval('.attention-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    const heads = await page.$$eval('.attention-table thead th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(heads, ['主题', '2021年', '2024年', '2025年']);
    let rows = await cells();
    const livelihood = rows.find((r) => r[0] === '民生保障');
    assert.ok(livelihood, rows.map((r) => r[0]).join(','));
    assert.equal(livelihood[1], pooled('livelihood', 2021));
    assert.equal(livelihood[2], pooled('livelihood', 2024));
    assert.equal(livelihood[3], pooled('livelihood', 2025));
    // The level filter recomputes the pooled rates from that level's reports only.
    await page.selectOption('select[name=level]', 'county');
    await page.waitForFunction(() => /level=county/.test(location.hash));
    await page.waitForSelector('.attention-table');
    rows = await cells();
    assert.equal(rows.find((r) => r[0] === '民生保障')[1], pooled('livelihood', 2024, 'county'));
    // Top words of the latest year, in the API's order; each links to the search.
    const latest = Math.max(...top.rows.map((r) => r.plan_year));
    const words = await page.$$eval('.top-terms tbody tr td:nth-child(2)', (tds) => tds.map((t) => t.textContent));
    assert.deepEqual(words, top.rows.filter((r) => r.plan_year === latest).map((r) => r.term));
    assert.match(await page.getAttribute('.top-terms tbody tr a', 'href'), /^#\/search\?q=/);
    const trendWords = await page.$$eval('.term-trends tbody tr td:first-child', (tds) => tds.map((t) => t.textContent));
    assert.deepEqual(trendWords, trends.rows.map((r) => r.term));
    await shot('terms');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('.block:nth-of-type(2) button.csv')]);
    assert.equal(dl.suggestedFilename(), `高频词_${latest}年.csv`);
    const csv = readFileSync(await dl.path(), 'utf8').slice(1).trim().split('\r\n');
    assert.equal(csv[0], '排名,词,次数,每万字');
    assert.equal(csv.length - 1, words.length);
    assert.ok(csv[1].startsWith(`1,${words[0]},`), csv[1]);
    // Rises and falls of one year against the year before it (2025 against 2024, not 2021).
    await page.selectOption('select[name=trend_year]', '2025');
    await page.waitForFunction(() => /trend_year=2025/.test(location.hash));
    await page.waitForFunction(() => /升降最多的词（2025年较上一年）/.test(document.querySelector('main').textContent));
    const y2025 = await json('/api/terms?by=year&mode=trends&n=20&year=2025');
    assert.ok(y2025.rows.length > 0 && y2025.rows.every((r) => r.first_year === 2024 && r.last_year === 2025));
    await page.waitForSelector('.term-trends');
    const perYear = await page.$$eval('.term-trends tbody tr', (trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[2].textContent.slice(0, 5)]));
    assert.deepEqual(perYear, y2025.rows.map((r) => [r.term, '2024年']));
  });

  test('stable links: a report by region code (or name) and year, from the corpus list and the reader', async () => {
    const rep = (await json('/api/reports?q=' + encodeURIComponent('绍兴') + '&year=2024')).items[0];
    assert.ok(rep.region_code, 'the fixture report has a region code');
    await open(`#/report/${rep.region_code}/2024`);
    await page.waitForSelector('.reader-head h1');
    assert.equal(await page.textContent('.reader-head h1'), `${rep.region} 2024 政府工作报告`);
    assert.equal(await page.getAttribute('a.permalink', 'href'), `#/report/${rep.region_code}/2024`);
    await open(`#/report/${encodeURIComponent(rep.region)}/2024`);
    await page.waitForSelector('.reader-head h1');
    assert.equal(await page.textContent('.reader-head h1'), `${rep.region} 2024 政府工作报告`);
    await page.goto(`${base}/#/report/${rep.region_code}/1999`);
    await page.waitForSelector('.error');
    assert.match(await page.textContent('.error'), /没有 330600 1999 年的报告/);
    // The corpus list links every report with a known year that way.
    await open('#/corpus');
    const hrefs = await page.$$eval('main table tbody tr td:first-child a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes(`#/report/${rep.region_code}/2024`), hrefs.join(' '));
    assert.ok(hrefs.every((x) => /^#\/report\/[^/]+\/\d{4}$/.test(x)), hrefs.join(' '));
    // The server's own page link by stable key leads to the same view.
    const res = await fetch(`${base}/report/${rep.region_code}/2024`, { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `/#/report/${rep.region_code}/2024`);
  });

  test('versions: a report stored three times (text, web page, Big5 repost) counts once and lists its copies', async () => {
    const sum = await json('/api/summary');
    assert.equal(sum.versions - sum.reports, 2, 'two extra copies of one report');
    const all = await json('/api/reports?limit=200');
    const keys = all.items.map((r) => r.report_key);
    assert.equal(new Set(keys).size, keys.length, 'one row per region and year');
    const sx = all.items.find((r) => r.report_key === '330600/2024');
    assert.equal(sx.versions, 3);
    assert.equal(sx.format, 'html', 'the web page outranks the plain-text copies');
    const every = await json('/api/reports?limit=200&versions=all');
    assert.equal(every.total, all.total + 2);
    await open('#/corpus');
    const row = page.locator('main table tbody tr', { hasText: '绍兴市' }).filter({ hasText: '2024' });
    assert.equal(await row.count(), 1);
    assert.match(await row.textContent(), /3个版本/);
    await open('#/report/330600/2024');
    await page.waitForSelector('.versions');
    const line = await page.textContent('.versions');
    assert.match(line, /共 3 个版本/);
    assert.match(line, /网页·规范/);
    assert.match(line, /文本（繁体）/);
    // A partial text (the 2025 fixture stops after its targets) says so in the list and the reader.
    await open('#/corpus');
    const partialRow = page.locator('main table tbody tr', { hasText: '绍兴市' }).filter({ hasText: '2025' });
    assert.match(await partialRow.textContent(), /节选·\d+字/);
    await open('#/report/330600/2025');
    await page.waitForSelector('.partial-note');
    assert.match(await page.textContent('.partial-note'), /这不是报告全文：所存文本只有 \d+ 字/);
    // Search finds the repeated sentence once, in the canonical copy.
    const hits = await json('/api/search?q=' + encodeURIComponent('地区生产总值') + '&region=330600&year=2024&limit=50');
    const reports = new Set(hits.hits.map((x) => x.report_id));
    assert.deepEqual([...reports], [sx.id]);
  });

  test('a national report shows its five-year-plan targets beside the year\'s', async () => {
    await open('#/report/100000/2021');
    await page.waitForSelector('.reader-head h1');
    assert.equal(await page.textContent('.reader-head h1'), '全国 2021 政府工作报告');
    const fyp = await page.textContent('.pinned .fyp');
    assert.match(fyp, /五年规划目标（至2025年，5 项）/);
    assert.match(fyp, /常住人口城镇化率\s*65%/);
    assert.match(fyp, /年均/);
    assert.match(await page.textContent('.pinned details:first-child summary'), /2021年主要预期目标（5 项）/);
  });

  test('a region\'s series shows its five-year-plan target at the horizon beside the yearly ones', async () => {
    await open('#/realised?indicator=urbanization_rate&region=' + encodeURIComponent('全国'));
    await page.waitForSelector('.series .fyp-note');
    assert.match(await page.textContent('.series .fyp-note'), /五年规划目标：至2025年 65%/);
    await page.waitForSelector('.series canvas');
    const names = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('.series .chart')).getOption().series.map((x) => x.name));
    assert.ok(names.includes('五年规划目标'), names.join(','));
  });

  test('report reader: outline, pinned targets, fact card, terms, warnings', async () => {
    const list = await json('/api/reports?q=绍兴&year=2024');
    const id = list.items[0].id;
    await open(`#/report/${id}`);
    assert.match(await page.textContent('.pinned'), /6%左右/);
    assert.match(await page.textContent('.outline'), /2024年工作安排/);
    await page.click('button.q.st-actual:has-text("8150亿元")');
    const card = await page.textContent('#card');
    assert.match(card, /地区生产总值/);
    assert.match(card, /8150/);
    assert.match(card, /亿元/);
    assert.match(card, /实际/);
    assert.match(card, /2023年/);
    assert.match(card, /全年实现地区生产总值8150亿元/);
    await shot('reader');
    assert.equal(await page.title(), '绍兴市 2024 政府工作报告 · gwr');
    assert.doesNotMatch(card, /\b(gdp|gdp_growth|sub_area|report)\b/);
    const def = await page.getAttribute('.term:has-text("智造强基")', 'data-def');
    assert.match(def, /制造业/);
    await page.keyboard.press('Escape');
    // Plain numbers (years, counts) and slogans without a definition read as text until asked.
    const marks = () => page.evaluate(() => ({
      plain: [...document.querySelectorAll('.para .q.st-none')].filter((b) => getComputedStyle(b).pointerEvents === 'none').length,
      others: document.querySelectorAll('.para .q.st-none').length,
      bareUnderlined: [...document.querySelectorAll('.para .term.bare')].filter((t) => getComputedStyle(t).textDecorationLine.includes('underline')).length,
      undefinedTips: [...document.querySelectorAll('.para .term:not(.bare)')].filter((t) => !t.dataset.def).length,
    }));
    let m = await marks();
    assert.ok(m.others > 0, 'the report has quantities without a status');
    assert.equal(m.plain, m.others);
    assert.equal(m.bareUnderlined, 0);
    assert.equal(m.undefinedTips, 0);
    assert.match(await page.textContent('.all-marks-toggle'), new RegExp(`其他数量（${m.others}）`));
    await page.check('input[name=all-marks]');
    m = await marks();
    assert.equal(m.plain, 0, 'the box shows every quantity');
    const big5 = await json('/api/reports?q=永登');
    await open(`#/report/${big5.items[0].id}`);
    // Warnings come closed, in Chinese, one line per kind; the text is not pushed down by them.
    assert.match(await page.textContent('details.warnings summary'), /输入修复与疑点提示（\d+）：/);
    assert.equal(await page.$eval('details.warnings', (d) => d.open), false);
    assert.doesNotMatch(await page.textContent('details.warnings summary'), /[a-z]+_[a-z]+/);
    const textTop = await page.$eval('article.text', (a) => a.getBoundingClientRect().top + window.scrollY);
    assert.ok(textTop < 700, `the text starts ${textTop}px down`);
  });

  test('targets explorer charts a year and downloads CSV', async () => {
    await open('#/targets?indicator=gdp_growth&year=2024');
    await page.waitForSelector('.chart canvas');
    const text = await page.textContent('main');
    assert.match(text, /绍兴市/);
    assert.match(text, /6%左右/);
    assert.equal(await page.title(), '目标 · gwr');
    const options = await page.$$eval('select[name=indicator] option', (os) => os.map((o) => o.textContent));
    assert.ok(options.includes('地区生产总值增长'), options.join(','));
    assert.ok(options.every((o) => !/[a-z_]{3,}/.test(o)), `no ids in the dropdown: ${options.join(',')}`);
    assert.ok(!/gdp_growth/.test(await page.textContent('main')));
    await shot('targets');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.button:has-text("CSV")')]);
    const path = join(tmp, 'targets.csv');
    await download.saveAs(path);
    const csv = readFileSync(path, 'utf8');
    assert.ok(csv.startsWith('\uFEFF地区,行政区划代码,层级'), csv.slice(0, 60));
    assert.match(csv, /绍兴市,330600,地级,浙江省,2024,年度目标,地区生产总值增长,gdp,/);
    assert.equal(download.suggestedFilename(), 'gwr-目标.csv');
    // The same table for Excel: an XLSX workbook (a zip) with a Chinese sheet.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('a.button:has-text("Excel")')]);
    assert.equal(xlsx.suggestedFilename(), 'gwr-目标.xlsx');
    const book = readFileSync(await xlsx.path());
    assert.equal(book.subarray(0, 2).toString(), 'PK');
    assert.ok(!/,cpi,/.test(csv), 'the download holds the chosen indicator only');
  });

  test('target vs realised pairs the next year report', async () => {
    await open('#/realised?indicator=gdp_growth&year=2024');
    await page.waitForSelector('.chart canvas');
    const row = await page.textContent('tr:has-text("绍兴市")');
    assert.match(row, /5\.8%/);
    assert.match(row, /接近目标/);  // around 6% against 5.8%: within the 0.2 band
    await shot('realised');
    // A region's series: target and realised year by year.
    await open('#/realised?indicator=gdp_growth&region=绍兴市');
    await page.waitForSelector('.series .chart canvas, .series canvas');
    assert.match(await page.textContent('.series h2'), /绍兴市/);
  });

  test('amounts kept in base units read as a report writes them; modifiers in Chinese', async () => {
    await open('#/corpus');
    const out = await page.evaluate(async () => {
      const c = await import('/assets/common.js');
      return ['1000000000000元 at_least', '35000000人', '350000000元', '6.5% around', '9000元', 'qualitative', '3.3万人 at_least']
        .map((x) => c.modifierText(x));
    });
    assert.deepEqual(out, ['1万亿元以上', '3500万人', '3.5亿元', '6.5%左右', '9000元', '定性', '3.3万人以上']);
  });

  test('compare shows targets side by side and an attention radar', async () => {
    const a = (await json('/api/reports?q=绍兴&year=2024')).items[0].id;
    const b = (await json('/api/reports?q=宜宾')).items[0].id;
    await open(`#/compare?report=${a},${b}`);
    await page.waitForSelector('.chart.radar canvas');
    const t = await page.textContent('table.compare');
    assert.match(t, /预期目标/);
    assert.match(t, /地区生产总值增长/);
    assert.match(t, /绍兴市/);
    assert.match(t, /宜宾市/);
    assert.match(t, /左右/);
    assert.doesNotMatch(t, /\b(around|at_least|at_most|qualitative|point|range)\b/);
    assert.doesNotMatch(t, /[a-z]+_[a-z_]+/, 'no indicator ids in the compare table');
    assert.equal(await page.title(), '对比 · gwr');
    // …and their targets passages as the reports word them, side by side.
    const sides = await page.$$eval('.compare-text .side', (ds) => ds.map((d) => d.textContent));
    assert.equal(sides.length, 2);
    assert.ok(sides.every((t) => /预期目标|生产总值/.test(t)), sides.join(' | '));
    await shot('compare');
    const [cdl] = await Promise.all([page.waitForEvent('download'), page.click('main button.csv')]);
    assert.match(cdl.suggestedFilename(), /^对比_.+\.csv$/);
    const ccsv = readFileSync(await cdl.path(), 'utf8').slice(1).split('\r\n');
    assert.match(ccsv[0], /^项目,/);
    assert.ok(ccsv.length > 5, 'the compare table downloads row by row');
  });

  test('commitments show each item with its account in the next report', async () => {
    const a = (await json('/api/reports?q=绍兴&year=2024')).items[0].id;
    await open(`#/commitments?report=${a}`);
    const t = await page.textContent('main');
    assert.match(t, /已完成/);
    assert.match(t, /推进中/);
    assert.match(t, /未提及/);
    assert.match(t, /新建和改扩建中小学12所全部建成投用/);
    await shot('commitments');
    const [mdl] = await Promise.all([page.waitForEvent('download'), page.click('main button.csv')]);
    const mcsv = readFileSync(await mdl.path(), 'utf8').slice(1).split('\r\n');
    assert.equal(mcsv[0], '序号,事项,落实情况,依据（次年报告原文）,关键词吻合');
    assert.ok(mcsv.some((l) => l.includes('已完成')), mcsv.slice(0, 4).join(' | '));
  });

  test('phone width: the reader stacks and stays readable', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const id = (await json('/api/reports?q=绍兴&year=2024')).items[0].id;
    await open(`#/report/${id}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 400, `no horizontal scrolling at phone width (scrollWidth ${width})`);
    await shot('reader-phone');
    await open('#/corpus');
    await page.waitForSelector('.chart.map canvas');
    await shot('corpus-phone');
    await open('#/terms');
    await page.waitForSelector('.attention-table');
    const termsWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(termsWidth <= 400, `terms page: no horizontal scrolling at phone width (scrollWidth ${termsWidth})`);
    // Every page fits the phone's width (wide tables scroll inside their own box), and every menu
    // entry can be reached.
    for (const [hash, sel] of [['#/targets?indicator=gdp_growth&year=2024', 'main table'], ['#/realised?indicator=gdp_growth&year=2024', 'main table'],
      ['#/commitments', 'main .page'], ['#/search?q=' + encodeURIComponent('发展'), '.hit'], ['#/compare', 'main .page']]) {
      await open(hash);
      await page.waitForSelector(sel);
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(w <= 400, `${hash}: no horizontal scrolling at phone width (scrollWidth ${w})`);
    }
    await shot('targets-phone');
    // Every menu entry is on screen without scrolling, and is what a tap there reaches.
    const menu = await page.$$eval('#nav a', (as) => as.map((a) => {
      const r = a.getBoundingClientRect();
      return { text: a.textContent, x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2, right: r.right };
    }));
    for (const m of menu) {
      assert.ok(m.right <= 390, `menu entry ${m.text} ends at ${m.right}px, past the screen`);
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('#nav a')?.textContent ?? null, [m.x, m.y]);
      assert.equal(hit, m.text, `menu entry ${m.text} can be reached at phone width`);
    }
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  test('every view at 1440 and 390 px: a screenshot, no horizontal scroll, none of gwr\'s own ids in the text', async () => {
    // gwr's own ids, codes, modifiers and statuses (data/labels_zh.tsv): the page shows their labels.
    const ids = new Set();
    for (const line of readFileSync(join(root, 'data/labels_zh.tsv'), 'utf8').split('\n')) {
      const [kind, id] = line.split('\t');
      if (!line || line.startsWith('#') || ['column', 'column_values', 'table', 'flag'].includes(kind)) continue;
      if (/^[a-z][a-z0-9_]+$/.test(id)) ids.add(id);
    }
    const idPattern = new RegExp(`(?<![A-Za-z0-9_./-])(${[...ids].join('|')})(?![A-Za-z0-9_./-])`, 'g');
    const views = [
      ['corpus', '#/corpus'], ['report', '#/report/330600/2024'], ['report-national', '#/report/100000/2021'],
      ['targets', '#/targets?indicator=gdp_growth&year=2024'], ['realised', '#/realised?indicator=gdp_growth&year=2024'],
      ['realised-series', '#/realised?indicator=gdp_growth&region=' + encodeURIComponent('绍兴市')],
      ['search', '#/search?q=' + encodeURIComponent('生产总值')], ['compare', '#/compare'],
      ['commitments', '#/commitments'], ['terms', '#/terms'],
    ];
    for (const [width, suffix] of [[1440, ''], [390, '-390']]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, hash] of views) {
        await open(hash);
        await page.waitForSelector('body[data-ready]');
        assert.notEqual(await page.evaluate(() => document.body.dataset.ready), 'error', `${hash} shows an error`);
        await page.waitForTimeout(300);  // charts draw after the data
        await page.screenshot({ path: join(artifacts, `view-${name}${suffix}.png`), fullPage: false });
        const text = await page.evaluate(() => document.querySelector('main').innerText);
        const found = [...new Set([...text.matchAll(idPattern)].map((m) => m[1]))];
        assert.deepEqual(found, [], `${hash} at ${width}px shows gwr ids: ${found.join(', ')}`);
        if (width === 390) {
          const w = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(w <= 400, `${hash}: no horizontal scrolling at 390 px (scrollWidth ${w})`);
        }
      }
    }
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  test('accessibility: a skip link to the view, charts with text alternatives and PNG export, AA contrast (axe-core)', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await open('#/corpus');
    await page.reload();  // a fresh document: focus starts at its top
    await page.waitForSelector('body[data-ready]');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), '跳到正文');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.equal(await page.evaluate(() => location.hash), '#/corpus');
    // Every chart says what it shows and saves as an image.
    await page.waitForSelector('.chart.map canvas');
    assert.match(await page.getAttribute('.chart.map', 'aria-label'), /各省目标地图 地区生产总值增长 2024年/);
    assert.equal(await page.getAttribute('.chart.map', 'role'), 'img');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('.chart-png')]);
    assert.match(png.suggestedFilename(), /^各省目标地图.*\.png$/);
    assert.equal(readFileSync(await png.path()).subarray(1, 4).toString(), 'PNG');
    // Colour contrast of the text of every view (WCAG AA), by axe-core.
    const axe = readFileSync(join(root, 'web/node_modules/axe-core/axe.min.js'), 'utf8');
    for (const hash of ['#/corpus', '#/report/330600/2024', '#/targets?indicator=gdp_growth&year=2024',
      '#/realised?indicator=gdp_growth&year=2024', '#/search?q=' + encodeURIComponent('生产总值'), '#/compare',
      '#/commitments', '#/terms']) {
      await open(hash);
      await page.waitForSelector('body[data-ready]');
      await page.evaluate(axe);
      const bad = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: ['color-contrast', 'image-alt', 'label', 'button-name', 'link-name'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      assert.deepEqual(bad, [], `${hash}: ${bad.join('; ')}`);
    }
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  test('unknown report shows an error, not a blank page', async () => {
    await page.goto(`${base}/#/report/999999`);
    await page.waitForSelector('.error');
    assert.match(await page.textContent('.error'), /语料库中没有编号为 999999 的报告/);
    await page.goto(`${base}/#/nosuchpage`);
    await page.waitForFunction(() => document.title === '页面不存在 · gwr');
    assert.match(await page.textContent('.error'), /没有这个页面/);
  });
});
