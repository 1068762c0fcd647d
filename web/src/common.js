// Shared helpers: API calls, DOM building (text only, never innerHTML with data), Chinese labels.
import INDICATOR_ID from './indicator_names.js';

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

export const LEVEL = { national: '全国', province: '省级', prefecture: '地级', county: '县级' };
export const STATUS = { actual: '实际', estimate: '预计', target: '目标', aspiration: '力争' };
export const PERIOD = { review_year: '上一年', five_year_span: '五年累计', plan_year: '计划年', fyp_horizon: '五年规划期末', unknown: '未注明' };
export const SECTION = {
  review: '过去一年回顾', five_year_review: '五年回顾', fyp_goals: '五年规划目标', plan_tasks: '今年工作安排',
  self_building: '政府自身建设', glossary: '名词解释', livelihood: '民生实事', other: '其他',
};
export const MODIFIER = { point: '', around: '左右', at_least: '以上', at_most: '以内', range: '', qualitative: '（定性）' };
export const MEASURE = { growth: '增速', level: '总量', rate: '比率', intensity: '强度' };
export const SCOPE = { report: '本地区', sub_area: '辖区局部', national: '全国', province: '全省', company: '企业' };
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
export const WARNING = {
  fullwidth_folded: '全角字母数字已转为半角', nbsp: '特殊空格已替换为普通空格', zero_width_removed: '已删除零宽字符',
  stray_semicolon: '已删除句末多余的分号', split_enumerator: '已修复序号中的多余空格', spaced_title: '已合并字间带空格的标题',
  undecodable_bytes: '部分字节无法按所识别的编码解码', invalid_utf8: '无效的 UTF-8 字节已替换', opencc_unavailable: '繁简转换不可用',
  txt_lines_joined: '已合并被硬换行拆开的行', pdf_lines_joined: '已合并 PDF 的折行', pdf_print_chrome: '已删除网页打印的页眉页脚',
  pdf_repeated_heading: '已删除重复的页眉标题', pdf_spaced_heading: '已合并字间带空格的标题', pager_removed: '已删除分页导航',
  repeated_copy_removed: '已删除重复的正文副本', partial_text: '疑似节选或不完整的文本',
  enumerator_out_of_sequence: '序号不连续，未当作标题', heading_end_uncertain: '标题在何处结束不确定',
  no_sections: '未识别到一级章节标题', no_targets_passage: '未找到主要预期目标段落', gdp_target_not_found: '目标段落中没有 GDP 增速目标',
  livelihood_count_mismatch: '民生实事的件数与列出的项数不符', meta_region_inferred: '地区由正文推断', meta_unknown_region: '无法识别地区',
  meta_no_session: '未识别会议届次', meta_no_delivered: '未识别报告日期', meta_no_speaker: '未识别报告人',
  meta_no_speaker_title: '未识别报告人职务', meta_no_plan_year: '未识别计划年份', meta_no_review_year: '未识别回顾年份',
  lexicon_unavailable: '词表不可用',
};

export const OUTCOME = { met: '完成', near: '接近目标', missed: '未完成', unknown: '无法判断' };
export const INDICATOR = {
  gdp_growth: '地区生产总值增长', cpi: '居民消费价格涨幅', fixed_asset_investment_growth: '固定资产投资增长',
  retail_sales_growth: '社零总额增长', public_budget_revenue_growth: '一般公共预算收入增长',
  fiscal_revenue_growth: '财政收入增长', industrial_value_added_growth: '规上工业增加值增长',
  resident_income_growth: '居民人均可支配收入增长', urban_income_growth: '城镇居民收入增长',
  rural_income_growth: '农村居民收入增长', urban_new_jobs: '城镇新增就业',
  urban_surveyed_unemployment: '城镇调查失业率', urban_registered_unemployment: '城镇登记失业率',
  energy_intensity: '单位GDP能耗下降', grain_output: '粮食产量', trade_growth: '外贸进出口增长',
  primary_industry_growth: '一产增加值增长', secondary_industry_growth: '二产增加值增长',
  tertiary_industry_growth: '三产增加值增长', urbanization_rate: '城镇化率',
  deposit_growth: '存款余额增长', loan_growth: '贷款余额增长', construction_growth: '建筑业增加值增长',
};

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

export function chartBox(cls = 'chart') {
  return h('div', { class: cls });
}

// Resizes every chart on window resize; charts register themselves here.
const live = new Set();
window.addEventListener('resize', () => live.forEach((c) => c.resize()));
export function track(chart) {
  live.add(chart);
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
