// 词频与关注度 (#/terms): how the reports' attention moves over the years — theme attention by
// plan year (line chart, per level), the most frequent words of a year, and the words that rose
// and fell most between the first and last year, or (trend_year=) a year and the one before it. Every table downloads as CSV; every word links
// to the full-text search.
import {
  api, charts, chartBox, downloadButtons, h, hashWith, label, LEVEL, onMounted, select, table, THEME, track,
} from './common.js';

const fmt1 = (v) => (v === null || v === undefined ? '—' : (Math.round(v * 10) / 10).toFixed(1));
const DIRECTION = { rise: '上升', fall: '下降' };

// Pooled attention per theme and plan year: hits per 10,000 characters over the reports of that
// year (not the mean of the reports' rates, so a short report does not weigh as much as a long one).
export function attentionByYear(rows, level) {
  const acc = new Map();  // theme → year → {hits, chars}
  for (const r of rows) {
    if (r.plan_year === null || (level && r.level !== level)) continue;
    const byYear = acc.get(r.theme) ?? new Map();
    acc.set(r.theme, byYear);
    const a = byYear.get(r.plan_year) ?? { hits: 0, chars: 0 };
    a.hits += r.hits;
    a.chars += r.chars;
    byYear.set(r.plan_year, a);
  }
  const years = [...new Set([...acc.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const series = [...acc.entries()].map(([theme, m]) => ({
    theme,
    values: years.map((y) => (m.has(y) && m.get(y).chars > 0 ? (m.get(y).hits * 10000) / m.get(y).chars : null)),
  }));
  return { years, series };
}


const termLink = (t) => h('a', { href: hashWith('search', { q: t }) }, t);

export async function render(view, params) {
  const level = params.level && LEVEL[params.level] ? params.level : '';
  const trendYear = /^\d{4}$/.test(params.trend_year ?? '') ? Number(params.trend_year) : undefined;
  const [att, top, trends] = await Promise.all([
    api('attention', { by: 'report' }),
    api('terms', { by: 'year', mode: 'top', n: 30 }),
    api('terms', { by: 'year', mode: 'trends', n: 20, year: trendYear }),
  ]);
  view.append(h('h1', {}, '词频与关注度'));

  // Theme attention over the years.
  const { years, series } = attentionByYear(att.rows, level);
  const line = chartBox('chart attention-trend', '主题关注度（按年份）');
  view.append(h('section', { class: 'block' },
    h('div', { class: 'result-head' }, h('h2', {}, '主题关注度（每万字命中次数，按年份）'),
      h('span', { class: 'controls' },
        select('level', [['', '全部层级'], ...Object.entries(LEVEL)], level,
          (v) => { location.hash = hashWith('terms', { ...params, level: v || undefined }); }, '层级'),
        downloadButtons('主题关注度', ['主题', ...years.map((y) => `${y}年`)],
          () => series.map((s) => [label(THEME, s.theme), ...s.values.map(fmt1)])))),
    years.length ? line : h('p', { class: 'muted' }, '没有可按年份统计的报告'),
    table([{ title: '主题', render: (s) => label(THEME, s.theme) },
      ...years.map((y, i) => ({ title: `${y}年`, num: true, render: (s) => fmt1(s.values[i]) }))],
    series, { class: 'grid attention-table' })));

  // Most frequent words of a year.
  const topYears = [...new Set(top.rows.map((r) => r.plan_year))].filter((y) => y !== null).sort((a, b) => b - a);
  const year = topYears.includes(Number(params.year)) ? Number(params.year) : topYears[0];
  const yearRows = top.rows.filter((r) => r.plan_year === year);
  view.append(h('section', { class: 'block' },
    h('div', { class: 'result-head' }, h('h2', {}, `高频词（${year ?? '—'}年）`),
      h('span', { class: 'controls' },
        select('year', topYears.map((y) => [y, `${y}年`]), year,
          (v) => { location.hash = hashWith('terms', { ...params, year: v }); }, '年份'),
        downloadButtons(`高频词_${year}年`, ['排名', '词', '次数', '每万字'],
          () => yearRows.map((r) => [r.rank, r.term, r.count, fmt1(r.per_10k)])))),
    table([{ title: '排名', num: true, key: 'rank' }, { title: '词', render: (r) => termLink(r.term) },
      { title: '次数', num: true, key: 'count' }, { title: '每万字', num: true, render: (r) => fmt1(r.per_10k) }],
    yearRows, { class: 'grid top-terms', empty: '没有数据' })));

  // Largest rises and falls: between the first and the last year, or a year and the one before.
  const tr = trends.rows;
  const allYears = [...topYears].sort((a, b) => a - b);
  const span = allYears.length > 1 ? `${allYears[0]}–${allYears[allYears.length - 1]}年` : '';
  const trendOptions = [['', `首末年比较（${span}）`],
    ...allYears.slice(1).reverse().map((y) => [y, `${y}年较上一年`])];
  view.append(h('section', { class: 'block' },
    h('div', { class: 'result-head' }, h('h2', {}, trendYear ? `升降最多的词（${trendYear}年较上一年）` : '升降最多的词'),
      allYears.length > 1 ? select('trend_year', trendOptions, trendYear ?? '',
        (v) => { location.hash = hashWith('terms', { ...params, trend_year: v || undefined }); }, '比较') : null,
      downloadButtons(trendYear ? `词频升降_${trendYear}年` : '词频升降', ['词', '方向', '起始年', '起始每万字', '末年', '末年每万字', '变化'],
        () => tr.map((r) => [r.term, label(DIRECTION, r.direction), r.first_year, fmt1(r.first_per_10k),
          r.last_year, fmt1(r.last_per_10k), fmt1(r.change)]))),
    tr.length
      ? table([{ title: '词', render: (r) => termLink(r.term) },
        { title: '方向', render: (r) => h('span', { class: `badge ${r.direction}` }, label(DIRECTION, r.direction)) },
        { title: '起始', render: (r) => `${r.first_year}年 ${fmt1(r.first_per_10k)}` },
        { title: '末年', render: (r) => `${r.last_year}年 ${fmt1(r.last_per_10k)}` },
        { title: '变化（每万字）', num: true, render: (r) => (r.change > 0 ? '+' : '') + fmt1(r.change) }],
      tr, { class: 'grid term-trends' })
      : h('p', { class: 'muted' }, trendYear ? `语料库中没有${trendYear}年之前的年份，无法比较` : '语料库只有一个年份，无法比较升降')));

  if (years.length) {
    onMounted(view, async () => {
      const echarts = await charts();
      track(echarts.init(line)).setOption({
        animation: false,
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', valueFormatter: fmt1 },
        xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
        yAxis: { type: 'value', name: '每万字' },
        series: series.map((s) => ({ type: 'line', name: label(THEME, s.theme), data: s.values, connectNulls: true })),
      });
    });
  }
}
