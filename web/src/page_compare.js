// 对比: two or more reports side by side — targets table and an attention radar chart.
import {
  api, charts, chartBox, go, h, hashWith, label, LEVEL, MEASURE, THEME, indicatorName, modifierText, onMounted,
  track,
  reportHref, tableCsvButton,
} from './common.js';

export async function render(view, params) {
  const chosen = (params.report || '').split(',').filter((x) => /^\d+$/.test(x));
  const all = await api('reports', { limit: 200 });
  view.append(h('h1', {}, '对比'), h('p', { class: 'muted' }, '选择两份或更多报告（最多 8 份），并排比较目标、主题关注度和上年实绩。'));
  const boxes = all.items.map((r) => h('label', { class: 'pick' },
    h('input', { type: 'checkbox', value: r.id, checked: chosen.includes(String(r.id)) }),
    ` ${r.region ?? '？'} ${r.plan_year ?? ''}`, h('small', {}, ` ${label(LEVEL, r.level)}`)));
  view.append(h('form', { class: 'panel picker', onsubmit: (e) => {
    e.preventDefault();
    const ids = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value).slice(0, 8);
    go(hashWith('compare', { report: ids.join(',') }));
  } }, h('div', { class: 'picks' }, boxes), h('button', { type: 'submit' }, '对比所选报告')));
  if (chosen.length < 1) return;

  const cmp = await api('compare', { report: chosen.join(',') });
  const reportCols = cmp.columns.slice(2);
  const sectionName = { report: '基本信息', target: '预期目标', attention: '关注度（每万字）', fact: '上年实绩' };
  // Fact rows are "<indicator_id> <measure>".
  const factName = (item) => {
    const [id, measure] = String(item).split(' ');
    return `${indicatorName(id)}${measure && MEASURE[measure] ? `（${MEASURE[measure]}）` : ''}`;
  };
  const itemName = (sec, item) => (sec === 'target' ? indicatorName(item) : sec === 'attention' ? label(THEME, item)
    : sec === 'fact' ? factName(item)
    : ({ region: '地区', level: '层级', province: '省份', plan_year: '年度', delivered: '报告日期', speaker: '报告人', chars: '字数' }[item] ?? item));
  const radar = chartBox('chart radar', '主题关注度雷达图');
  view.append(h('section', { class: 'panel' }, h('h2', {}, '主题关注度雷达图'), radar));
  let last = '';
  const grid = h('table', { class: 'grid compare' },
    h('thead', {}, h('tr', {}, h('th', {}, '项目'), reportCols.map((c) => h('th', {}, c.replace(/ #\d+$/, ''))))),
    h('tbody', {}, cmp.rows.map((r) => {
      const head = r.section !== last ? h('tr', { class: 'group' }, h('th', { colspan: reportCols.length + 1 }, sectionName[r.section] ?? r.section)) : null;
      last = r.section;
      return [head, h('tr', {}, h('td', {}, itemName(r.section, r.item)),
        reportCols.map((c) => h('td', {}, r.section === 'report' && r.item === 'level' ? label(LEVEL, r[c])
          : r.section === 'target' ? modifierText(r[c]) || '—' : (r[c] ?? '') || '—')))];
    })));
  // The targets passage of each report, side by side, as the report words it.
  const texts = await Promise.all(chosen.map((id) => api(`reports/${id}`).catch(() => null)));
  view.append(h('section', { class: 'panel compare-text' }, h('h2', {}, '目标段落原文'),
    h('div', { class: 'side-by-side' }, texts.filter(Boolean).map((r) => h('div', { class: 'side' },
      h('h3', {}, h('a', { href: reportHref(r) }, `${r.region ?? '？'} ${r.plan_year ?? ''}年`)),
      h('p', { class: 'verbatim' }, r.targets_sentence || '（未找到主要预期目标段落）'))))));
  view.append(h('div', { class: 'table-wrap' }, grid),
    tableCsvButton(grid, `对比_${reportCols.map((c) => c.replace(/ #\d+$/, '')).join('_')}`));

  onMounted(view, async () => {
    const echarts = await charts();
    const att = cmp.attention.rows;
    const themes = [...new Set(att.map((a) => a.theme))];
    const max = Math.max(1, ...att.map((a) => a.per_10k ?? 0));
    const series = chosen.map((id) => {
      const mine = att.filter((a) => String(a.report_id) === id);
      const name = mine[0] ? `${mine[0].region} ${mine[0].plan_year}` : `#${id}`;
      return { name, value: themes.map((t) => Math.round((mine.find((a) => a.theme === t)?.per_10k ?? 0) * 100) / 100) };
    });
    const chart = track(echarts.init(radar));
    chart.setOption({
      legend: { bottom: 0 },
      tooltip: {},
      radar: { indicator: themes.map((t) => ({ name: label(THEME, t), max: Math.ceil(max * 1.1) })), radius: '62%' },
      series: [{ type: 'radar', data: series, areaStyle: { opacity: 0.12 } }],
    });
  });
}
