// Prints the size of the release bundle in dist/: each file raw, gzip -9 and brotli -11,
// each part of the first load (wasm, JS, CSS, HTML) against its budget, the total against
// the budget and the target, and the change since the figures recorded in
// bench/size-budget.json (the last release's), so every change reports its size delta.
//   node bench/size-report.mjs dist            # report
//   node bench/size-report.mjs dist --check    # the same; exits 1 when over a budget (a test)
//   node bench/size-report.mjs dist --record   # writes today's figures as the new reference
// Run through scripts/size-report.sh, which builds the bundle first.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--')) || 'dist';
const budgetFile = new URL('./size-budget.json', import.meta.url);
const budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const signed = (n) => (n >= 0 ? '+' : '−') + (Math.abs(n) / 1024).toFixed(1) + ' KB';

const files = fs.readdirSync(dist).filter((f) => /\.(wasm|js|css|html)$/.test(f)).sort();
if (!files.some((f) => f.endsWith('.wasm')) || !files.includes('index.html')) {
  console.error(`no release bundle in ${dist}: build it first (trunk build --release)`);
  process.exit(1);
}
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
const sum = (k, rs = rows) => rs.reduce((s, r) => s + r[k], 0);
console.log(`${'total first load'.padEnd(42)} ${kb(sum('raw'))} ${kb(sum('gzip'))} ${kb(sum('brotli'))}`);

console.log('\nfirst load, gzip     now       budget   recorded   change');
const over = [];
const now = {};
for (const kind of ['wasm', 'js', 'css', 'html', 'total']) {
  const gz = kind === 'total' ? sum('gzip') : sum('gzip', rows.filter((r) => r.kind === kind));
  now[kind] = gz;
  const limit = budget.budgetGzip[kind] * 1024;
  const was = budget.recordedGzip[kind];
  const verdict = gz <= limit ? 'ok' : 'OVER BUDGET';
  if (gz > limit) over.push(kind);
  console.log(`  ${kind.padEnd(8)} ${kb(gz)} ${kb(limit)} ${kb(was)}  ${signed(gz - was).padStart(10)}  ${verdict}`);
}
const target = budget.targetGzip * 1024;
console.log(`\nfirst-load gzip ${kb(sum('gzip')).trim()} — target ≤ ${budget.targetGzip} KB (then ${budget.nextTargetGzip} KB): ${sum('gzip') <= target ? 'within' : 'OVER'} target; enforced budget ${budget.budgetGzip.total} KB`);

if (args.includes('--record')) {
  budget.recordedGzip = now;
  fs.writeFileSync(budgetFile, JSON.stringify(budget, null, 2) + '\n');
  console.log('recorded these figures in bench/size-budget.json');
}
if (args.includes('--check') && over.length) {
  console.error(`size budget exceeded: ${over.join(', ')} (see bench/size-budget.json)`);
  process.exit(1);
}
