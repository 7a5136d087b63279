// Chart benchmark (figures, not a test): in Debian's Chromium with the release build,
// redraws on a canvas the emotion curve of 400 touchpoints × 8 stakeholders (1400 × 460)
// and the influence–interest matrix of 60 stakeholders (640 × 700), 31 runs each.
// Target ≤ 8 ms per redraw.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const port = 4500 + Math.floor(Math.random() * 400);
const server = spawn('node', ['tests/e2e/server.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'pipe' });
await new Promise((r) => server.stdout.once('data', r));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/trailmap/#/selftest/chart-bench`);
  const result = page.getByTestId('bench-result');
  await result.filter({ hasText: '{' }).waitFor({ timeout: 120_000 });
  const r = JSON.parse(await result.textContent());
  if (r.error) throw new Error(r.error);
  console.log(`chart benchmark (canvas, ${r.runs} redraws each):`);
  console.log(`emotion curve, 400 touchpoints × 8 stakeholder lines: median ${r.curve_median_ms.toFixed(1)} ms, p95 ${r.curve_p95_ms.toFixed(1)} ms   target ≤ 8 ms`);
  console.log(`matrix, 60 stakeholders:                               median ${r.matrix_median_ms.toFixed(1)} ms, p95 ${r.matrix_p95_ms.toFixed(1)} ms   target ≤ 8 ms`);
} finally {
  await browser.close();
  server.kill();
}
