// Shared helpers: API calls, DOM building (text only, never innerHTML with data), Chinese labels.
import INDICATOR_ID from './indicator_names.js';
import L from './labels.js';

export class ApiError extends Error {}

export async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  }
  const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
  const res = await fetch(url);
  let body;
  try { body = await res.json(); } catch { throw new ApiError(`服务器返回了无法解析的内容（${res.status}）`); }
  if (!res.ok) throw new ApiError(body?.error?.message || `请求失败（${res.status}）`);
  return body;
}

export function downloadUrl(params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  return '/api/download?' + qs;
}

// CSV text Excel opens as UTF-8 (byte order mark), CRLF line ends: header = Chinese titles,
// rows = arrays of cells in the same order.
export function csvText(header, rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

// A 下载 CSV button for a table as the page shows it (header cells, then every row's cells).
export function tableCsvButton(tableEl, name) {
  return h('button', { type: 'button', class: 'button csv', onclick: () => {
    const rows = [...tableEl.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim()));
    saveFile(name, csvText(rows[0] ?? [], rows.slice(1)));
  } }, '下载 CSV');
}

// Offers `text` as a file download named `name` (built in the page: no server round trip).
export function saveFile(name, text, type = 'text/csv;charset=utf-8') {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// h('div', {class: 'x', onclick: f}, 'text', child, [children]) → element
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  const add = (c) => {
    if (c === undefined || c === null || c === false) return;
    if (Array.isArray(c)) c.forEach(add);
    else e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  };
  children.forEach(add);
  return e;
}

export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// Chinese labels of gwr's ids: data/labels_zh.tsv (web/build.mjs makes labels.js of it).
export const LEVEL = L.level;
export const STATUS = L.status;
export const PERIOD = L.period;
export const SECTION = L.section;
export const MEASURE = L.measure;
export const SCOPE = L.scope;
// A target's modifier as a suffix of its value: 6%左右, 5%以上; a point or range value stands alone.
export const MODIFIER = { ...L.modifier, point: '', range: '', qualitative: `（${L.modifier.qualitative}）` };
// A fine-grained indicator id (facts: tourism_revenue) or a target class (gdp_growth) in Chinese;
// an id no table knows is shown as 其他指标, never as the id.
export function indicatorName(id) {
  if (id === null || id === undefined) return '—';
  return INDICATOR[id] ?? INDICATOR_ID[id] ?? '其他指标';
}
// A compare cell "6% around" / "5–6% at_least" / "qualitative" → "6%左右" / "5–6%以上" / "定性".
export function modifierText(s) {
  if (s === null || s === undefined) return s;
  const t = String(s).trim();
  if (t === 'qualitative') return '定性';
  const m = t.match(/^(.*?)\s*\b(point|around|at_least|at_most|range|qualitative)$/);
  return m ? `${scaleAmount(m[1])}${m[2] === 'qualitative' ? '（定性）' : MODIFIER[m[2]]}` : scaleAmount(t);
}

// An amount in a base unit, as the store keeps it ("1000000000000元", "35000000人") → the way a
// report writes it ("1万亿元", "3500万人"). Other text is returned as it is.
export function scaleAmount(s) {
  const m = /^(-?\d+(?:\.\d+)?)(元|人|人次|吨|千瓦|平方米|户|个)$/.exec(String(s ?? '').trim());
  if (!m) return s;
  const v = Number(m[1]);
  const steps = [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']];
  for (const [d, name] of steps) {
    if (Math.abs(v) >= d) return `${Math.round((v / d) * 100) / 100}${name}${m[2]}`;
  }
  return s;
}
export const THEME = {
  digital: '数字经济', ecology: '生态环保', innovation: '科技创新', livelihood: '民生保障',
  opening: '对外开放', risk: '风险防范', rural: '乡村振兴',
};
// Warning codes the pipeline keeps with a document (src/text, ingest, meta, sections, facts) →
// what a reader is told. An unknown code shows as itself.
export const WARNING = L.warning;
export const OUTCOME = L.outcome;
export const INDICATOR = L.indicator;

export const label = (map, k) => (k === null || k === undefined ? '—' : map[k] ?? k);

export function fmtNum(v) {
  if (v === null || v === undefined) return '—';
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}

// "6%左右", "5–6%", "（定性）"
export function fmtTarget(t) {
  if (t.modifier === 'qualitative' || t.value === null) return '（定性）';
  const v = t.value_hi !== null && t.value_hi !== undefined ? `${fmtNum(t.value)}–${fmtNum(t.value_hi)}` : fmtNum(t.value);
  return `${v}${t.unit ?? ''}${MODIFIER[t.modifier] ?? ''}`;
}

// The page title of a view: "目标 · gwr".
export function setTitle(text) {
  document.title = `${text} · gwr`;
}

// The link of a report that survives a rebuilt corpus: #/report/<region code, or the region's
// name while its code is unknown>/<plan year>; the database id only when the year is unknown.
export function reportHref(r, id = r.id ?? r.report_id) {
  const region = r.region_code || r.region;
  return region && r.plan_year ? `#/report/${encodeURIComponent(region)}/${r.plan_year}` : `#/report/${id}`;
}

export function reportName(r) {
  return `${r.region ?? '（未识别地区）'} ${r.plan_year ?? ''}`.trim();
}

export function errorBox(err) {
  return h('div', { class: 'error', role: 'alert' }, '出错了：', err.message || String(err));
}

// A simple table: columns [{key, title, render?}] over rows of objects.
export function table(columns, rows, opts = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: opts.class || 'grid' },
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.num ? 'num' : null }, c.title)))),
      h('tbody', {}, rows.length === 0
        ? h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, opts.empty || '没有数据'))
        : rows.map((r) => h('tr', {}, columns.map((c) => h('td', { class: c.num ? 'num' : null },
          c.render ? c.render(r) : (r[c.key] ?? '—'))))))));
}

export function select(name, options, value, onchange, title) {
  return h('label', { class: 'field' }, title ? h('span', {}, title) : null,
    h('select', { name, onchange: (e) => onchange(e.target.value) },
      options.map(([v, t]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, t))));
}

// The ECharts library. index.html only preloads it (the download starts with the page); it runs
// here, when the first chart is drawn, after the view's text is on screen.
let echartsReady = null;
export function charts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  echartsReady ??= new Promise((resolve, reject) => {
    const fail = () => { echartsReady = null; reject(new ApiError('图表库未加载')); };
    const s = document.createElement('script');
    s.src = document.getElementById('echarts-js')?.href || '/assets/vendor/echarts.min.js';
    s.onload = () => (window.echarts ? resolve(window.echarts) : fail());
    s.onerror = () => { s.remove(); fail(); };
    document.head.append(s);
  });
  return echartsReady;
}

// A chart's box. `name` is its text alternative (role=img, aria-label) and the name of its PNG:
// track() adds a 保存图片 button after it.
export function chartBox(cls = 'chart', name = '图表') {
  return h('div', { class: cls, role: 'img', 'aria-label': name, dataset: { name } });
}

// Saves the chart as a PNG (white background, twice the screen resolution).
function savePng(chart, name) {
  const a = document.createElement('a');
  a.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  a.download = `${name}.png`;
  document.body.append(a);
  a.click();
  a.remove();
}

// Resizes every chart on window resize; charts register themselves here.
const live = new Set();
window.addEventListener('resize', () => live.forEach((c) => c.resize()));
export function track(chart) {
  live.add(chart);
  const dom = chart.getDom();
  if (dom.dataset.name && !dom.nextElementSibling?.classList.contains('chart-png')) {
    dom.after(h('button', { type: 'button', class: 'button chart-png', onclick: () => savePng(chart, dom.dataset.name) }, '保存图片（PNG）'));
  }
  return chart;
}
export function disposeCharts() {
  live.forEach((c) => c.dispose());
  live.clear();
}

// Navigate within the app; the page's state lives in the hash.
export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new Event('gwr:reroute'));
  else location.hash = hash;
}

export function hashWith(page, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  const s = qs.toString();
  return `#/${page}${s ? '?' + s : ''}`;
}

// Runs fn once the page element is in the document (charts need a laid-out box).
export function onMounted(view, fn) {
  view.addEventListener('mounted', () => { fn(); }, { once: true });
}
