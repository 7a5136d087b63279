import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { startServer } from './serve.mjs';
const server = await startServer({ DIST_DIR: process.env.DIST || 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const payload = fs.readFileSync('tests/fixtures/share/' + (process.env.FIX || 'v3-hand-made') + '.link', 'utf8').trim();
for (let run = 0; run < 3; run++) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE || 1) });
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.base}view/#/s/${payload}`);
  await page.waitForSelector('li.card');
  await page.waitForTimeout(1000);
  console.log(JSON.stringify(await page.evaluate(() => ({ marks: performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)]), long: window.__long }))));
  await page.close();
}
await browser.close(); server.close();
