// Load client for bench/serve_reliability.sh (issue 13): what slow and many clients do to
// `gwr serve`. Loopback only. Phases:
//   slow   — SLOW connections send their request head one byte a second (slowloris) while 4
//            clients in flight make normal requests (summary, report list, report, search) for
//            SECONDS; p50/p99 of the normal requests, errors.
//   mixed  — CLIENTS clients for SECONDS over an equal mix of /api/search, /api/reports/:id and
//            /api/summary; requests/s, p50/p99, errors and non-200 answers.
//   heavy  — 8 clients asking /api/slogans?n=200 while 4 measure /api/summary for SECONDS: the
//            expensive-request cap and time budget keep cheap requests fast.
// Usage: node bench/serve_reliability.mjs BASE_URL IDS(comma) SECONDS CLIENTS SLOW
import net from 'node:net';

const [base, idsArg, secondsArg = '10', clientsArg = '50', slowArg = '16'] = process.argv.slice(2);
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(base)) {
  console.error('serve_reliability: loopback URLs only');
  process.exit(2);
}
const ids = idsArg.split(',').filter(Boolean);
const seconds = Number(secondsArg);
const port = Number(base.split(':').pop());
const queries = ['民生', '高质量发展', '营商环境', '教育', '城市更新', '乡村振兴'];
const pick = (a) => a[Math.floor(Math.random() * a.length)];

function quantiles(lat) {
  lat.sort((a, b) => a - b);
  const q = (p) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] : NaN);
  return { n: lat.length, p50: q(0.5).toFixed(1), p99: q(0.99).toFixed(1), max: q(1).toFixed(1) };
}

async function drive(clients, secs, nextPath) {
  const end = Date.now() + secs * 1000;
  const lat = [];
  const byKind = {};
  const statuses = {};
  let errors = 0;
  async function worker() {
    while (Date.now() < end) {
      const t0 = performance.now();
      const path = nextPath();
      const kind = path.replace(/\?.*$/, '').replace(/\/\d+$/, '/:id');
      try {
        const r = await fetch(base + path);
        await r.arrayBuffer();
        statuses[r.status] = (statuses[r.status] || 0) + 1;
      } catch {
        errors++;
      }
      const ms = performance.now() - t0;
      lat.push(ms);
      (byKind[kind] ||= []).push(ms);
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const took = (performance.now() - t0) / 1000;
  const kinds = {};
  for (const [k, v] of Object.entries(byKind)) {
    const { n, p50, p99 } = quantiles(v);
    kinds[k] = { n, p50, p99 };
  }
  return { ...quantiles(lat), rps: (lat.length / took).toFixed(0), errors, statuses, kinds };
}

function slowloris(n) {
  const head = 'GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(1000);
  const socks = [];
  let closedByServer = 0;
  for (let i = 0; i < n; i++) {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => {});
    s.on('close', () => closedByServer++);
    s.on('data', () => {});
    let k = 0;
    const t = setInterval(() => {
      if (s.destroyed) return clearInterval(t);
      s.write(head[k++ % head.length]);
    }, 1000);
    socks.push({ s, t });
  }
  return {
    stop() {
      for (const { s, t } of socks) {
        clearInterval(t);
        s.destroy();
      }
    },
    closed: () => closedByServer,
  };
}

const normal = () =>
  pick(['/api/summary', '/api/reports?limit=20', `/api/reports/${pick(ids)}`,
    `/api/search?q=${encodeURIComponent(pick(queries))}`]);
const mixed = () => {
  const k = Math.floor(Math.random() * 3);
  if (k === 0) return `/api/search?q=${encodeURIComponent(pick(queries))}`;
  if (k === 1) return `/api/reports/${pick(ids)}`;
  return '/api/summary';
};

const out = {};
{
  const slow = slowloris(Number(slowArg));
  await new Promise((r) => setTimeout(r, 1500));
  out.slow = await drive(4, seconds, normal);
  out.slow.slow_connections = Number(slowArg);
  out.slow.slow_closed_by_server = slow.closed();
  slow.stop();
}
out.mixed = await drive(Number(clientsArg), seconds, mixed);
out.mixed.clients = Number(clientsArg);
{
  const heavy = drive(8, seconds, () => '/api/slogans?n=200');
  const cheap = drive(4, seconds, () => '/api/summary');
  const [h, c] = await Promise.all([heavy, cheap]);
  out.heavy = { slogans: h, summary: c };
}
console.log(JSON.stringify(out, null, 1));
const bad = out.slow.errors + out.mixed.errors + (out.slow.statuses[200] !== out.slow.n ? 1 : 0);
process.exit(bad ? 1 : 0);
