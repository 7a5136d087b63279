// Shared by the benchmark scripts: serve dist/ under /trailmap/ and drive Debian's Chromium.
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';

/** Starts the server and a browser; returns { browser, base, close }. */
export async function startApp() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = async () => { await browser.close(); server.close(); };
  return { browser, base: server.base, close };
}

/** Opens a self-test page and returns the JSON it prints. */
export async function selfTestResult(browser, base, name) {
  const page = await browser.newPage();
  await page.goto(`${base}edit/#/selftest/${name}`);
  const result = page.getByTestId('bench-result');
  await result.filter({ hasText: '{' }).waitFor({ timeout: 120_000 });
  const r = JSON.parse(await result.textContent());
  if (r.error) throw new Error(r.error);
  return r;
}

/** Figures of a list of timings: upper median, nearest-rank p95, and "12.3 ms". */
const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
export const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];
export const ms = (x) => `${x.toFixed(1)} ms`;
