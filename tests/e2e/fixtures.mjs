// Shared fixtures: every page fails its test on any console error or uncaught exception.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
    page.allowProblems = (pattern) => {
      page._allowed = pattern;
    };
    await use(page);
    const real = page._allowed ? problems.filter((p) => !page._allowed.test(p)) : problems;
    expect(real, 'console errors or uncaught exceptions').toEqual([]);
  },
});

export { expect };

/** Opens the app at `hash` with empty storage and waits until it has rendered. */
export async function openApp(page, hash = '#/') {
  await page.goto(hash);
  await appReady(page);
}

/** Waits until the app has replaced index.html's static loading frame. */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('boot') && document.querySelector('.app-header'));
}
