// The app shell: loads under a sub-path, routes survive a reload, crashes show a panel.
import { test, expect, openApp } from './fixtures.mjs';

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

test('an unknown route shows a way back', async ({ page }) => {
  await openApp(page, '#/nowhere');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await page.getByRole('link', { name: 'Go to your maps' }).click();
  await expect(page.getByRole('heading', { name: 'Your journey maps' })).toBeVisible();
});

test('a crash shows a panel that downloads the data instead of a blank page', async ({ page }) => {
  page.allowProblems(/self-test: a deliberate crash|unreachable/);
  await openApp(page);
  await page.evaluate(() => localStorage.setItem('trailmap:e2e-marker', 'kept'));
  await page.goto('#/selftest/crash');
  const panel = page.getByRole('alertdialog');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Trailmap stopped because of an error');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('link', { name: 'Download my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('trailmap-recovery.json');
  const body = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
  expect(body.type).toBe('trailmap/recovery');
  expect(body.storage['trailmap:e2e-marker']).toBe('kept');
});
