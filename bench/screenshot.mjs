// Takes headless-Chromium screenshots of the built app (dist/) for a look at the UI.
//   node bench/screenshot.mjs <out.png> [hash] [width] [height] [dpr] [setup-js]
// Serves dist/ under /trailmap/ itself. `setup-js` (may use await) runs in the page before
// the shot.
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';

const [out = 'target/shot.png', hash = '#/', w = '1400', h = '900', dpr = '1', setup = ''] = process.argv.slice(2);
const server = await startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: +w, height: +h }, deviceScaleFactor: +dpr });
  page.on('console', (m) => { if (m.type() === 'error') console.error('console error:', m.text()); });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${server.base}${hash}`);
  // The app has taken over from index.html's static loading frame.
  await page.waitForFunction(() => !document.getElementById('boot') && document.querySelector('.app-header'));
  if (setup) await page.evaluate(`(async () => { ${setup} })()`);
  await page.waitForTimeout(400);
  await page.screenshot({ path: out });
  console.log('wrote', out);
} finally {
  await browser.close();
  server.close();
}
