// Load client for bench/serve_load.sh and bench/speed.py: keeps N requests in flight against one
// endpoint for a fixed time (loopback only) and prints requests/s, p50/p99 latency and the error
// count. Each of the N workers holds one kept-alive HTTP/1.1 connection on a raw socket and sends
// its next request when the previous answer (by Content-Length) is complete; it reconnects when the
// server closes. A raw socket rather than fetch(): on these 2 cores fetch's own CPU per request
// (about 1 ms) capped the measured rate near 650 req/s whatever the server did, and the client
// shares the CPU with the server it measures. Every server measured gets the same client.
// Usage: node bench/serve_load.mjs BASE_URL PATH SECONDS CONCURRENCY
import net from 'node:net';

const [base, path, seconds = '8', conc = '8'] = process.argv.slice(2);
const m = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):(\d+)$/.exec(base);
if (!m) {
  console.error('serve_load: loopback URLs only');
  process.exit(2);
}
const host = m[1].replace(/^\[|\]$/g, '');
const port = Number(m[2]);
const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${m[1]}:${port}\r\n\r\n`);
const end = Date.now() + Number(seconds) * 1000;
const lat = [];
let errors = 0;

// One request on `sock` (or a new connection): resolves to {status, close} once the whole answer
// has arrived, or rejects on a socket error / an early close.
function once(state) {
  return new Promise((resolve, reject) => {
    if (!state.sock || state.sock.destroyed) {
      state.sock = net.connect(port, host);
      state.sock.setNoDelay(true);
      state.buf = Buffer.alloc(0);
    }
    const sock = state.sock;
    let need = -1;
    let headLen = 0;
    let status = 0;
    let close = false;
    const onData = (d) => {
      state.buf = state.buf.length ? Buffer.concat([state.buf, d]) : d;
      if (need < 0) {
        const i = state.buf.indexOf('\r\n\r\n');
        if (i < 0) return;
        const head = state.buf.subarray(0, i).toString('latin1');
        status = Number(head.slice(9, 12));
        const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        close = /\r\nconnection:\s*close/i.test(head);
        if (!cl) return fail(new Error('no Content-Length'));
        headLen = i + 4;
        need = headLen + Number(cl[1]);
      }
      if (state.buf.length >= need) {
        state.buf = state.buf.subarray(need);
        cleanup();
        if (close) sock.destroy();
        resolve({ status });
      }
    };
    const fail = (e) => {
      cleanup();
      sock.destroy();
      reject(e);
    };
    const onClose = () => fail(new Error('closed'));
    const cleanup = () => {
      sock.off('data', onData);
      sock.off('error', fail);
      sock.off('close', onClose);
    };
    sock.on('data', onData);
    sock.on('error', fail);
    sock.on('close', onClose);
    sock.write(request);
  });
}

async function worker() {
  const state = { sock: null, buf: Buffer.alloc(0) };
  while (Date.now() < end) {
    const t0 = performance.now();
    try {
      const r = await once(state);
      if (r.status !== 200) errors++;
    } catch {
      errors++;
      state.sock = null;
    }
    lat.push(performance.now() - t0);
  }
  if (state.sock) state.sock.destroy();
}
const t0 = performance.now();
await Promise.all(Array.from({ length: Number(conc) }, worker));
const secs = (performance.now() - t0) / 1000;
lat.sort((a, b) => a - b);
const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(2);
console.log(`${path}\trequests=${lat.length}\treq/s=${(lat.length / secs).toFixed(0)}\tp50_ms=${q(0.5)}\tp99_ms=${q(0.99)}\terrors=${errors}`);
process.exit(errors ? 1 : 0);
