// Load client for bench/serve_load.sh: keeps N requests in flight against one endpoint for a fixed
// time (loopback only) and prints requests/s, p50/p99 latency and the error count.
// Usage: node bench/serve_load.mjs BASE_URL PATH SECONDS CONCURRENCY
const [base, path, seconds = '8', conc = '8'] = process.argv.slice(2);
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(base)) {
  console.error('serve_load: loopback URLs only');
  process.exit(2);
}
const end = Date.now() + Number(seconds) * 1000;
const lat = [];
let errors = 0;
async function worker() {
  while (Date.now() < end) {
    const t0 = performance.now();
    try {
      const r = await fetch(base + path);
      await r.arrayBuffer();
      if (r.status !== 200) errors++;
    } catch {
      errors++;
    }
    lat.push(performance.now() - t0);
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: Number(conc) }, worker));
const secs = (performance.now() - t0) / 1000;
lat.sort((a, b) => a - b);
const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(2);
console.log(`${path}\trequests=${lat.length}\treq/s=${(lat.length / secs).toFixed(0)}\tp50_ms=${q(0.5)}\tp99_ms=${q(0.99)}\terrors=${errors}`);
process.exit(errors ? 1 : 0);
