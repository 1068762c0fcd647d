// 语料库: counts, a filterable report table, and a China map coloured by a target.
import {
  api, charts, chartBox, downloadUrl, h, hashWith, go, label, LEVEL, indicatorName, fmtNum, onMounted, reportHref, select, table,
  track, esc,
} from './common.js';

const PAGE = 50;

// "浙江省" → "浙江" (the GeoJSON's names), "内蒙古自治区" → "内蒙古", "广西壮族自治区" → "广西".
export function shortProvince(p) {
  if (!p) return p;
  return p.replace(/(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
}

export async function render(view, params) {
  const offset = Number(params.offset || 0);
  const [summary, list, indicators] = await Promise.all([
    api('summary'),
    api('reports', { level: params.level, province: params.province, year: params.year, q: params.q, limit: PAGE, offset }),
    api('indicators'),
  ]);
  const set = (k, v) => go(hashWith('corpus', { ...params, [k]: v, offset: undefined }));

  view.append(h('h1', {}, '语料库'));
  view.append(h('div', { class: 'stats' },
    stat(summary.reports, summary.versions > summary.reports ? `份报告（含副本共 ${summary.versions} 个版本）` : '份报告'),
    stat(summary.regions, '个地区'),
    stat(summary.first_year === summary.last_year ? summary.first_year : `${summary.first_year}–${summary.last_year}`, '计划年度'),
    stat(summary.targets, '条目标'), stat(summary.facts, '条指标数据'), stat(summary.livelihood_items, '项民生实事')));

  // Map.
  const canon = [...new Set(indicators.targets.filter((t) => t.kind === 'plan_year').map((t) => t.canonical))];
  const indicator = params.indicator || (canon.includes('gdp_growth') ? 'gdp_growth' : canon[0]);
  const byYear = indicators.targets.filter((t) => t.canonical === indicator && t.kind === 'plan_year');
  const years = [...new Set(byYear.map((t) => t.year))].sort((a, b) => b - a);
  // Default: the year with the most regions stating this target.
  const year = years.includes(Number(params.map_year)) ? Number(params.map_year) : [...byYear].sort((a, b) => b.count - a.count || b.year - a.year)[0]?.year;
  // With a province chosen the map drills down to its prefecture-level areas.
  const province = params.province;
  const mapTitle = province ? `${province} · 地市目标地图` : '各省目标地图';
  const mapBox = chartBox('chart map', `${mapTitle} ${indicatorName(indicator)} ${year ?? ''}年`);
  const mapNote = h('p', { class: 'muted small' });
  view.append(h('section', { class: 'panel' },
    h('div', { class: 'panel-head' }, h('h2', {}, mapTitle),
      province ? h('button', { type: 'button', class: 'button map-back', onclick: () => set('province', undefined) }, '返回全国') : null,
      h('div', { class: 'filters' },
        select('indicator', canon.map((c) => [c, indicatorName(c)]), indicator, (v) => set('indicator', v), '指标'),
        select('map_year', years.map((y) => [y, `${y}年`]), year, (v) => set('map_year', v), '年份'))),
    mapBox, mapNote));

  // Table.
  const f = list.facets;
  const opts = (arr, fmt) => [['', '全部'], ...arr.filter((x) => x.value !== null).map((x) => [x.value, `${fmt ? fmt(x.value) : x.value}（${x.count}）`])];
  const q = h('input', { type: 'search', name: 'q', placeholder: '地区名，如 绍兴', value: params.q || '' });
  view.append(h('section', { class: 'panel' },
    h('div', { class: 'panel-head' }, h('h2', {}, `报告列表（共 ${list.total} 份）`),
      h('span', { class: 'downloads' }, '下载全部报告元数据：',
        h('a', { class: 'button', href: downloadUrl({ table: 'reports', format: 'csv' }), download: '' }, 'CSV'),
        h('a', { class: 'button', href: downloadUrl({ table: 'reports', format: 'xlsx' }), download: '' }, 'Excel'))),
    h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); set('q', q.value.trim()); } },
      select('level', opts(f.level, (v) => label(LEVEL, v)), params.level, (v) => set('level', v), '层级'),
      select('province', opts(f.province), params.province, (v) => set('province', v), '省份'),
      select('year', opts(f.year, (v) => `${v}年`), params.year, (v) => set('year', v), '年份'),
      h('label', { class: 'field' }, h('span', {}, '地区'), q),
      h('button', { type: 'submit' }, '筛选')),
    table([
      { title: '地区', render: (r) => [h('a', { href: reportHref(r) }, r.region ?? '（未识别）'),
        r.partial ? h('span', { class: 'badge warn', title: '节选、新闻引述或残缺的页面，不是报告全文' }, `节选·${r.chars ?? 0}字`) : null,
        r.versions > 1 ? h('span', { class: 'badge', title: '同一报告的多个副本（格式、繁简、来源不同），统计只计规范版本一次' }, `${r.versions}个版本`) : null] },
      { title: '层级', render: (r) => label(LEVEL, r.level) },
      { title: '省份', render: (r) => r.province ?? '—' },
      { title: '年度', num: true, render: (r) => r.plan_year ?? '—' },
      { title: '报告日期', render: (r) => r.delivered ?? '—' },
      { title: '报告人', render: (r) => [r.speaker, r.speaker_title].filter(Boolean).join(' ') || '—' },
      { title: '目标', num: true, render: (r) => r.targets },
      { title: '提示', num: true, render: (r) => (r.warnings ? h('span', { class: 'badge warn', title: '输入曾被修复' }, r.warnings) : '0') },
    ], list.items, { empty: '没有符合条件的报告' }),
    pager(list, (o) => go(hashWith('corpus', { ...params, offset: o })))));

  onMounted(view, async () => {
    const [echarts, rows] = await Promise.all([charts(),
      indicator && year ? api('targets', { indicator, year, kind: 'plan_year' }).then((d) => d.rows) : []]);
    if (province) {
      await drawProvinceMap(echarts, mapBox, rows, province, indicator, year, mapNote, (name) => set('q', name));
    } else {
      await drawMap(echarts, mapBox, rows, indicator, year, mapNote, (p) => set('province', p));
    }
  });
}

function stat(n, text) {
  return h('div', { class: 'stat' }, h('b', {}, n ?? '—'), h('span', {}, text));
}

export function pager(list, to) {
  const { total, offset, limit } = list;
  if (total <= limit) return null;
  return h('div', { class: 'pager' },
    h('button', { disabled: offset === 0, onclick: () => to(Math.max(0, offset - limit)) }, '上一页'),
    h('span', {}, `${offset + 1}–${Math.min(total, offset + limit)} / ${total}`),
    h('button', { disabled: offset + limit >= total, onclick: () => to(offset + limit) }, '下一页'));
}

// A province's value: its own provincial report's target, else the mean of its prefecture-level
// cities'. Counties alone do not colour a province (one county's target is not the province's):
// such a province is listed with `value: null` and the counties named in `basis`.
export function provinceValues(rows) {
  const by = new Map();
  for (const r of rows) {
    const p = r.level === 'province' ? r.region : r.province;
    if (!p || r.value === null) continue;
    const k = shortProvince(p);
    const e = by.get(k) || { full: p, own: null, cities: [], counties: [] };
    if (r.level === 'province') e.own = r;
    else if (r.level === 'county') e.counties.push(r);
    else e.cities.push(r);
    by.set(k, e);
  }
  const list = (rs) => rs.map((r) => `${r.region} ${fmtNum(r.value)}`).join('、');
  return [...by.entries()].map(([name, e]) => {
    if (e.own) return { name, province: e.full, value: e.own.value, basis: `${e.own.region}政府工作报告` };
    if (e.cities.length) {
      return { name, province: e.full,
        value: Math.round((e.cities.reduce((s, r) => s + r.value, 0) / e.cities.length) * 100) / 100,
        basis: `${e.cities.length} 个地级市报告的平均：${list(e.cities)}` };
    }
    return { name, province: e.full, value: null, county_only: true,
      basis: `仅有县级报告，不代表全省：${list(e.counties)}`,
      itemStyle: { areaColor: '#fff7ed', decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: '#fdba74' } } };
  });
}

// The colour scale of every map: light to dark blue over the values (or over a fixed `range`
// [lo, hi], such as 0–100 for shares); none without values.
function colourScale(values, range) {
  if (!values.length) return undefined;
  const [lo, hi] = range ?? [Math.min(...values), Math.max(...values)];
  return {
    min: Math.floor(lo - (lo === hi ? 1 : 0)), max: Math.ceil(hi), left: 8, bottom: 8, calculable: true,
    text: ['高', '低'], inRange: { color: ['#93c5fd', '#1e3a8a'] }, outOfRange: { color: '#ffffff' },
  };
}

// Registers the map of China (no province) or of one province; its echarts map name, or null
// when no map of that province ships.
let provinceGeo = null;
export async function loadMap(echarts, province) {
  if (!province) {
    if (!echarts.getMap('china')) echarts.registerMap('china', await (await fetch('/assets/vendor/china.json')).json());
    return 'china';
  }
  const short = shortProvince(province);
  provinceGeo ??= await (await fetch('/assets/vendor/provinces.json')).json();
  if (!provinceGeo[short]) return null;
  const name = `prov-${short}`;
  if (!echarts.getMap(name)) echarts.registerMap(name, provinceGeo[short]);
  return name;
}

// Draws a choropleth of `data` ({name, value, …}) on map `mapName`: white where there is no data,
// names shown on a province's map. `tip(data)` is the tooltip of an area with data; `range` fixes
// the colour scale (colourScale).
export function paintMap(echarts, box, mapName, data, tip, onClick, range) {
  const chart = track(echarts.init(box));
  const named = mapName !== 'china';
  chart.setOption({
    tooltip: { trigger: 'item', formatter: (p) => (p.data ? tip(p.data) : `${esc(p.name)}：无数据`) },
    visualMap: colourScale(data.map((d) => d.value).filter((v) => v !== null), range),
    series: [{
      type: 'map', map: mapName, roam: false, data,
      label: named ? { show: true, fontSize: 10, color: '#1f2937', textBorderColor: '#fff', textBorderWidth: 2 } : { show: false },
      emphasis: { label: { show: true } },
      itemStyle: { areaColor: '#ffffff', borderColor: '#94a3b8' },
    }],
  });
  chart.on('click', onClick);
  return chart;
}

async function drawMap(echarts, box, rows, indicator, year, note, onProvince) {
  const mapName = await loadMap(echarts);
  const data = provinceValues(rows);
  paintMap(echarts, box, mapName, data,
    (d) => `${esc(d.name)}：<b>${d.value === null ? '—' : fmtNum(d.value) + esc(rows[0]?.unit ?? '')}</b><br><span style="font-size:12px">${esc(d.basis)}</span><br><span style="font-size:12px;color:#64748b">点击查看该省的报告</span>`,
    (p) => { if (p.data?.province) onProvince(p.data.province); });
  note.textContent = data.length
    ? `${indicatorName(indicator)}，${year}年目标。有省级报告的省份取省级目标，否则取省内地级市目标的平均值；斜线为仅有县级报告（不上色），白色为语料中无数据。点击省份查看其报告。`
    : '所选指标和年份在语料中没有目标数据。';
}

// A province's areas and their values: each prefecture-level city's own target (a municipality's
// districts: their own, county-level, targets). Only reports of that level colour an area.
export function areaValues(rows, province) {
  const municipality = /^(北京|天津|上海|重庆)/.test(province);
  const level = municipality ? 'county' : 'prefecture';
  return rows
    .filter((r) => r.province === province && r.level === level && r.value !== null)
    .map((r) => ({ name: r.region, value: r.value, basis: `${r.region}政府工作报告` }));
}

async function drawProvinceMap(echarts, box, rows, province, indicator, year, note, onArea) {
  const mapName = await loadMap(echarts, province);
  if (!mapName) {
    note.textContent = `没有${province}的地图。`;
    return;
  }
  const data = areaValues(rows, province);
  paintMap(echarts, box, mapName, data,
    (d) => `${esc(d.name)}：<b>${fmtNum(d.value)}${esc(rows[0]?.unit ?? '')}</b><br><span style="font-size:12px">${esc(d.basis)}</span>`,
    (p) => { if (p.name) onArea(p.name); });
  const municipality = /^(北京|天津|上海|重庆)/.test(province);
  note.textContent = data.length
    ? `${indicatorName(indicator)}，${year}年目标，${data.length} 个${municipality ? '区县' : '地级市'}的报告；白色为语料中无数据。点击地区查看其报告。`
    : `语料中没有${province}${municipality ? '各区县' : '各地级市'} ${year ?? ''}年的这项目标。`;
  box.dataset.areas = String(data.length);
}
