// 民生实事: each report's livelihood list and what the next year's report says of each item.
import { api, downloadButtons, go, h, hashWith, label, LEVEL, reportName, select } from './common.js';

const STATUS = { done: '已完成', in_progress: '推进中', not_mentioned: '未提及', no_next_report: '暂无次年报告' };

export async function render(view, params) {
  view.append(h('h1', {}, '民生实事'),
    h('p', { class: 'muted' }, '报告承诺的民生实事，逐项对照同一地区下一年报告的回顾部分：按事项关键词匹配原文句子判断“已完成 / 推进中 / 未提及”，并给出依据句供核对。'));
  const list = await api('commitments');
  if (!list.reports.length) {
    view.append(h('p', { class: 'muted' }, '语料中没有识别出民生实事清单。'));
    return;
  }
  const id = params.report || String(list.reports[0].id);
  view.append(h('div', { class: 'filters panel' },
    select('report', list.reports.map((r) => [r.id, `${reportName(r)}年 · ${label(LEVEL, r.level)} · ${r.items} 项${r.next_report ? '' : '（无次年报告）'}`]),
      id, (v) => go(hashWith('commitments', { report: v })), '报告')));
  const c = await api('commitments', { report: id });
  const counts = {};
  c.items.forEach((i) => { counts[i.status] = (counts[i.status] || 0) + 1; });
  view.append(h('section', { class: 'panel' },
    h('h2', {}, `${reportName(c.report)}年 ${c.label || '民生实事'}（${c.items.length} 项${c.declared_count && c.declared_count !== c.items.length ? `，报告称 ${c.declared_count} 项` : ''}）`),
    h('p', {}, c.next_report
      ? ['对照：', h('a', { href: `#/report/${c.next_report.id}` }, `${reportName(c.next_report)}年政府工作报告`), ' ',
        Object.entries(counts).map(([k, n]) => h('span', { class: `badge cm-${k}` }, `${STATUS[k]} ${n}`))]
      : '语料中还没有该地区下一年的报告，无法对照。'),
    downloadButtons(`民生实事_${reportName(c.report)}年`, ['序号', '事项', '落实情况', '依据（次年报告原文）', '关键词吻合'],
      () => c.items.map((i, k) => [k + 1, i.text, STATUS[i.status] ?? i.status, i.evidence?.text ?? '', i.evidence ? `${Math.round(i.score * 100)}%` : ''])),
    h('ol', { class: 'commitments' }, c.items.map((i) => h('li', {},
      h('div', { class: 'c-head' }, h('span', { class: `badge cm-${i.status}` }, STATUS[i.status] ?? i.status), ' ', h('span', {}, i.text)),
      i.evidence ? h('blockquote', {}, h('a', { href: `#/report/${c.next_report.id}?p=${i.evidence.paragraph}` }, i.evidence.text),
        h('small', { class: 'muted' }, ` 关键词吻合 ${Math.round(i.score * 100)}%`)) : null)))));
}
