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

// The download buttons (CSV, Excel) of a table as the page shows it (header cells, then every
// row's cells); `name` without extension.
export function tableCsvButton(tableEl, name) {
  const cells = () => [...tableEl.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim()));
  return h('span', { class: 'downloads' },
    h('button', { type: 'button', class: 'button csv', onclick: () => { const r = cells(); saveFile(`${name}.csv`, csvText(r[0] ?? [], r.slice(1))); } }, '下载 CSV'),
    h('button', { type: 'button', class: 'button xlsx', onclick: () => { const r = cells(); saveXlsx(`${name}.xlsx`, r[0] ?? [], r.slice(1), name); } }, '下载 Excel'));
}

// Offers `text` (or bytes) as a file download named `name` (built in the page: no server round
// trip).
export function saveFile(name, text, type = 'text/csv;charset=utf-8') {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// The parts of an Excel workbook (Office Open XML) of one sheet: `header` bold and frozen, then
// `rows`; numbers, and text that is a plain decimal number ("12.5", not "0123"), are numbers.
export function xlsxParts(header, rows, sheet = '数据') {
  const xml = (v) => String(v).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const column = (i) => (i < 26 ? '' : column(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));
  const cell = (v, r, i, style) => {
    const ref = `${column(i)}${r}`;
    if (v === null || v === undefined || v === '') return '';
    const n = typeof v === 'number' ? v : (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(v) ? Number(v) : NaN);
    if (Number.isFinite(n) && !style) return `<c r="${ref}"><v>${n}</v></c>`;
    return `<c r="${ref}" t="inlineStr"${style ? ' s="1"' : ''}><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
  };
  const line = (cells, r, style) => `<row r="${r}">${cells.map((v, i) => cell(v, r, i, style)).join('')}</row>`;
  const ns = 'http://schemas.openxmlformats.org';
  const body = [line(header, 1, true), ...rows.map((r, k) => line(r, k + 2, false))].join('');
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="${xml(sheet.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${ns}/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>${body}</sheetData></worksheet>`,
  };
}

// Offers header + rows as an Excel workbook named `name` (.xlsx), zipped in the page by fflate.
export async function saveXlsx(name, header, rows, sheet) {
  const { zipSync, strToU8 } = await import('./vendor/fflate.js');
  const parts = xlsxParts(header, rows, sheet);
  const zip = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])), { level: 6 });
  saveFile(name, zip, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

// The two download buttons of a table: 下载 CSV (UTF-8 with a byte order mark) and 下载 Excel.
// `name` has no extension; rows() gives the rows (arrays in header order) when a button is used.
export function downloadButtons(name, header, rows) {
  return h('span', { class: 'downloads' },
    h('button', { type: 'button', class: 'button csv', onclick: async () => saveFile(`${name}.csv`, csvText(header, await rows())) }, '下载 CSV'),
    h('button', { type: 'button', class: 'button xlsx', onclick: async () => saveXlsx(`${name}.xlsx`, header, await rows(), name) }, '下载 Excel'));
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
