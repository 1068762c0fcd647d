// 全文检索: query box, ranked snippets with highlights, facets, paging, hits by year, CSV export,
// click-through to the paragraph.
import {
  api, charts, chartBox, csvText, downloadButtons, esc, go, h, hashWith, label, LEVEL, onMounted, reportHref, saveFile, saveXlsx,
  SECTION, select, table, track,
} from './common.js';
import { loadMap, pager, paintMap, shortProvince } from './page_corpus.js';

const FACETS = [
  ['level', '层级', (v) => label(LEVEL, v)],
  ['province', '省份', (v) => v],
  ['year', '年份', (v) => `${v}年`],
  ['section', '章节', (v) => label(SECTION, v)],
];
const PAGE = 50;       // hits per page (the hash may ask for 10–100 with n=)
const API_MAX = 100;   // /api/search's largest limit (server/api.h kMaxSearchHits)

// The hits of `filter` for the CSV file: every page the server ranks (it ranks at most 1,000).
async function allHits(filter, total) {
  const rows = [];
  for (let offset = 0; offset < total; offset += API_MAX) {
    const res = await api('search', { ...filter, limit: API_MAX, offset });
    rows.push(...res.hits);
    if (res.hits.length < API_MAX) break;
  }
  return rows;
}

// One row per paragraph hit, in rank order, Chinese headers.
const HIT_HEADER = ['排名', '地区', '省份', '层级', '年份', '章节', '段落序号', '报告编号', '片段'];
const hitRows = (hits) => hits.map((x, i) => [i + 1, x.region, x.province, label(LEVEL, x.level), x.plan_year,
  x.section_title || label(SECTION, x.section_type), x.paragraph, x.report_id,
  x.snippet.map((s) => s.text).join('')]);
export function hitsCsv(hits) {
  return csvText(HIT_HEADER, hitRows(hits));
}

async function download(filter, total, button, format) {
  button.disabled = true;
  const was = button.textContent;
  button.textContent = '正在准备…';
  try {
    const hits = await allHits(filter, total);
    if (format === 'xlsx') await saveXlsx(`检索_${filter.q}.xlsx`, HIT_HEADER, hitRows(hits), '检索结果');
    else saveFile(`检索_${filter.q}.csv`, hitsCsv(hits));
  } finally {
    button.disabled = false;
    button.textContent = was;
  }
}

export async function render(view, params) {
  const input = h('input', { type: 'search', name: 'q', value: params.q || '', placeholder: '输入关键词，如 民生实事、“高质量发展”', autofocus: true, maxlength: 200 });
  view.append(h('h1', {}, '全文检索'),
    h('form', { class: 'searchbar', role: 'search', onsubmit: (e) => { e.preventDefault(); go(hashWith('search', { q: input.value.trim() })); } },
      input, h('button', { type: 'submit' }, '检索')),
    h('p', { class: 'muted small' }, '多个词之间为“且”；支持 "带引号的短语"、OR、NOT。检索时繁简通用。'));
  if (!params.q) return;
  const n = Math.min(API_MAX, Math.max(10, Number.parseInt(params.n, 10) || PAGE));
  const offset = Math.max(0, Number.parseInt(params.offset, 10) || 0);
  const filter = { q: params.q, level: params.level, province: params.province, year: params.year, section: params.section };
  const res = await api('search', { ...filter, limit: n, offset });
  const facets = h('aside', { class: 'facets' }, FACETS.map(([key, title, fmt]) => {
    const items = res.facets[key].filter((f) => f.value !== null);
    if (!items.length) return null;
    return h('div', { class: 'facet' }, h('h3', {}, title), h('ul', {}, items.map((f) => {
      const active = String(params[key] ?? '') === String(f.value);
      return h('li', {}, h('a', {
        href: hashWith('search', { ...params, offset: undefined, [key]: active ? undefined : f.value }), class: active ? 'active' : null,
      }, `${fmt(f.value)}`, h('span', { class: 'count' }, f.count)));
    })));
  }));
  const list = h('ol', { class: 'hits', start: offset + 1 }, res.hits.map((hit) => h('li', { class: 'hit' },
    h('a', { class: 'hit-link', href: `#/report/${hit.report_id}?p=${hit.paragraph}` },
      h('span', { class: 'hit-title' }, `${hit.region ?? '（未识别地区）'} ${hit.plan_year ?? ''}年`),
      h('span', { class: 'muted small' }, ` · ${label(LEVEL, hit.level)} · ${hit.section_title || label(SECTION, hit.section_type)}`)),
    h('p', { class: 'snippet' }, hit.snippet.map((s) => (s.hit ? h('mark', {}, s.text) : s.text))))));
  if (!res.total) {
    view.append(h('p', { class: 'result-count' }, `没有找到“${params.q}”`));
    return;
  }
  const shown = `第 ${offset + 1}–${Math.min(res.total, offset + res.hits.length)} 个`;
  const hitCount = `${res.total}${res.capped ? '+' : ''} 条`;
  const csv = h('span', { class: 'downloads' },
    h('button', { type: 'button', class: 'button csv', onclick: (e) => download(filter, res.total, e.currentTarget, 'csv') }, `下载 CSV（${hitCount}）`),
    h('button', { type: 'button', class: 'button xlsx', onclick: (e) => download(filter, res.total, e.currentTarget, 'xlsx') }, `下载 Excel（${hitCount}）`));
  const years = res.facets.year.filter((f) => f.value !== null).sort((a, b) => Number(a.value) - Number(b.value));
  const yearBox = years.length > 1 ? chartBox('chart small hits-by-year', `检索“${params.q}”命中段落数（按年份）`) : null;
  view.append(h('div', { class: 'result-head' },
    h('p', { class: 'result-count' }, `找到 ${res.total}${res.capped ? '+' : ''} 个段落，显示${shown}`), csv),
  yearBox ? h('figure', { class: 'hits-chart' }, h('figcaption', { class: 'muted small' }, '命中段落数，按年份'), yearBox) : null,
  h('div', { class: 'search-layout' }, facets,
    h('div', {}, list, pager({ total: res.total, offset, limit: n }, (o) => go(hashWith('search', { ...params, offset: o || undefined }))))));
  view.append(rankings(params.q, res));
  view.append(termMap(view, params));
  // The share of each level's reports of a year that mention the query (of the ranked hits).
  const summary = await api('summary');
  const shares = shareByYearLevel(res.by_year_level ?? [], summary.by_year_level ?? []);
  const shareBox = shares.years.length > 1 ? chartBox('chart small share-by-year-level', `提及“${params.q}”的报告占比（按年份和层级）`) : null;
  if (shareBox) {
    view.append(h('section', { class: 'panel share' }, h('h2', {}, '提及该词的报告占比（按年份和层级）'), shareBox,
      h('p', { class: 'muted small' }, '某年某层级中，至少有一段命中的报告数 ÷ 该年该层级的报告数（每份报告只计规范版本）。')));
    onMounted(view, async () => {
      const echarts = await charts();
      track(echarts.init(shareBox)).setOption({
        animation: false, legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? '—' : `${v}%`) },
        xAxis: { type: 'category', data: shares.years.map((y) => `${y}年`) },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: shares.series.map((x) => ({ name: label(LEVEL, x.level), type: 'line', connectNulls: true, data: x.values })),
      });
    });
  }
  if (yearBox) {
    onMounted(view, async () => {
      const echarts = await charts();
      track(echarts.init(yearBox)).setOption({
        animation: false,
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: years.map((f) => `${f.value}年`) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: '段落', data: years.map((f) => f.count), barMaxWidth: 48, itemStyle: { color: '#b5392f' } }],
      });
    });
  }
}

// Which regions and which reports mention the query most (of the ranked hits), each table with
// its CSV.
function rankings(q, res) {
  const regions = res.ranking?.regions ?? [];
  const reports = res.ranking?.reports ?? [];
  if (regions.length < 2 && reports.length < 2) return null;
  const years = (r) => r.years.map((y) => `${y}`).join('、') || '—';
  const regionCsv = downloadButtons(`检索_${q}_地区排行`, ['排名', '地区', '层级', '省份', '段落数', '报告数', '年份'],
    () => regions.map((r, i) => [i + 1, r.region, label(LEVEL, r.level), r.province, r.paragraphs, r.reports, years(r)]));
  const reportCsv = downloadButtons(`检索_${q}_报告排行`, ['排名', '地区', '年份', '层级', '段落数', '报告编号'],
    () => reports.map((r, i) => [i + 1, r.region, r.plan_year, label(LEVEL, r.level), r.paragraphs, r.report_id]));
  return h('section', { class: 'panel rankings' },
    h('div', { class: 'block region-ranking' },
      h('div', { class: 'panel-head' }, h('h2', {}, '提及最多的地区'), regionCsv),
      table([
        { title: '地区', render: (r) => r.region ?? '（未识别）' },
        { title: '层级', render: (r) => label(LEVEL, r.level) },
        { title: '段落数', num: true, render: (r) => r.paragraphs },
        { title: '报告数', num: true, render: (r) => r.reports },
        { title: '年份', render: years },
      ], regions.slice(0, 20))),
    h('div', { class: 'block report-ranking' },
      h('div', { class: 'panel-head' }, h('h2', {}, '提及最多的报告'), reportCsv),
      table([
        { title: '报告', render: (r) => h('a', { href: `${reportHref(r)}?p=${r.paragraph}` }, `${r.region ?? '（未识别）'} ${r.plan_year ?? ''}年`) },
        { title: '层级', render: (r) => label(LEVEL, r.level) },
        { title: '段落数', num: true, render: (r) => r.paragraphs },
      ], reports.slice(0, 20))));
}

// Per level, the share (%) of that year's reports of the level with a hit; null where the corpus
// has no report of that year and level.
export function shareByYearLevel(hits, totals) {
  const years = [...new Set(totals.map((t) => t.year).filter((y) => y !== null))].sort((a, b) => a - b);
  const levels = [...new Set(hits.map((x) => x.level))];
  const total = (y, l) => totals.find((t) => t.year === y && t.level === l)?.count ?? 0;
  const series = levels.map((level) => ({
    level,
    values: years.map((y) => {
      const n = total(y, level);
      const k = hits.find((x) => x.year === y && x.level === level)?.reports ?? 0;
      return n ? Math.round((k * 1000) / n) / 10 : null;
    }),
  }));
  return { years, series };
}

const MUNICIPALITY = /^(北京|天津|上海|重庆)/;
const pct = (k, n) => (n ? Math.round((k * 1000) / n) / 10 : null);

// The share (%) of each area's reports that mention the query. Without a province: one value per
// province over its reports of `level` (every level but the national when level is empty; a
// province's own report counts under it). With one: its prefecture-level cities (a
// municipality's districts and counties), each over its own reports only.
export function regionShares(rows, level, province) {
  const by = new Map();
  for (const r of rows) {
    let key;
    if (province) {
      const own = MUNICIPALITY.test(province) ? 'county' : 'prefecture';
      if (r.province !== province || r.level !== own || !r.region) continue;
      key = r.region;
    } else {
      if (r.level === 'national' || (level && r.level !== level)) continue;
      const p = r.level === 'province' ? r.region : r.province;
      if (!p) continue;
      key = shortProvince(p);
    }
    const e = by.get(key) ?? { name: key, province: province || (r.level === 'province' ? r.region : r.province), reports: 0, mentioning: 0 };
    e.reports += r.reports;
    e.mentioning += r.mentioning;
    by.set(key, e);
  }
  return [...by.values()].map((e) => ({ ...e, value: pct(e.mentioning, e.reports) }))
    .sort((a, b) => b.value - a.value || b.reports - a.reports || a.name.localeCompare(b.name, 'zh'));
}

// 提及该词的地区分布: a map of the share of reports mentioning the query, by province (level
// chosen) or, after a click on a province, by its cities; a table of the same figures with its CSV.
function termMap(view, params) {
  const level = params.map_level && LEVEL[params.map_level] && params.map_level !== 'national' ? params.map_level : '';
  const province = params.map_province || '';
  const set = (k, v) => go(hashWith('search', { ...params, [k]: v || undefined }));
  const title = province ? `${province} · 各${MUNICIPALITY.test(province) ? '区县' : '地级市'}提及“${params.q}”的报告占比`
    : `各省提及“${params.q}”的报告占比`;
  const box = chartBox('chart map term-map', title);
  const note = h('p', { class: 'muted small' });
  const tableBox = h('div', { class: 'term-map-table' });
  const levels = [['', '全部层级'], ...['province', 'prefecture', 'county'].map((l) => [l, label(LEVEL, l)])];
  const panel = h('section', { class: 'panel term-map-panel' },
    h('div', { class: 'panel-head' }, h('h2', {}, province ? `${province}：提及该词的报告占比` : '提及该词的地区分布'),
      province ? h('button', { type: 'button', class: 'button map-back', onclick: () => set('map_province', '') }, '返回全国') : null,
      province ? null : h('div', { class: 'controls' }, select('map_level', levels, level, (v) => set('map_level', v), '报告层级'))),
    box, note, tableBox);
  onMounted(view, async () => {
    const res = await api('search/regions', { q: params.q, year: params.year });
    const data = regionShares(res.regions, level, province);
    box.dataset.areas = String(data.length);
    const unit = province ? (MUNICIPALITY.test(province) ? '区县' : '地级市') : '省份';
    tableBox.append(h('div', { class: 'panel-head' }, h('h3', {}, `各${unit}的报告占比`),
      downloadButtons(`检索_${params.q}_地区占比`, [unit, '报告数', '提及的报告数', '占比（%）'],
        () => data.map((d) => [province ? d.name : d.province, d.reports, d.mentioning, d.value]))),
    table([
      { title: unit, render: (d) => (province ? d.name : d.province) },
      { title: '报告数', num: true, render: (d) => d.reports },
      { title: '提及的报告数', num: true, render: (d) => d.mentioning },
      { title: '占比', num: true, render: (d) => `${d.value}%` },
    ], data.slice(0, 40)));
    const who = level ? label(LEVEL, level) : '各层级';
    note.textContent = province
      ? `每个${unit}：其本级报告中至少有一段提及“${params.q}”的报告所占比例${params.year ? `（${params.year}年）` : '（所有年份）'}；白色为语料中无该级报告。`
      : `每个省份：省内${who}报告（省级报告计入本省）中至少有一段提及“${params.q}”的比例${params.year ? `（${params.year}年）` : '（所有年份）'}；白色为语料中无数据。点击省份查看其地级市。`;
    const echarts = await charts();
    const mapName = await loadMap(echarts, province || undefined);
    if (!mapName) {
      note.textContent = `没有${province}的地图。`;
      return;
    }
    paintMap(echarts, box, mapName, data,
      (d) => `${esc(d.name)}：<b>${d.value}%</b><br><span style="font-size:12px">${d.mentioning} / ${d.reports} 份报告提及</span>`,
      (p) => { if (!province && p.data?.province) set('map_province', p.data.province); }, [0, 100]);
  });
  return panel;
}
