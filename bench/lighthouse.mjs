// Lighthouse benchmark (figures, not a test): the release build in dist/, served under
// /trailmap/ by tests/e2e/server.mjs, audited by Lighthouse driving Debian's Chromium on
// two pages (the map list and a share link), with the default mobile configuration and
// the desktop preset, performance category only. Prints the median of RUNS runs (default
// 3) per page and form factor beside the goals: mobile performance ≥ 90 and LCP ≤ 2.5 s,
// desktop performance 100. Lighthouse lives in bench/lighthouse/ (its own lock, kept out
// of the test toolchain) and is installed there on first use.
//   node bench/lighthouse.mjs                 # after a release build
//   RUNS=1 OUT=bench/out/lighthouse node bench/lighthouse.mjs   # OUT: keep each report (JSON)
// Exit code 0 when it ran, goals met or not; non-zero only when it could not run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { startServer } from './serve.mjs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const LH_DIR = 'bench/lighthouse';
const RUNS = Math.max(1, Math.min(15, Number(process.env.RUNS || 3) | 0));
const DIST = path.resolve(process.env.DIST_DIR || 'dist');
const BASE = '/trailmap/';
const CHROME = process.env.CHROME_PATH || process.env.CHROMIUM || '/usr/bin/chromium';
const RUN_TIMEOUT_MS = 180_000;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const started = Date.now();
const fail = (msg) => { console.error(`lighthouse benchmark: ${msg}`); process.exit(2); };

// --- Lighthouse, from its own folder, installed at its lock ---------------------------
const stamp = path.join(LH_DIR, 'node_modules/.trailmap-lock');
const lock = path.join(LH_DIR, 'package-lock.json');
if (!fs.existsSync(stamp) || !fs.readFileSync(stamp).equals(fs.readFileSync(lock))) {
  console.log(`installing Lighthouse into ${LH_DIR} (once per lock, ~15 s)`);
  const r = spawnSync('npm', ['ci', '--prefix', LH_DIR, '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: 'inherit', timeout: 300_000 });
  if (r.status !== 0) fail('npm ci failed');
  fs.copyFileSync(lock, stamp);
}
const mod = (p) => import(pathToFileURL(path.resolve(LH_DIR, 'node_modules', p)).href);
const { default: lighthouse, defaultConfig, desktopConfig } = await mod('lighthouse/core/index.js');
const chromeLauncher = await mod('chrome-launcher/dist/index.js');
const lhVersion = JSON.parse(fs.readFileSync(path.join(LH_DIR, 'node_modules/lighthouse/package.json'))).version;
// The PWA category (installability) left Lighthouse in 12.0; audit it where it still exists.
const hasPwa = (defaultConfig.categories || {}).pwa !== undefined;
const categories = hasPwa ? ['performance', 'pwa'] : ['performance'];

if (!fs.existsSync(path.join(DIST, 'index.html'))) fail(`no ${DIST}/index.html: build the release first`);
if (!fs.existsSync(CHROME)) fail(`no Chromium at ${CHROME}`);
process.env.CHROME_PATH = CHROME;
const payload = fs.readFileSync('tests/fixtures/share/v3-hand-made.link', 'utf8').trim();
// Links from today's share panel carry the map's title after the payload (…?t=<title>,
// spaces as +) for the viewer's first paint; links made before that do not.
const title = JSON.parse(fs.readFileSync('tests/fixtures/share/v3-hand-made.json', 'utf8')).scope.title;
const hint = `?t=${encodeURIComponent(title.trim()).replace(/%20/g, '+')}`;

// --- the server ------------------------------------------------------------------------
const server = await startServer({ DIST_DIR: DIST, BASE_PATH: BASE }).catch((e) => fail(e.message));
let chrome = null;
const cleanup = () => {
  try { chrome?.kill(); } catch {}
  server.close();
};
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { cleanup(); process.exit(130); });
const base = server.base;

// --- runs --------------------------------------------------------------------------------
const pages = [
  { name: 'map list', url: base },
  // The editor page (a map chosen on the list opens there): not a page a visit starts on,
  // but a bookmarked map does; its figures are printed beside the others.
  { name: 'editor page', url: `${base}edit/` },
  // Share links open the viewer page (view/); old links to the app page are sent there.
  // As today's share panel makes it: the payload, then the title for the first paint.
  { name: 'share link', url: `${base}view/#/s/${payload}${hint}` },
];
const forms = [
  { name: 'mobile', config: undefined, goal: (m) => m.score >= 90 && m.lcp <= 2500, goalText: 'perf ≥ 90, LCP ≤ 2.5 s' },
  { name: 'desktop', config: desktopConfig, goal: (m) => m.score >= 100, goalText: 'perf 100' },
];
const withTimeout = (p, ms, what) => Promise.race([p,
  new Promise((_, rej) => setTimeout(() => rej(new Error(`${what} timed out after ${ms / 1000} s`)), ms).unref())]);

async function once(url, config) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailmap-lh-'));
  try {
    chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS, userDataDir, logLevel: 'silent' });
    if (!chromeVersion) {
      chromeVersion = await fetch(`http://127.0.0.1:${chrome.port}/json/version`).then((r) => r.json())
        .then((v) => v.Browser.replace(/^\D*\//, ''), () => '');
    }
    const result = await withTimeout(
      lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories }, config),
      RUN_TIMEOUT_MS, 'Lighthouse run');
    return result.lhr;
  } finally {
    try { await chrome?.kill(); } catch {}
    chrome = null;
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

function metrics(lhr) {
  const a = lhr.audits;
  const items = a['long-tasks']?.details?.items || [];
  return {
    score: Math.round((lhr.categories.performance.score ?? NaN) * 100),
    lcp: a['largest-contentful-paint'].numericValue,
    fcp: a['first-contentful-paint'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    // Lighthouse lists tasks of 50 ms or more only; 0 here means none reached 50 ms.
    longest: items.reduce((m, t) => Math.max(m, t.duration), 0),
    bytes: a['total-byte-weight'].numericValue,
    // Unthrottled, as the trace saw them: the same paint when the static frame's text is
    // the largest (Lighthouse's simulated LCP then counts no download it did not wait for).
    seenFcp: a['metrics']?.details?.items?.[0]?.observedFirstContentfulPaint ?? NaN,
    seenLcp: a['metrics']?.details?.items?.[0]?.observedLargestContentfulPaint ?? NaN,
    pwa: hasPwa ? Math.round((lhr.categories.pwa?.score ?? NaN) * 100) : undefined,
    installable: hasPwa ? a['installable-manifest']?.score === 1 : undefined,
  };
}

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const outDir = process.env.OUT ? path.resolve(process.env.OUT) : null;
if (outDir) fs.mkdirSync(outDir, { recursive: true });
let chromeVersion = '';
const progress = (text) => { if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`); };
const warnings = new Set();
const rows = [];
for (const page of pages) {
  for (const form of forms) {
    const runs = [];
    const errors = [];
    for (let i = 1; i <= RUNS; i++) {
      progress(`${page.name}, ${form.name}: run ${i}/${RUNS}`);
      try {
        const lhr = await once(page.url, form.config);
        for (const w of lhr.runWarnings || []) warnings.add(w);
        if (outDir) fs.writeFileSync(path.join(outDir, `${page.name.replace(' ', '-')}-${form.name}-${i}.json`), JSON.stringify(lhr));
        if (lhr.runtimeError) errors.push(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        else runs.push(metrics(lhr));
      } catch (e) {
        errors.push(e.message);
      }
    }
    rows.push({ page, form, runs, errors });
  }
}

progress('');

// --- installability (Lighthouse 12 has no PWA audits: ask Chromium itself) ---------------
// The map list in a profile on disk (Chromium checks no installability in incognito), once
// the service worker controls it: the DevTools protocol's manifest and installability errors.
async function installability() {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'trailmap-install-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROME, args: FLAGS });
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(base);
    await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    const { installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors');
    const problems = [...manifest.errors.map((e) => `manifest: ${e.message}`),
      ...errors.map((e) => `${e.errorId}${e.errorArguments?.length ? ` (${e.errorArguments.map((a) => `${a.name}=${a.value}`).join(', ')})` : ''}`)];
    return problems.length
      ? `installable (Chromium's installability check): NO: ${problems.join('; ')}`
      : `installable (Chromium's installability check): yes, no errors; manifest ${manifest.url.replace(base, '')}, service worker controls the page`;
  } catch (e) {
    return `installable (Chromium's installability check): could not check: ${e.message}`;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// --- table ------------------------------------------------------------------------------
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const msf = (ms) => `${Math.round(ms)} ms`;
console.log(`Lighthouse ${lhVersion}, Chromium ${chromeVersion || '?'} (headless), ${base}, median of ${RUNS} run${RUNS > 1 ? 's' : ''};`);
console.log(`mobile: Lighthouse's default (Moto G Power, simulated slow 4G, 4× CPU); desktop: its desktop preset.`);
console.log(hasPwa ? 'categories: performance, PWA' : `categories: performance (no PWA/installability audits in Lighthouse ${lhVersion}: removed in 12.0)`);
const head = ['page', 'form', 'perf', '(range)', 'LCP', 'FCP', 'TBT', 'longest task', 'transfer', ...(hasPwa ? ['PWA', 'installable'] : []), 'goal', ''];
const table = [head];
let failedRows = 0;
for (const { page, form, runs, errors } of rows) {
  if (!runs.length) {
    failedRows++;
    table.push([page.name, form.name, '—', '', '', '', '', '', '', ...(hasPwa ? ['', ''] : []), form.goalText, 'no run completed']);
    continue;
  }
  const m = Object.fromEntries(['score', 'lcp', 'fcp', 'tbt', 'longest', 'bytes', 'pwa', 'seenFcp', 'seenLcp'].map((k) => [k, median(runs.map((r) => r[k]))]));
  const scores = runs.map((r) => r.score);
  const range = runs.length > 1 ? `(${Math.min(...scores)}–${Math.max(...scores)})` : '';
  table.push([page.name, form.name, String(m.score), range, sec(m.lcp), sec(m.fcp), msf(m.tbt),
    m.longest ? msf(m.longest) : '< 50 ms', `${(m.bytes / 1024).toFixed(0)} KB`,
    ...(hasPwa ? [String(m.pwa), runs.every((r) => r.installable) ? 'yes' : 'no'] : []),
    form.goalText, (form.goal(m) ? 'met' : 'MISSED') + (errors.length ? ` (${errors.length} run(s) failed)` : '')]);
}
const widths = head.map((_, c) => Math.max(...table.map((r) => r[c].length)));
const numeric = new Set([2, 4, 5, 6, 7, 8]);
for (const r of table) console.log(r.map((v, c) => (numeric.has(c) ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join('  ').trimEnd());
console.log('longest task: the longest main-thread task Lighthouse reports (it lists those of 50 ms or more).');
console.log('transfer: all bytes the page loaded over the wire, gzipped as tests/e2e/server.mjs (like GitHub Pages) serves them.');
// Lighthouse's LCP is simulated from the trace: every request that ended before the
// observed LCP counts, so an LCP observed after the wasm arrived charges its download.
console.log('observed (unthrottled trace, median): ' + rows.filter((r) => r.runs.length).map(({ page, form, runs }) => {
  const [f, l] = ['seenFcp', 'seenLcp'].map((k) => median(runs.map((r) => r[k])));
  return `${page.name} ${form.name} FCP ${msf(f)}, LCP ${msf(l)}${Math.abs(l - f) < 1 ? ' (one paint)' : ''}`;
}).join('; '));
for (const { page, form, errors } of rows) for (const e of errors) console.log(`failed run (${page.name}, ${form.name}): ${e}`);
for (const w of warnings) console.log(`Lighthouse warning: ${w}`);
if (!hasPwa) console.log(await installability());
console.log(`took ${Math.round((Date.now() - started) / 1000)} s`);
cleanup();
process.exit(failedRows === rows.length ? 1 : 0);
