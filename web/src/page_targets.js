// 目标 and 目标与实绩: indicator + year → bar chart across regions, table, CSV/XLSX download.
import {
  api, charts, chartBox, downloadUrl, go, h, hashWith, label, LEVEL, indicatorName, OUTCOME, reportHref, STATUS, fmtNum,
  fmtTarget,
  onMounted, select, table, track, esc,
} from './common.js';

async function controls(view, page, params) {
  const ind = await api('indicators');
  const plan = ind.targets.filter((t) => t.kind === 'plan_year');
  const canon = [...new Set(plan.map((t) => t.canonical))];
  const indicator = params.indicator || (canon.includes('gdp_growth') ? 'gdp_growth' : canon[0]);
  const years = [...new Set(plan.filter((t) => t.canonical === indicator).map((t) => t.year))].sort((a, b) => b - a);
  const year = params.year && years.includes(Number(params.year)) ? params.year : years[0];
  const set = (k, v) => go(hashWith(page, { ...params, [k]: v, ...(k === 'indicator' ? { year: undefined } : {}) }));
  const filter = { indicator, year, level: params.level, kind: 'plan_year' };
  view.append(h('div', { class: 'filters panel' },
    select('indicator', canon.map((c) => [c, indicatorName(c)]), indicator, (v) => set('indicator', v), '指标'),
    select('year', years.map((y) => [y, `${y}年`]), year, (v) => set('year', v), '年份'),
    select('level', [['', '全部层级'], ...Object.entries(LEVEL)], params.level, (v) => set('level', v), '层级'),
    h('span', { class: 'downloads' }, '下载：',
      h('a', { class: 'button', href: downloadUrl({ table: page === 'realised' ? 'realised' : 'targets', format: 'csv', ...filter }), download: '' }, 'CSV'),
      h('a', { class: 'button', href: downloadUrl({ table: page === 'realised' ? 'realised' : 'targets', format: 'xlsx', ...filter }), download: '' }, 'Excel'))));
  return { filter, indicator, year };
}

export async function renderTargets(view, params) {
  view.append(h('h1', {}, '目标'), h('p', { class: 'muted' }, '各地政府工作报告提出的年度预期目标，按指标和年份横向比较。'));
  const { filter, indicator, year } = await controls(view, 'targets', params);
  const data = indicator ? await api('targets', filter) : { rows: [] };
  const rows = [...data.rows].sort((a, b) => (b.value ?? -1e9) - (a.value ?? -1e9));
  const box = chartBox('chart', `${indicatorName(indicator)} ${year ?? ''}年目标`);
  view.append(h('section', { class: 'panel' }, h('h2', {}, `${indicatorName(indicator)} · ${year ?? ''}年目标（${rows.length} 个地区）`), box));
  view.append(table([
    { title: '地区', render: (r) => h('a', { href: reportHref(r) }, r.region) },
    { title: '层级', render: (r) => label(LEVEL, r.level) },
    { title: '省份', render: (r) => r.province ?? '—' },
    { title: '目标', render: (r) => h('b', {}, fmtTarget(r)) },
    { title: '原文', render: (r) => h('span', { class: 'verbatim-inline' }, r.verbatim) },
  ], rows, { empty: '没有目标数据' }));
  onMounted(view, async () => {
    const echarts = await charts();
    const numeric = rows.filter((r) => r.value !== null);
    const chart = track(echarts.init(box));
    chart.setOption({
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', formatter: (ps) => ps.map((p) => `${esc(p.name)}：${esc(fmtTarget(numeric[p.dataIndex]))}`).join('<br>') },
      xAxis: { type: 'category', data: numeric.map((r) => r.region), axisLabel: { interval: 0, rotate: numeric.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', name: numeric[0]?.unit ?? '' },
      series: [{
        type: 'bar', data: numeric.map((r) => ({ value: r.value, itemStyle: { color: r.aspiration ? '#9333ea' : '#2563eb' } })),
        label: { show: true, position: 'top', formatter: (p) => fmtNum(p.value) },
      }],
    });
  });
}

export async function renderRealised(view, params) {
  view.append(h('h1', {}, '目标与实绩'),
    h('p', { class: 'muted' }, '每个年度目标与同一地区下一年报告所述当年实际完成情况对照：实绩不低于目标（上限类指标不高于目标）为完成；“左右”目标差距在0.2个百分点以内为接近目标；报告中的预计数、初步核算数也算实绩。'));
  const { filter, indicator, year } = await controls(view, 'realised', params);
  if (params.region) {
    // One region's series: target and realised year by year.
    const [series, fyp] = await Promise.all([
      api('realised', { indicator, region: params.region, kind: 'plan_year' }).then((d) => d.rows.sort((a, b) => a.year - b.year)),
      // The region's five-year-plan targets of this indicator, at their horizon years.
      api('targets', { indicator, region: params.region, kind: 'five_year' }).then((d) => d.rows.filter((r) => r.value !== null)),
    ]);
    const years = [...new Set([...series.map((r) => r.year), ...fyp.map((r) => r.year)])].sort((a, b) => a - b);
    const at = (rows, key) => years.map((y) => rows.find((r) => r.year === y)?.[key] ?? null);
    const line = chartBox('chart', `${params.region} ${indicatorName(indicator)} 历年目标与实绩`);
    view.append(h('section', { class: 'panel series' },
      h('h2', {}, `${params.region} · ${indicatorName(indicator)}：历年目标与实绩`), line,
      fyp.length ? h('p', { class: 'muted small fyp-note' }, '五年规划目标：',
        fyp.map((r) => `至${r.year}年 ${fmtNum(r.value)}${r.unit ?? ''}${r.basis === 'annual_average' ? '（年均）' : ''}`).join('；')) : null));
    onMounted(view, async () => {
      const echarts = await charts();
      track(echarts.init(line)).setOption({
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
        yAxis: { type: 'value', name: series[0]?.unit ?? fyp[0]?.unit ?? '' },
        series: [
          { name: '年度目标', type: 'line', connectNulls: true, data: at(series, 'value') },
          { name: '实绩', type: 'line', connectNulls: true, data: at(series, 'realised') },
          ...(fyp.length ? [{ name: '五年规划目标', type: 'scatter', symbol: 'diamond', symbolSize: 12, data: at(fyp, 'value') }] : []),
        ],
      });
    });
  }
  const data = indicator ? await api('realised', filter) : { rows: [] };
  const rows = data.rows;
  const counts = { met: 0, near: 0, missed: 0, unknown: 0 };
  rows.forEach((r) => { counts[r.outcome] = (counts[r.outcome] || 0) + 1; });
  const box = chartBox('chart', `${indicatorName(indicator)} ${year ?? ''}年目标与实绩`);
  view.append(h('section', { class: 'panel' },
    h('h2', {}, `${indicatorName(indicator)} · ${year ?? ''}年`),
    h('p', {}, Object.entries(counts).map(([k, n]) => h('span', { class: `badge out-${k}` }, `${OUTCOME[k]} ${n}`))),
    box));
  view.append(table([
    { title: '地区', render: (r) => h('span', {}, h('a', { href: `#/report/${r.report_id}` }, r.region), ' ',
      h('a', { class: 'small', href: hashWith('realised', { indicator, region: r.region }), title: '历年目标与实绩' }, '历年')) },
    { title: '目标', render: (r) => fmtTarget(r) },
    { title: '实绩', render: (r) => (r.realised === null ? '—' : h('span', {}, `${fmtNum(r.realised)}${r.unit ?? ''}`, r.realised_status === 'estimate' ? h('small', {}, '（预计）') : null)) },
    { title: '差距', num: true, render: (r) => (r.gap === null ? '—' : (r.gap > 0 ? '+' : '') + fmtNum(r.gap)) },
    { title: '结果', render: (r) => h('span', { class: `badge out-${r.outcome}` }, OUTCOME[r.outcome] ?? r.outcome) },
    { title: '实绩出处', render: (r) => (r.realised_report_id ? h('a', { href: `#/report/${r.realised_report_id}` }, r.realised_verbatim) : '语料中没有下一年报告或对应数据') },
  ], rows, { empty: '没有目标数据' }));
  onMounted(view, async () => {
    const echarts = await charts();
    const chart = track(echarts.init(box));
    chart.setOption({
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => r.region), axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', name: rows[0]?.unit ?? '' },
      series: [
        { name: '目标', type: 'bar', data: rows.map((r) => r.value), itemStyle: { color: '#93c5fd' } },
        { name: `实绩（${label(STATUS, 'actual')}/${label(STATUS, 'estimate')}）`, type: 'bar', data: rows.map((r) => r.realised), itemStyle: { color: '#16a34a' } },
      ],
    });
  });
}
