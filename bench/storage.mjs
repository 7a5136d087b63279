// Storage benchmark (figures, not a test): in Debian's Chromium, with the release build,
// saves and loads a ~1 MB map in localStorage on the main thread (serialize + write;
// read + parse + tolerant restore), 21 runs; prints median and p95.
// Targets: save ≤ 10 ms, load ≤ 30 ms.
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
  await page.goto(`http://127.0.0.1:${port}/trailmap/#/selftest/storage-bench`);
  const result = page.getByTestId('bench-result');
  await result.filter({ hasText: '{' }).waitFor({ timeout: 120_000 });
  const r = JSON.parse(await result.textContent());
  if (r.error) throw new Error(r.error);
  console.log(`storage benchmark: map of ${(r.bytes / 1024 / 1024).toFixed(2)} MB (${r.bytes} characters), ${r.runs} runs, main thread`);
  console.log(`save (serialize + localStorage write): median ${r.save_median_ms.toFixed(1)} ms, p95 ${r.save_p95_ms.toFixed(1)} ms   target ≤ 10 ms`);
  console.log(`  of which serialize ${r.serialize_median_ms.toFixed(1)} ms, localStorage write ${r.write_median_ms.toFixed(1)} ms (medians, measured alone)`);
  console.log(`load (read + parse + restore):         median ${r.load_median_ms.toFixed(1)} ms, p95 ${r.load_p95_ms.toFixed(1)} ms   target ≤ 30 ms`);
} finally {
  await browser.close();
  server.kill();
}
