// Paint before wasm: what the page shows from HTML and CSS alone while the app downloads,
// and that nothing moves when the app takes over.
import { test, expect, appReady } from './fixtures.mjs';

/** Holds the app's wasm download until `release()` is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  return () => release();
}

/** Text and box (rounded CSS pixels) of the map list's fixed part under `root`. */
function fixedPart(page, root) {
  return page.evaluate((root) => {
    const list = document.querySelector(root);
    // A closed dialog (the Mermaid import's) is not painted: it is no part of the frame.
    const pick = [...list.querySelectorAll(':scope > .section-head h1, :scope > .section-head .button, :scope > p.hint, .template-choice, h2')]
      .filter((el) => !el.closest('dialog'));
    return pick.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent.trim(), box: [r.x, r.y, r.width, r.height].map(Math.round) };
    });
  }, root);
}

for (const viewport of [{ width: 412, height: 823 }, { width: 1400, height: 900 }]) {
  test(`the map list paints from HTML before the wasm arrives, and does not move when the app takes over (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const release = await holdWasm(page);
    await page.goto('./');
    await expect(page.locator('#boot .boot-list h1')).toHaveText('Your journey maps');
    await expect(page.locator('#boot [role=status]')).toContainText('Loading Trailmap');
    const before = await fixedPart(page, '#boot .map-list');
    expect(before.length).toBe(13); // h1, 3 buttons, the hint, 6 templates, 2 headings
    release();
    await appReady(page);
    const after = await fixedPart(page, 'main#main .map-list');
    // Same texts (the app's template list and the frame's agree) in the same places.
    expect(after).toEqual(before);
  });
}

test('elsewhere the loading frame says only that it is loading', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('#/map/some-map');
  await expect(page.locator('#boot [role=status]')).toBeVisible();
  await expect(page.locator('#boot .boot-list')).toBeHidden();
  release();
  await appReady(page);
  await expect(page.getByTestId('not-found').or(page.getByRole('alert')).first()).toBeVisible();
});

test('an old share link goes to the viewer before any of the app runs', async ({ page }) => {
  // The app would put the sample map in storage on a first visit; the viewer writes nothing.
  await page.goto('#/s/AQ');
  await expect(page).toHaveURL(/\/trailmap\/view\/#\/s\/AQ$/);
  await expect(page.getByTestId('share-error')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
});
