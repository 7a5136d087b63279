// The app shell: loads under a sub-path, routes survive a reload, crashes show a panel.
import { test, expect, openApp, appReady } from './fixtures.mjs';

test('loads under /trailmap/ with a sample map ready', async ({ page }) => {
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Your journey maps' })).toBeVisible();
  await expect(page.getByTestId('map-list').getByRole('link').first()).toBeVisible();
  expect(failed).toEqual([]);
});

test('a deep link to a map survives a reload', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/map\//);
  const title = await page.getByTestId('map-title-input').inputValue();
  expect(title).not.toBe('');
  await page.reload();
  await expect(page.getByTestId('map-title-input')).toHaveValue(title);
});

test('the site opens on the lean map list; a map opens in the editor page, old map addresses too', async ({ page }) => {
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await openApp(page);
  // The first visit downloads the map list's bundle only: no editor, no link coder.
  expect(wasm).toEqual([expect.stringMatching(/^\/trailmap\/trailmap-[0-9a-f]+_bg\.wasm$/)]);
  const first = page.getByTestId('map-list').getByRole('link').first();
  const title = await first.textContent();
  await first.click();
  await expect(page).toHaveURL(/\/trailmap\/edit\/#\/map\/[\w-]+$/);
  await expect(page.getByTestId('map-title-input')).toHaveValue(title);
  expect(wasm.slice(1)).toEqual([expect.stringMatching(/^\/trailmap\/edit\/editor-[0-9a-f]+_bg\.wasm$/)]);
  // Back to the list: within the editor page, no new download.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your maps' }).click();
  await expect(page.getByRole('heading', { name: 'Your journey maps' })).toBeVisible();
  expect(wasm).toHaveLength(2);
  // A map address of the list page (a bookmark from before the split) opens the editor.
  const id = /#\/map\/([\w-]+)/.exec(await first.getAttribute('href'))[1];
  await page.goto(`#/map/${id}`);
  await expect(page).toHaveURL(new RegExp(`/trailmap/edit/#/map/${id}$`));
  await expect(page.getByTestId('map-title-input')).toHaveValue(title);
  // A template chosen on the list page is saved there and opens in the editor page.
  await openApp(page);
  await page.getByRole('button', { name: /B2B SaaS \(enterprise\)/ }).click();
  await expect(page).toHaveURL(/\/trailmap\/edit\/#\/map\//);
  await expect(page.getByTestId('map-title-input')).not.toHaveValue('');
});

test('an unknown route shows a way back', async ({ page }) => {
  await openApp(page, '#/nowhere');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await page.getByRole('link', { name: 'Go to your maps' }).click();
  await expect(page.getByRole('heading', { name: 'Your journey maps' })).toBeVisible();
});

test('a crash shows a panel that downloads the data instead of a blank page', async ({ page }) => {
  page.allowProblems(/self-test: a deliberate crash|unreachable/);
  // The crash page is test code: only the self-test build has it (same origin, same storage).
  await page.goto('/trailmap-selftest/');
  await expect(page.getByRole('heading', { name: 'Your journey maps' })).toBeVisible();
  await page.evaluate(() => localStorage.setItem('trailmap:e2e-marker', 'kept'));
  await page.goto('/trailmap-selftest/#/selftest/crash');
  const panel = page.getByRole('alertdialog');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Trailmap stopped because of an error');
  // Reload is a plain link (no inline handler: the Content-Security-Policy refuses those),
  // a full load of the same route.
  await expect(panel.getByRole('link', { name: 'Reload' })).toHaveAttribute('href', /^\/trailmap-selftest\/edit\/\?reload=\d+#\/selftest\/crash$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('link', { name: 'Download my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('trailmap-recovery.json');
  const body = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
  expect(body.type).toBe('trailmap/recovery');
  expect(body.storage['trailmap:e2e-marker']).toBe('kept');
});

test('the production build has no self-test pages', async ({ page }) => {
  await openApp(page, '#/selftest/large-map');
  await expect(page.getByTestId('not-found')).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.some((k) => k.includes('bench'))).toBe(false);
});

test('the page shows its frame while the app loads, and nothing moves when it takes over', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('#/');
  await expect(page.getByRole('status')).toHaveText('Loading Trailmap…');
  await expect(page.locator('.app-header .brand')).toHaveText('Trailmap');
  const before = await page.locator('.app-header').boundingBox();
  release();
  await appReady(page);
  await expect(page.getByRole('heading', { name: 'Your journey maps' })).toBeVisible();
  await expect(page.locator('.app-header')).toHaveCount(1);
  expect(await page.locator('.app-header').boundingBox()).toEqual(before);
  expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.01);
});
