// 报告阅读: outline, text with highlighted quantities, fact cards, pinned targets, terms.
import {
  api, h, label, LEVEL, STATUS, PERIOD, SECTION, SCOPE, fmtNum, fmtTarget, reportName, reportHref, onMounted, setTitle, WARNING, ApiError,
} from './common.js';

// A stable link (#/report/330600/2024 or #/report/绍兴市/2024) reads the canonical version of
// that report (/api/reports/<region>/<year>); #/report/<id> one stored version.
export async function render(view, params, arg, year) {
  let r;
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new ApiError(`年份“${year}”无效`);
    r = await api(`reports/${encodeURIComponent(decodeURIComponent(arg || ''))}/${year}`);
  } else {
    if (!/^\d+$/.test(arg || '')) throw new Error('缺少报告编号');
    r = await api(`reports/${arg}`);
  }
  const facts = new Map(r.facts.map((f) => [f.ord, f]));
  setTitle(`${reportName(r)} 政府工作报告`);

  view.append(h('div', { class: 'reader-head' },
    h('h1', {}, `${reportName(r)} 政府工作报告`),
    h('p', { class: 'meta' }, [
      label(LEVEL, r.level), r.province && r.level !== 'province' ? r.province : null, r.delivered && `${r.delivered} 报告`,
      r.session, [r.speaker, r.speaker_title].filter(Boolean).join(' ') || null,
      `${r.chars ?? '—'} 字`, `${r.format}/${r.encoding}${r.traditional ? '（繁体）' : ''}`,
    ].filter(Boolean).join(' · ')),
    h('p', { class: 'meta small' }, `来源文件：${r.source}`),
    (r.versions ?? []).length > 1 ? h('p', { class: 'meta small versions' }, `本报告共 ${r.versions.length} 个版本：`,
      r.versions.map((v, i) => [i ? ' · ' : '', v.id === r.id ? h('b', {}, versionName(v))
        : h('a', { href: `#/report/${v.id}`, title: v.source }, versionName(v))]),
      '（第一个为规范版本，统计与图表只计它一次）') : null,
    h('p', { class: 'links' },
      h('a', { class: 'permalink', href: reportHref(r), title: '按地区代码和年份的链接，重建语料库后仍然有效' }, '固定链接'),
      h('a', { href: `#/compare?report=${r.id}` }, '加入对比'),
      r.livelihood.length ? h('a', { href: `#/commitments?report=${r.id}` }, '民生实事落实情况') : null)));

  if (r.partial) {
    view.append(h('p', { class: 'partial-note', role: 'note' },
      `这不是报告全文：所存文本只有 ${r.chars ?? 0} 字，像是节选、新闻引述或残缺的页面。`,
      (r.versions ?? []).some((v) => !v.partial) ? '本报告另有完整版本，见上方版本列表。' : '语料库中没有这份报告的完整版本。'));
  }
  if (r.warnings.length) {
    // Closed, one line per kind: the text comes first; the details (the pipeline's own message
    // and byte offsets) are there for whoever checks the source.
    const kinds = new Map();
    for (const w of r.warnings) kinds.set(w.code, [...(kinds.get(w.code) ?? []), w]);
    const name = (code) => WARNING[code] ?? code;
    view.append(h('details', { class: 'warnings' },
      h('summary', {}, `输入修复与疑点提示（${r.warnings.length}）：`,
        [...kinds.entries()].slice(0, 3).map(([code, ws]) => `${name(code)}${ws.length > 1 ? ` ×${ws.length}` : ''}`).join('；'),
        kinds.size > 3 ? ' …' : ''),
      h('ul', {}, [...kinds.entries()].map(([code, ws]) => h('li', { title: code },
        h('b', {}, name(code)), ws.length > 1 ? ` ×${ws.length}` : '', '：',
        h('span', { class: 'muted small' }, ws.slice(0, 5).map((w) => w.message + (w.offset !== null ? `（字节 ${w.offset}）` : '')).join('；'),
          ws.length > 5 ? ` 等 ${ws.length} 处` : ''))))));
  }

  const outline = h('nav', { class: 'outline', 'aria-label': '章节目录' },
    h('h2', {}, '目录'), tree(r.sections));
  const text = h('article', { class: 'text' });

  // Targets pinned at the top of the text column.
  const pinned = h('div', { class: 'pinned' },
    h('details', { open: window.innerWidth > 760 },
      h('summary', {}, `${r.plan_year ?? ''}年主要预期目标（${r.targets.length} 项）`),
      r.targets.length
        ? h('div', { class: 'targets-grid' }, r.targets.map((t) => h('div', { class: 'tg', title: t.verbatim },
          h('span', {}, t.indicator), h('b', {}, fmtTarget(t)), t.aspiration ? h('span', { class: 'badge st-aspiration' }, '力争') : null)))
        : h('p', { class: 'muted' }, r.gdp_target === 'explicitly_absent' ? '报告列出了目标段落，但未设定数值型GDP增速目标。' : '未找到主要预期目标段落。')));
  // Five-year-plan targets (主要目标 of the plan the report sets out or reviews), by horizon.
  const fyp = r.fyp_targets ?? [];
  if (fyp.length) {
    const horizons = [...new Set(fyp.map((t) => t.horizon ?? t.year))];
    pinned.append(h('details', { class: 'fyp', open: window.innerWidth > 760 },
      h('summary', {}, `五年规划目标（${horizons.filter(Boolean).map((y) => `至${y}年`).join('、') || '期末'}，${fyp.length} 项）`),
      h('div', { class: 'targets-grid' }, fyp.map((t) => h('div', { class: 'tg', title: t.verbatim },
        h('span', {}, t.indicator), h('b', {}, fmtTarget(t)),
        t.basis === 'annual_average' ? h('span', { class: 'badge' }, '年均') : null,
        t.aspiration ? h('span', { class: 'badge st-aspiration' }, '力争') : null)))));
  }
  text.append(pinned);
  text.append(legend(text, r));

  const terms = r.terms.filter((t) => t.text && t.text.length >= 2).sort((a, b) => b.text.length - a.text.length);
  for (const p of r.paragraphs) {
    const el = h('p', { id: `p${p.ord}`, class: 'para', dataset: { ord: p.ord } });
    if (isHeading(p, r.sections)) el.classList.add('heading');
    for (const part of p.parts) {
      if (part.q === undefined) {
        el.append(...withTerms(part.text, terms));
      } else {
        const st = part.status || 'none';
        el.append(h('button', {
          type: 'button', class: `q st-${st}`, dataset: { q: part.q, fact: part.fact ?? '' },
          title: part.status ? label(STATUS, part.status) : '数量',
          onclick: (e) => showCard(e.currentTarget, r, part, facts),
        }, part.text));
      }
    }
    text.append(el);
  }

  if (r.livelihood.length) {
    text.append(h('section', { class: 'panel' }, h('h2', {}, r.livelihood[0].label || '民生实事'),
      h('ol', {}, r.livelihood.map((l) => h('li', {}, l.text)))));
  }
  if (r.glossary.length) {
    text.append(h('section', { class: 'panel' }, h('h2', {}, '名词解释'),
      h('dl', {}, r.glossary.map((g) => [h('dt', {}, g.term), h('dd', {}, g.definition)]))));
  }

  view.append(h('div', { class: 'reader' }, outline, text));

  onMounted(view, () => {
    if (params.p !== undefined) {
      const target = document.getElementById(`p${params.p}`);
      if (target) {
        target.classList.add('flash');
        target.scrollIntoView({ block: 'center' });
      }
    }
  });
}

function tree(nodes) {
  if (!nodes.length) return h('p', { class: 'muted' }, '未识别章节');
  return h('ul', {}, nodes.map((n) => h('li', {},
    h('a', {
      href: '#', class: `sec sec-${n.type}`,
      onclick: (e) => {
        e.preventDefault();
        document.getElementById(`p${n.paragraph}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      },
    }, n.title, n.type !== 'other' ? h('small', {}, ` ${label(SECTION, n.type)}`) : null),
    n.children.length ? tree(n.children) : null)));
}

function isHeading(p, sections) {
  const titles = new Set();
  const walk = (ns) => ns.forEach((n) => { titles.add(n.title); walk(n.children); });
  walk(sections);
  return p.parts.length === 1 && titles.has(p.parts[0].text?.trim());
}

// The marks of the text: by default only quantities with a status (actual, estimate, target,
// aspiration) and phrases with a glossary definition; the box shows every other quantity
// (counts, years, ages …) and every slogan as well.
function legend(text, r) {
  const others = r.paragraphs.reduce((n, p) => n + p.parts.filter((x) => x.q !== undefined && !x.status).length, 0);
  const box = h('input', { type: 'checkbox', name: 'all-marks', onchange: (e) => text.classList.toggle('all-marks', e.target.checked) });
  return h('p', { class: 'legend' }, '数字标注：',
    ['actual', 'estimate', 'target', 'aspiration'].map((s) => h('span', { class: `q st-${s}` }, label(STATUS, s))),
    h('span', { class: 'term' }, '有解释的提法'), '（悬停看解释）',
    h('label', { class: 'all-marks-toggle' }, box, ` 也标出其他数量（${others}）和无解释的提法`));
}

// Plain text with slogans and glossary terms underlined; hover shows the definition.
function withTerms(text, terms) {
  if (!terms.length) return [text];
  const out = [];
  let i = 0;
  let buf = '';
  while (i < text.length) {
    const t = terms.find((x) => text.startsWith(x.text, i));
    if (t) {
      if (buf) { out.push(buf); buf = ''; }
      if (t.definition) {
        const def = `${t.definition}（${t.region ?? ''}${t.plan_year ?? ''}年报告·名词解释）`;
        out.push(h('span', { class: 'term', tabindex: 0, dataset: { def }, title: def }, t.text));
      } else {
        out.push(h('span', { class: 'term bare', title: '提法（语料中没有它的名词解释）' }, t.text));
      }
      i += t.text.length;
    } else {
      buf += text[i];
      i += 1;
    }
  }
  if (buf) out.push(buf);
  return out;
}

function showCard(anchor, r, part, facts) {
  const card = document.getElementById('card');
  const q = r.quantities[part.q];
  const f = part.fact !== null ? facts.get(part.fact) : null;
  const t = part.target !== null ? r.targets[part.target] : null;
  const rows = [];
  if (f) {
    rows.push(['指标', f.indicator], ['数值', `${fmtNum(f.value)}${f.value_hi !== null ? '–' + fmtNum(f.value_hi) : ''}`],
      ['单位', f.unit ?? '—'], ['口径', f.measure === 'growth' ? '增速' : '总量'], ['状态', label(STATUS, f.status)],
      ['时期', `${label(PERIOD, f.period)}${f.year ? `（${f.year}年）` : ''}`],
      ['范围', label(SCOPE, f.scope)]);
  } else if (t) {
    rows.push(['指标', t.indicator], ['目标', fmtTarget(t)], ['年份', t.year ?? '—']);
  } else {
    rows.push(['数值', `${fmtNum(q.value)}${q.value_hi !== null ? '–' + fmtNum(q.value_hi) : ''}`], ['单位', q.unit ?? '—']);
  }
  card.replaceChildren(
    h('button', { type: 'button', class: 'close', 'aria-label': '关闭', onclick: () => card.classList.add('hidden') }, '×'),
    h('h3', {}, f ? `${label(STATUS, f.status)}数据` : t ? '目标' : '数量'),
    h('dl', {}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('blockquote', { class: 'verbatim' }, f ? f.verbatim : t ? t.verbatim : q.text),
    h('p', { class: 'muted small' }, `原文字节 ${q.start}–${q.end}`));
  card.classList.remove('hidden');
  const b = anchor.getBoundingClientRect();
  if (window.innerWidth > 760) {
    const left = Math.min(window.innerWidth - 340, Math.max(8, b.left));
    const top = b.bottom + 8 + 300 > window.innerHeight ? Math.max(8, b.top - 8 - card.offsetHeight) : b.bottom + 8;
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  } else {
    card.style.left = '';
    card.style.top = '';
  }
}

// One version of a report, in words: its format, script and completeness.
function versionName(v) {
  const format = { docx: 'Word 文档', pdf: 'PDF', html: '网页', txt: '文本' }[v.format] ?? v.format;
  return `${format}${v.traditional ? '（繁体）' : ''}${v.partial ? '（不完整）' : ''}${v.version_rank === 1 ? '·规范' : ''}`;
}
