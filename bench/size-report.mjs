// Prints the size of the release bundle in dist/: each file raw, gzip -9 and brotli -11,
// and the total first-load gzip bytes against the 300 KB target.
// Run through scripts/size-report.sh, which builds the bundle first.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] || 'dist';
const TARGET_GZIP = 300 * 1024;
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const files = fs.readdirSync(dist).filter((f) => /\.(wasm|js|css|html)$/.test(f)).sort();
const rows = files.map((f) => {
  const data = fs.readFileSync(path.join(dist, f));
  const gzip = zlib.gzipSync(data, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  return { f, kind: path.extname(f).slice(1), raw: data.length, gzip, brotli };
});
console.log(`${'file'.padEnd(42)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)} ${'brotli'.padStart(11)}`);
for (const r of rows) {
  console.log(`${r.f.padEnd(42)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
}
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
console.log(`${'total first load'.padEnd(42)} ${kb(sum('raw'))} ${kb(sum('gzip'))} ${kb(sum('brotli'))}`);
const verdict = sum('gzip') <= TARGET_GZIP ? 'within' : 'OVER';
console.log(`first-load gzip ${kb(sum('gzip')).trim()} — target ≤ 300 KB: ${verdict} target`);
