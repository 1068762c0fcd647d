// gwr web workbench: a hash router over the pages. Each page module exports render(main, params).
import { disposeCharts, errorBox, h, setTitle } from './common.js';
import * as corpus from './page_corpus.js';
import * as reader from './page_reader.js';
import * as targets from './page_targets.js';
import * as search from './page_search.js';
import * as compare from './page_compare.js';
import * as commitments from './page_commitments.js';
import * as terms from './page_terms.js';

const pages = {
  corpus: corpus.render,
  report: reader.render,
  targets: targets.renderTargets,
  realised: targets.renderRealised,
  search: search.render,
  compare: compare.render,
  commitments: commitments.render,
  terms: terms.render,
};

function parse() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  const parts = path.split('/').filter(Boolean);
  // "null", "undefined" and empty values (links written from missing values) count as absent.
  const params = Object.fromEntries([...new URLSearchParams(query || '')]
    .filter(([, v]) => v !== '' && v !== 'null' && v !== 'undefined'));
  return { page: parts[0] || 'corpus', arg: parts[1], arg2: parts[2], params };
}

// document.title per view; the reader replaces it with the report's name once loaded.
const TITLES = {
  corpus: '语料库', report: '报告阅读', targets: '目标', realised: '目标与实绩', search: '全文检索',
  compare: '对比', commitments: '民生实事', terms: '词频与关注度',
};

let generation = 0;

async function route() {
  const { page, arg, arg2, params } = parse();
  const main = document.getElementById('main');
  document.getElementById('card').classList.add('hidden');
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.page === page || (page === 'report' && a.dataset.page === 'corpus'));
  }
  const fn = pages[page];
  // body[data-ready] names the view once its data is on screen (bench/web_views.mjs times it, the
  // tests wait for it); performance mark gwr-ready is the same moment.
  delete document.body.dataset.ready;
  setTitle(TITLES[page] ?? '页面不存在');
  disposeCharts();
  main.replaceChildren(h('p', { class: 'muted' }, '加载中…'));
  const mine = ++generation;
  const ready = (what) => {
    document.body.dataset.ready = what;
    performance.mark('gwr-ready', { detail: what });
  };
  if (!fn) {
    main.replaceChildren(errorBox(new Error('没有这个页面')));
    ready('error');
    return;
  }
  try {
    const view = h('div', { class: `page page-${page}` });
    await fn(view, params, arg, arg2);
    if (mine !== generation) return;  // a newer navigation won
    main.replaceChildren(view);
    view.dispatchEvent(new CustomEvent('mounted'));
    ready(page);
  } catch (err) {
    if (mine === generation) {
      main.replaceChildren(errorBox(err));
      ready('error');
    }
  }
}

// The skip link moves the focus to the view, past the menu (its href would be a route).
document.getElementById('skip').addEventListener('click', (e) => {
  e.preventDefault();
  document.getElementById('main').focus();
});
window.addEventListener('hashchange', route);
window.addEventListener('gwr:reroute', route);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') document.getElementById('card').classList.add('hidden');
});
route();
