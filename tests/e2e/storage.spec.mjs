// Persistence, driven like a user, and every storage fault reproduced in the browser:
// nothing the user had is lost.
import { test, expect, openApp } from './fixtures.mjs';

async function newMapWithTouchpoint(page, text = 'Kickoff call') {
  await openApp(page);
  await page.getByRole('button', { name: /Blank map/ }).click();
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByRole('button', { name: /Add touchpoint/ }).click();
  await page.keyboard.type(text);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  return page.url();
}

/** Closes the page as the user would, running its beforeunload handlers; returns whether
 * the browser asked before leaving (the dialog is then dismissed: stay on the page). */
async function asksBeforeLeaving(page) {
  let asked = false;
  page.on('dialog', async (d) => {
    if (d.type() === 'beforeunload') asked = true;
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  // The dialog, if any, comes while the page is still open; give it a moment to show.
  await expect.poll(() => asked, { timeout: 3_000 }).toBe(true).catch(() => {});
  return asked;
}

test('an edit survives a reload', async ({ page }) => {
  await newMapWithTouchpoint(page, 'Implementation kickoff');
  await page.getByTestId('map-title-input').fill('Reload test map');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Implementation kickoff');
  await expect(page.getByTestId('map-title-input')).toHaveValue('Reload test map');
  await page.goto('#/');
  await expect(page.getByTestId('map-list')).toContainText('Reload test map');
});

test('changes are flushed when the tab is hidden', async ({ page }) => {
  await newMapWithTouchpoint(page);
  await page.getByLabel('Touchpoint text').fill('Typed just before switching tabs');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trailmap:map:')).map((k) => localStorage.getItem(k)).join());
  expect(stored).toContain('Typed just before switching tabs');
});

test('storage full: a banner, edits kept, export offered, saving resumes when space frees', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (window.__full && k.startsWith('trailmap:')) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  await newMapWithTouchpoint(page);
  await page.evaluate(() => { window.__full = true; });
  await page.getByLabel('Touchpoint text').fill('Written while storage is full');
  await expect(page.getByTestId('quota-banner')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: storage is full');
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Written while storage is full');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this map' }).first().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.trailmap\.json$/);
  // Space frees up: the retry saves without any action.
  await page.evaluate(() => { window.__full = false; });
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved', { timeout: 10_000 });
  await expect(page.getByTestId('quota-banner')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Written while storage is full');
});

test('storage failing mid-session: the editor says so, offers export, and leaving asks first', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (window.__full && k.startsWith('trailmap:')) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  await newMapWithTouchpoint(page);
  await page.evaluate(() => { window.__full = true; });
  await page.getByLabel('Touchpoint text').fill('Not stored yet');
  await expect(page.getByTestId('quota-banner')).toContainText('not saved');
  await expect(page.getByTestId('save-status')).not.toHaveText('All changes saved');
  await expect(page.getByRole('button', { name: 'Export this map' })).toBeVisible();
  expect(await asksBeforeLeaving(page)).toBe(true);
});

test('storage blocked from the start: every screen says work is not kept, export is one click away, leaving asks first', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await openApp(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Maps are not being saved' })).toContainText('lost when you close this tab');
  await expect(page.getByRole('button', { name: 'Export all maps' })).toBeVisible();
  await page.getByRole('button', { name: /Blank map/ }).click();
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByRole('button', { name: /Add touchpoint/ }).click();
  await page.keyboard.type('Only in this tab');
  const banner = page.getByTestId('not-kept-banner');
  await expect(banner).toContainText('This map is not being kept');
  await expect(banner).toContainText('lost when you close it');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: kept in this tab only');
  await page.waitForTimeout(600); // past the autosave: the status still must not say saved
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: kept in this tab only');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this map' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.trailmap\.json$/);
  // Duplicating on the map list says where the copy lives.
  await page.getByRole('link', { name: 'Your maps' }).click();
  await page.getByRole('button', { name: /^Duplicate Untitled journey map/ }).click();
  await expect(page.getByTestId('toasts')).toContainText('kept in this tab only');
  expect(await asksBeforeLeaving(page)).toBe(true);
});

test('leaving with everything saved does not ask', async ({ page }) => {
  await newMapWithTouchpoint(page, 'Saved before leaving');
  expect(await asksBeforeLeaving(page)).toBe(false);
});

test('storage unavailable: the app works in memory with a banner', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await openApp(page);
  await expect(page.getByRole('alert')).toContainText('Maps are not being saved');
  await page.getByRole('button', { name: /Blank map/ }).click();
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByRole('button', { name: /Add touchpoint/ }).click();
  await page.keyboard.type('Still editable in memory');
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Still editable in memory');
  await page.getByRole('link', { name: 'Your maps' }).click();
  await expect(page.getByTestId('map-list')).toContainText('Untitled journey map');
});

test('a corrupt entry is set aside, the user is told, and the other maps load', async ({ page }) => {
  await newMapWithTouchpoint(page, 'Good map card');
  await page.evaluate(() => localStorage.setItem('trailmap:map:broken1', '{"type":"trailmap/map","version":1,"map":{"scope": garbage'));
  await page.goto('#/');
  await page.reload();
  await expect(page.getByTestId('set-aside')).toContainText('1 saved map could not be read');
  await expect(page.getByTestId('map-list').locator('li.map-card')).toHaveCount(2); // sample + good map
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trailmap:corrupt:broken1:')).map((k) => localStorage.getItem(k)));
  expect(kept).toEqual(['{"type":"trailmap/map","version":1,"map":{"scope": garbage']);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('unreadable-map-broken1.json');
  // Told until dismissed, then not again; the set-aside copy stays.
  await page.reload();
  await expect(page.getByTestId('set-aside')).toBeVisible();
  await page.getByTestId('set-aside').locator('..').locator('..').getByRole('button', { name: 'Dismiss' }).click();
  await page.reload();
  await expect(page.getByTestId('map-list')).toBeVisible();
  await expect(page.getByTestId('set-aside')).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('trailmap:corrupt:broken1:')))).toBe(true);
});

test('a map from a newer version opens read-only and is never overwritten', async ({ page }) => {
  await openApp(page);
  const future = JSON.stringify({ type: 'trailmap/map', version: 99, revision: 4, savedAt: 1, map: {
    scope: { title: 'From the future' }, stages: [{ id: 1, name: 'Awareness' }],
    lanes: [{ id: 2, name: 'Touchpoints', kind: 'touchpoints' }],
    cards: [{ id: 3, stage: 1, lane: 2, text: 'Hologram demo', hologram: true }], next_id: 4 } });
  await page.evaluate((v) => localStorage.setItem('trailmap:map:future1', v), future);
  await page.goto('#/map/future1');
  await expect(page.getByText('This map was saved by a newer version of Trailmap')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Read-only');
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Hologram demo');
  await expect(page.getByLabel('Touchpoint text')).toHaveAttribute('readonly', '');
  await page.getByLabel('Touchpoint text').press('x');
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => localStorage.getItem('trailmap:map:future1'))).toBe(future);
});

test('two tabs on one map: no silent overwrite, the user chooses', async ({ page, context }) => {
  const url = await newMapWithTouchpoint(page, 'Original');
  const other = await context.newPage();
  const otherErrors = [];
  other.on('pageerror', (e) => otherErrors.push(e.message));
  await other.goto(url);
  await expect(other.getByLabel('Touchpoint text')).toHaveValue('Original');
  // Tab A saves first.
  await page.getByLabel('Touchpoint text').fill('Edited in tab A');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  // Tab B learns of it and does not overwrite it when it edits too.
  await expect(other.getByTestId('conflict-banner')).toBeVisible();
  await other.getByLabel('Touchpoint text').fill('Edited in tab B');
  await other.waitForTimeout(600);
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trailmap:map:')).map((k) => localStorage.getItem(k)).join());
  expect(await stored()).toContain('Edited in tab A');
  expect(await stored()).not.toContain('Edited in tab B');
  // Tab B keeps its version; tab A is told in turn.
  await other.getByRole('button', { name: 'Keep mine' }).click();
  await expect(other.getByTestId('save-status')).toHaveText('All changes saved');
  expect(await stored()).toContain('Edited in tab B');
  await expect(page.getByTestId('conflict-banner')).toBeVisible();
  await page.getByRole('button', { name: 'Load the other version' }).click();
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Edited in tab B');
  // Loading theirs is undoable: tab A's text is not lost.
  await page.getByTestId('toasts').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Edited in tab A');
  expect(otherErrors).toEqual([]);
});

test('snapshots: take one, view it, restore it', async ({ page }) => {
  await newMapWithTouchpoint(page, 'Q3 wording');
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const panel = page.getByTestId('history-panel');
  await panel.getByLabel('Snapshot name').fill('Q3 review');
  await panel.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(panel.locator('.version strong', { hasText: 'Q3 review' })).toBeVisible();
  await page.getByLabel('Touchpoint text').fill('Q4 wording');
  await panel.getByRole('button', { name: 'View Q3 review' }).click();
  await expect(page.getByTestId('preview-banner')).toContainText('Viewing “Q3 review”');
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Q3 wording');
  await page.getByRole('button', { name: 'Back to the current map' }).click();
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Q4 wording');
  // The history panel is still open where the user left it.
  await page.getByTestId('history-panel').getByRole('button', { name: 'Restore Q3 review' }).click();
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Q3 wording');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Q4 wording');
});

test('export then import: never overwrites without asking; bad files get a precise message', async ({ page }) => {
  await newMapWithTouchpoint(page, 'Exported card');
  await page.getByTestId('map-title-input').fill('Export me');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('Export me.trailmap.json');
  const file = await download.path();
  await page.goto('#/');
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByTestId('import-clash')).toContainText('“Export me” is already in your maps');
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByTestId('map-list')).toContainText('Export me (imported)');
  // A broken file: a precise message, and nothing changes.
  const before = await page.getByTestId('map-list').locator('li.map-card').count();
  await page.getByTestId('import-input').setInputFiles({ name: 'broken.trailmap.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "type": "trailmap/map",\n  "map": {,}\n}') });
  await expect(page.getByRole('alert')).toContainText('line 3, column');
  await expect(page.getByTestId('map-list').locator('li.map-card')).toHaveCount(before);
  // Paste works too.
  const json = JSON.stringify({ type: 'trailmap/map', version: 1, map: { scope: { title: 'Pasted map' }, next_id: 1 } });
  await page.evaluate((text) => {
    const ev = new ClipboardEvent('paste', { clipboardData: new DataTransfer(), bubbles: true });
    ev.clipboardData.setData('text', text);
    document.body.dispatchEvent(ev);
  }, json);
  await expect(page.getByTestId('map-list')).toContainText('Pasted map');
});

test('deleting a map is undoable', async ({ page }) => {
  await newMapWithTouchpoint(page);
  await page.getByTestId('map-title-input').fill('Delete me');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.goto('#/');
  await page.getByRole('button', { name: 'Delete Delete me' }).click();
  await expect(page.getByTestId('map-list')).not.toContainText('Delete me');
  await page.getByTestId('toasts').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('map-list')).toContainText('Delete me');
  await page.reload();
  await expect(page.getByTestId('map-list')).toContainText('Delete me');
});
