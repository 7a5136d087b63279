// Prints the first-load size of each page of the release site in dist/: the map list
// that opens the site (dist/), the editor page (dist/edit/) and the share-link viewer
// (dist/view/), as listed in bench/size-budget.json. For each page:
// each file raw, gzip -9 and brotli -11, each part of its first load (wasm, JS, CSS,
// HTML) against its budget, the total against the budget and the target, and the change
// since the figures recorded in bench/size-budget.json (the last release's), so every
// change reports its size delta.
//   node bench/size-report.mjs dist            # report
//   node bench/size-report.mjs dist --check    # the same; exits 1 when over a budget (a test)
//   node bench/size-report.mjs dist --record   # writes today's figures as the new reference
// Run through scripts/size-report.sh, which builds the site first.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--')) || 'dist';
const budgetFile = new URL('./size-budget.json', import.meta.url);
const budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const signed = (n) => (n >= 0 ? '+' : '−') + (Math.abs(n) / 1024).toFixed(1) + ' KB';

const over = [];
const summary = [];
for (const [name, page] of Object.entries(budget.pages)) {
  const dir = path.join(dist, page.dir);
  const files = fs.existsSync(dir)
    // sw.js (the service worker) installs after the page has loaded: not first load.
    ? fs.readdirSync(dir).filter((f) => /\.(wasm|js|css|html)$/.test(f) && f !== 'sw.js').sort()
    : [];
  if (!files.some((f) => f.endsWith('.wasm')) || !files.includes('index.html')) {
    console.error(`no release build of the ${name} page in ${dir}: build the site first (scripts/build.sh --release)`);
    process.exit(1);
  }
  const rows = files.map((f) => {
    const data = fs.readFileSync(path.join(dir, f));
    const gzip = zlib.gzipSync(data, { level: 9 }).length;
    const brotli = zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    return { f, kind: path.extname(f).slice(1), raw: data.length, gzip, brotli };
  });
  const sum = (k, rs = rows) => rs.reduce((s, r) => s + r[k], 0);
  console.log(`\n== ${name}: ${page.what} (${path.join(dist, page.dir, 'index.html')})`);
  console.log(`${'file'.padEnd(42)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)} ${'brotli'.padStart(11)}`);
  for (const r of rows) console.log(`${r.f.padEnd(42)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  console.log(`${'total first load'.padEnd(42)} ${kb(sum('raw'))} ${kb(sum('gzip'))} ${kb(sum('brotli'))}`);
  console.log('\nfirst load, gzip     now       budget   recorded   change');
  const now = {};
  for (const kind of ['wasm', 'js', 'css', 'html', 'total']) {
    const gz = kind === 'total' ? sum('gzip') : sum('gzip', rows.filter((r) => r.kind === kind));
    now[kind] = gz;
    const limit = page.budgetGzip[kind] * 1024;
    const was = page.recordedGzip?.[kind];
    const verdict = gz <= limit ? 'ok' : 'OVER BUDGET';
    if (gz > limit) over.push(`${name} ${kind}`);
    const change = was === undefined ? 'new'.padStart(10) : signed(gz - was).padStart(10);
    console.log(`  ${kind.padEnd(8)} ${kb(gz)} ${kb(limit)} ${was === undefined ? '       —   ' : kb(was)}  ${change}  ${verdict}`);
  }
  const target = budget.targetGzip * 1024;
  summary.push(`${name} ${kb(sum('gzip')).trim()} (${sum('gzip') <= target ? 'within' : 'OVER'} the ${budget.targetGzip} KB target; budget ${page.budgetGzip.total} KB)`);
  if (args.includes('--record')) page.recordedGzip = now;
}
console.log(`\nfirst load, gzip: ${summary.join('; ')}. Target ≤ ${budget.targetGzip} KB, then ${budget.nextTargetGzip} KB.`);
if (args.includes('--record')) {
  fs.writeFileSync(budgetFile, JSON.stringify(budget, null, 2) + '\n');
  console.log('recorded these figures in bench/size-budget.json');
}
if (args.includes('--check') && over.length) {
  console.error(`size budget exceeded: ${over.join(', ')} (see bench/size-budget.json)`);
  process.exit(1);
}
