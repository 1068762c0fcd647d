// 全文检索: query box, ranked snippets with highlights, facets, click-through to the paragraph.
import { api, go, h, hashWith, label, LEVEL, SECTION } from './common.js';

const FACETS = [
  ['level', '层级', (v) => label(LEVEL, v)],
  ['province', '省份', (v) => v],
  ['year', '年份', (v) => `${v}年`],
  ['section', '章节', (v) => label(SECTION, v)],
];

export async function render(view, params) {
  const input = h('input', { type: 'search', name: 'q', value: params.q || '', placeholder: '输入关键词，如 民生实事、“高质量发展”', autofocus: true, maxlength: 200 });
  view.append(h('h1', {}, '全文检索'),
    h('form', { class: 'searchbar', role: 'search', onsubmit: (e) => { e.preventDefault(); go(hashWith('search', { q: input.value.trim() })); } },
      input, h('button', { type: 'submit' }, '检索')),
    h('p', { class: 'muted small' }, '多个词之间为“且”；支持 "带引号的短语"、OR、NOT。检索时繁简通用。'));
  if (!params.q) return;
  const res = await api('search', {
    q: params.q, level: params.level, province: params.province, year: params.year, section: params.section, limit: 50,
  });
  const facets = h('aside', { class: 'facets' }, FACETS.map(([key, title, fmt]) => {
    const items = res.facets[key].filter((f) => f.value !== null);
    if (!items.length) return null;
    return h('div', { class: 'facet' }, h('h3', {}, title), h('ul', {}, items.map((f) => {
      const active = String(params[key] ?? '') === String(f.value);
      return h('li', {}, h('a', {
        href: hashWith('search', { ...params, [key]: active ? undefined : f.value }), class: active ? 'active' : null,
      }, `${fmt(f.value)}`, h('span', { class: 'count' }, f.count)));
    })));
  }));
  const list = h('ol', { class: 'hits' }, res.hits.map((hit) => h('li', { class: 'hit' },
    h('a', { class: 'hit-link', href: `#/report/${hit.report_id}?p=${hit.paragraph}` },
      h('span', { class: 'hit-title' }, `${hit.region ?? '（未识别地区）'} ${hit.plan_year ?? ''}年`),
      h('span', { class: 'muted small' }, ` · ${label(LEVEL, hit.level)} · ${hit.section_title || label(SECTION, hit.section_type)}`)),
    h('p', { class: 'snippet' }, hit.snippet.map((s) => (s.hit ? h('mark', {}, s.text) : s.text))))));
  view.append(h('p', { class: 'result-count' }, res.total ? `找到 ${res.total}${res.capped ? '+' : ''} 个段落` : `没有找到“${params.q}”`),
    h('div', { class: 'search-layout' }, facets, list));
}
