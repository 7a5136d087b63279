// Sharing by link: the whole map in the fragment, opened read-only in the lean viewer page
// (view/) in a fresh browser profile, saved as a copy; passphrase links; bad links get
// clear messages; links made before the viewer existed still open.
import fs from 'node:fs';
import { test, expect, openApp } from './fixtures.mjs';

async function makeLink(page) {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  // The payload, then the map's title for the viewer's first paint.
  expect(link).toMatch(/\/trailmap\/view\/#\/s\/[A-Za-z0-9_-]+\?t=[^&#]+$/);
  const title = await page.getByTestId('map-title-input').inputValue();
  expect(decodeURIComponent(link.split('?t=')[1].replace(/\+/g, ' '))).toBe(title);
  return link;
}

test('a link opens the same map read-only in a fresh profile, and a copy can be saved', async ({ page, browser }) => {
  const link = await makeLink(page);
  const title = await page.getByTestId('map-title-input').inputValue();
  // The sample map's link is longer than a QR code can hold: the panel says so.
  if (link.length > 2900) await expect(page.getByTestId('share-panel')).toContainText('too long for a QR code');
  else await expect(page.getByTestId('share-qr').locator('svg')).toBeVisible();
  // A fresh profile: new context, empty storage.
  const context = await browser.newContext();
  const viewer = await context.newPage();
  const errors = [];
  viewer.on('pageerror', (e) => errors.push(e.message));
  viewer.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await viewer.goto(link);
  await expect(viewer.getByTestId('shared-banner')).toContainText('read-only');
  await expect(viewer.getByTestId('shared-title')).toHaveText(title);
  await expect(viewer.locator('li.card').first()).toBeVisible();
  // Read-only: no text box, no add or delete buttons.
  await expect(viewer.locator('textarea, input:not([type=password])')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /Add|Delete/ })).toHaveCount(0);
  // A card's details, read-only.
  await viewer.locator('li.card.kind-touchpoints').first().getByRole('button', { name: /Details/ }).click();
  await expect(viewer.getByTestId('card-panel')).toContainText('Emotion');
  await viewer.getByRole('button', { name: 'Close details' }).click();
  await viewer.getByRole('button', { name: 'Save a copy to my maps' }).click();
  // The copy opens in the app (the page beside the viewer), editable, and says what happened.
  await expect(viewer).toHaveURL(/\/trailmap\/edit\/#\/map\//);
  await expect(viewer.getByTestId('map-title-input')).toHaveValue(title);
  await expect(viewer.getByTestId('map-title-input')).not.toHaveAttribute('readonly', '');
  await expect(viewer.getByText('Saved a copy to your maps')).toBeVisible();
  await viewer.goto(link.replace(/view\/#.*/, '#/'));
  await expect(viewer.getByTestId('map-list')).toContainText(title);
  expect(errors).toEqual([]);
  await context.close();
});

test('a passphrase link opens only with the passphrase', async ({ page, browser }) => {
  await makeLink(page);
  const panel = page.getByTestId('share-panel');
  await panel.getByLabel('Passphrase').fill('correct horse battery');
  await panel.getByRole('button', { name: 'Create protected link' }).click();
  const link = await page.getByTestId('protected-link').inputValue({ timeout: 20_000 });
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await viewer.goto(link);
  await expect(viewer.getByTestId('share-locked')).toBeVisible();
  await viewer.getByLabel('Passphrase').fill('wrong horse');
  await viewer.getByRole('button', { name: 'Open the map' }).click();
  await expect(viewer.getByRole('alert')).toContainText('does not open this map', { timeout: 20_000 });
  await viewer.getByLabel('Passphrase').fill('correct horse battery');
  await viewer.getByRole('button', { name: 'Open the map' }).click();
  await expect(viewer.getByTestId('shared-banner')).toBeVisible({ timeout: 20_000 });
  await expect(viewer.locator('li.card').first()).toBeVisible();
  await context.close();
});

test('bad links get a clear message, never a blank page', async ({ page }) => {
  const link = await makeLink(page);
  const payload = link.split('#/s/')[1].split('?')[0];
  const cases = [
    [payload.slice(0, Math.floor(payload.length / 2)), /cut off|damaged/],
    [payload.slice(0, 20) + '$%' + payload.slice(22), /changed on the way/],
    ['BA' + payload.slice(2), /newer version of Trailmap/],
    ['AQ', /cut off/],
  ];
  for (const [bad, message] of cases) {
    await page.goto('about:blank');
    await page.goto(link.replace(/#.*/, '#/s/' + bad));
    await expect(page.getByTestId('share-error')).toContainText(message);
    await expect(page.getByRole('link', { name: 'Go to your maps' })).toBeVisible();
  }
});

test('hostile text in a shared map renders as text', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /Blank map/ }).click();
  await page.getByTestId('map-title-input').fill('<img src=x onerror="window.__pwned=1">');
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByLabel('Stage name').fill('<script>window.__pwned=2</script>');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  // A small map's link fits in a QR code for the projector.
  await expect(page.getByTestId('share-qr').locator('svg')).toBeVisible();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByTestId('shared-title')).toHaveText('<img src=x onerror="window.__pwned=1">');
  await expect(page.locator('.stage-name-text')).toHaveText('<script>window.__pwned=2</script>');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('img[src=x]').count()).toBe(0);
});

test('the link follows edits made while the share panel is open', async ({ page }) => {
  const before = await makeLink(page);
  await page.getByTestId('map-title-input').fill('Renamed while sharing');
  const field = page.getByTestId('share-link');
  await expect(field).not.toHaveValue(before);
  const after = await field.inputValue();
  await page.goto('about:blank');
  await page.goto(after);
  await expect(page.getByTestId('shared-banner')).toBeVisible();
  await expect(page.getByTestId('shared-title')).toHaveText('Renamed while sharing');
});

test('a link too long for mail says so and offers the file instead', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /Blank map/ }).click();
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByRole('button', { name: /Add touchpoint/ }).click();
  // Interview notes that do not compress much: words drawn with a fixed seed.
  let seed = 7;
  const rand = () => { seed = (seed * 48271) % 2147483647; return seed; };
  const words = Array.from({ length: 900 }, () => Math.floor(rand() % 1e6).toString(36));
  await page.keyboard.insertText(words.join(' '));
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByTestId('share-panel');
  const link = await page.getByTestId('share-link').inputValue();
  expect(link.length).toBeGreaterThan(2048);
  const advice = page.getByTestId('share-link-advice');
  await expect(advice).toContainText(link.length > 4000 ? 'longer than 4,000 characters' : 'longer than 2,048 characters');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    advice.getByRole('button', { name: 'Download the map file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.trailmap\.json$/);
  // A weak passphrase is named as such and refused; a good one is accepted.
  await panel.getByLabel('Passphrase').fill('secret123');
  await expect(panel.getByTestId('passphrase-strength')).toContainText('Weak');
  await panel.getByRole('button', { name: 'Create protected link' }).click();
  await expect(page.getByText('That passphrase is easy to guess')).toBeVisible();
  await expect(page.getByTestId('protected-link')).toHaveCount(0);
  await panel.getByLabel('Passphrase').fill('Seven quiet lanterns drift');
  await expect(panel.getByTestId('passphrase-strength')).toContainText('Strong');
});

test('a small map\'s link gets no length warning', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /Blank map/ }).click();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByTestId('share-qr').locator('svg')).toBeVisible();
  await expect(page.getByTestId('share-link-advice')).toHaveCount(0);
});

test('links made before the viewer existed (…/trailmap/#/s/…) open in the viewer', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // Frozen fixture links of formats 1, 2 and 3, with their maps' titles.
  for (const name of ['v1-b2b-saas', 'v2-six-stage-b2b', 'v3-b2b-saas']) {
    const dir = 'tests/fixtures/share/';
    const payload = fs.readFileSync(dir + name + '.link', 'utf8').trim().replace(/^.*#\/s\//, '');
    const title = JSON.parse(fs.readFileSync(dir + name + '.json', 'utf8')).scope.title;
    await page.goto('about:blank');
    await page.goto('#/s/' + payload);
    await expect(page).toHaveURL(/\/trailmap\/view\/#\/s\//);
    await expect(page.getByTestId('shared-title')).toHaveText(title);
    await expect(page.locator('li.card').first()).toBeVisible();
  }
  // A link pasted into the app's own tab (only the fragment changes) goes there too.
  await openApp(page);
  const payload = fs.readFileSync('tests/fixtures/share/v3-b2b-saas.link', 'utf8').trim().replace(/^.*#\/s\//, '');
  await page.evaluate((p) => { location.hash = '#/s/' + p; }, payload);
  await expect(page).toHaveURL(/\/trailmap\/view\/#\/s\//);
  await expect(page.getByTestId('shared-banner')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the viewer shows the charts and the stakeholders, read-only', async ({ page }) => {
  const payload = fs.readFileSync('tests/fixtures/share/v3-b2b-saas.link', 'utf8').trim().replace(/^.*#\/s\//, '');
  await page.goto('view/#/s/' + payload);
  await page.getByRole('tab', { name: 'Emotion curve' }).click();
  await expect(page.getByTestId('curve-canvas')).toBeVisible();
  await page.getByRole('tab', { name: 'Stakeholders' }).click();
  await expect(page.locator('.register table tbody tr').first()).toBeVisible();
  await page.getByRole('button', { name: 'About this map' }).click();
  await expect(page.getByTestId('about-panel')).toContainText('Objective');
  await expect(page.getByRole('button', { name: /Add|Delete/ })).toHaveCount(0);
});

test('an address with no map in it says so', async ({ page }) => {
  await page.goto('view/');
  await expect(page.getByTestId('share-error')).toContainText('holds no shared map');
  await page.getByRole('link', { name: 'Go to your maps' }).click();
  await expect(page.getByTestId('map-list')).toBeVisible();
});
