// Largest Contentful Paint as Chromium itself reports it (PerformanceObserver), on the map
// list and on a share link, with a phone's limits applied for real: CPU 4x slower,
// 1.6 Mbit/s down, 150 ms round trips, a 412 x 823 screen. Lighthouse's default run
// *simulates* those limits from an unthrottled trace, and its LCP estimate swings between
// runs when the wasm download overlaps the first paint; this measures what a phone would
// see. Prints each page's LCP element and the median of RUNS runs (default 5).
//   node bench/lcp.mjs            (after scripts/build.sh --release)
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';

const RUNS = Number(process.env.RUNS || 5);
const server = await startServer({ DIST_DIR: process.env.DIST_DIR || 'dist' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const payload = fs.readFileSync('tests/fixtures/share/v3-hand-made.link', 'utf8').trim();
// Links from today's share panel carry the map's title after the payload (…?t=<title>,
// spaces as +) for the viewer's first paint; links made before that do not.
const title = JSON.parse(fs.readFileSync('tests/fixtures/share/v3-hand-made.json', 'utf8')).scope.title;
const hint = `?t=${encodeURIComponent(title.trim()).replace(/%20/g, '+')}`;
const pages = [
  { name: 'map list', url: server.base, ready: () => !document.getElementById('boot') },
  { name: 'share link', url: `${server.base}view/#/s/${payload}${hint}`, ready: () => !!document.querySelector('li.card, .story-stage') },
  { name: 'share link made before title hints', url: `${server.base}view/#/s/${payload}`, ready: () => !!document.querySelector('li.card, .story-stage') },
];
try {
  for (const p of pages) {
    const times = [];
    let element = '';
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await page.addInitScript(() => {
        window.__lcp = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            const el = e.element;
            window.__lcp.push({ t: e.startTime, what: el ? `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent || '').trim().slice(0, 40)}”${el.closest('#boot') ? ' (static frame)' : ''}` : '(removed)' });
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(p.url);
      await page.waitForFunction(p.ready, null, { timeout: 60_000 });
      await page.waitForTimeout(1000);
      const entries = await page.evaluate(() => window.__lcp);
      const last = entries[entries.length - 1];
      times.push(last.t);
      element = last.what;
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`${p.name.padEnd(11)} LCP median ${(median / 1000).toFixed(2)} s of ${RUNS} (range ${(times[0] / 1000).toFixed(2)}–${(times[times.length - 1] / 1000).toFixed(2)} s); element: ${element}`);
  }
} finally {
  await browser.close();
  server.close();
}
