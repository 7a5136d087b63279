// The share-link viewer (view/) on real content: axe-core finds no violations (label in
// name included) on every view and panel of real shared maps, and the whole viewer works
// from the keyboard.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';

const payload = (name) =>
  fs.readFileSync(`tests/fixtures/share/${name}.link`, 'utf8').trim().replace(/^.*#\/s\//, '');

async function expectNoViolations(page, what) {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

for (const name of ['v3-b2b-saas', 'v3-six-stage-b2b']) {
  test(`the viewer has no axe violations on every view of a real map (${name})`, async ({ page }) => {
    await page.goto('view/#/s/' + payload(name));
    // Rows are drawn a few per task: wait for all of them.
    const lanes = JSON.parse(fs.readFileSync(`tests/fixtures/share/${name}.json`, 'utf8')).lanes.length;
    await expect(page.locator('tr.lane')).toHaveCount(lanes);
    await expectNoViolations(page, 'the grid');
    await page.locator('li.card.kind-touchpoints').first().getByRole('button', { name: /Details/ }).click();
    await expectNoViolations(page, 'a touchpoint card');
    const pain = page.locator('li.card.kind-pain-points').first();
    if (await pain.count()) {
      await pain.getByRole('button', { name: /Details/ }).click();
      await expectNoViolations(page, 'a pain point card');
    }
    await page.getByRole('button', { name: 'About this map' }).click();
    await expectNoViolations(page, 'the about panel');
    await page.getByLabel('Group lanes').selectOption('by');
    await expect(page.locator('tr.group-head').first()).toBeVisible();
    await expect(page.locator('tr.lane')).toHaveCount(lanes * await page.locator('tr.group-head').count());
    await expectNoViolations(page, 'the grid grouped by stakeholder');
    await page.getByRole('tab', { name: 'Emotion curve' }).click();
    await page.getByText('Show the data as a table').click();
    await expectNoViolations(page, 'the emotion curve');
    await page.getByRole('tab', { name: 'Stakeholders' }).click();
    await expectNoViolations(page, 'the stakeholders');
  });
}

test('the protected-link form and a bad link have no axe violations', async ({ page }) => {
  const encrypted = fs.readFileSync('tests/fixtures/share/v3-b2b-saas.encrypted', 'utf8').trim().replace(/^.*#\/s\//, '');
  await page.goto('view/#/s/' + encrypted);
  await expect(page.getByTestId('share-locked')).toBeVisible();
  await expectNoViolations(page, 'the passphrase form');
  await page.goto('about:blank');
  await page.goto('view/#/s/AQ');
  await expect(page.getByTestId('share-error')).toBeVisible();
  await expectNoViolations(page, 'a bad link');
});

test('the viewer works from the keyboard: tabs, a card, its details and back', async ({ page }) => {
  await page.goto('view/#/s/' + payload('v3-b2b-saas'));
  await expect(page.locator('li.card').first()).toBeVisible();
  // Tab to the first card's Details button and open it with Enter.
  const details = page.locator('li.card').first().getByRole('button', { name: /Details/ });
  for (let i = 0; i < 30 && !(await details.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(details).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('card-panel')).toBeVisible();
  await page.getByRole('button', { name: 'Close details' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('card-panel')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Emotion curve' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('curve-canvas')).toBeVisible();
});

test('a link with its title shows the title from static HTML before the wasm, in the place the map then takes', async ({ page }) => {
  const map = JSON.parse(fs.readFileSync('tests/fixtures/share/v3-hand-made.json', 'utf8'));
  const title = map.scope.title;
  const hint = encodeURIComponent(title).replace(/%20/g, '+');
  // Hold the viewer's wasm back until the static frame has been looked at.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/view\/.*\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`view/#/s/${payload('v3-hand-made')}?t=${hint}`, { waitUntil: 'domcontentloaded' });
  const early = page.locator('#boot-title');
  await expect(early).toHaveText(title);
  await expect(page.locator('#boot')).toContainText('Opening the map…');
  await expect(page.locator('#boot')).toContainText('Shared map, read-only.');
  const before = await early.boundingBox();
  release();
  await expect(page.getByTestId('shared-title')).toHaveText(title, { timeout: 15_000 });
  await expect(page.locator('#boot')).toHaveCount(0);
  const after = await page.getByTestId('shared-title').boundingBox();
  // Nothing moved: the map's own title sits where the static one was.
  expect(Math.abs(after.x - before.x)).toBeLessThan(1);
  expect(Math.abs(after.y - before.y)).toBeLessThan(1);
  expect(Math.abs(after.height - before.height)).toBeLessThan(1);
  await expectNoViolations(page, 'a shared map opened from a link with its title');
});

test('the title a link carries is only a first glimpse: the map shows its own, and hostile text stays text', async ({ page }) => {
  const map = JSON.parse(fs.readFileSync('tests/fixtures/share/v3-b2b-saas.json', 'utf8'));
  await page.goto(`view/#/s/${payload('v3-b2b-saas')}?t=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}`);
  await expect(page.getByTestId('shared-title')).toHaveText(map.scope.title, { timeout: 15_000 });
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  // A damaged hint is ignored: the plain frame, then the map.
  await page.goto('about:blank');
  await page.goto(`view/#/s/${payload('v3-b2b-saas')}?t=%E2%80`);
  await expect(page.getByTestId('shared-title')).toHaveText(map.scope.title, { timeout: 15_000 });
});
