// Paint before wasm: what the page shows from HTML and CSS alone while the app downloads,
// and that nothing moves when the app takes over.
import fs from 'node:fs';
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

/** Records every Largest Contentful Paint entry and the moment the app removes #boot. */
async function watchLargestPaint(page) {
  await page.addInitScript(() => {
    window.__lcp = [];
    window.__tookOver = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push({ at: e.startTime, size: e.size });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    let seen = false;
    new MutationObserver(() => {
      const boot = document.getElementById('boot');
      if (boot) seen = true;
      else if (seen && window.__tookOver === null) window.__tookOver = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
}

const sharedTitle = () => {
  const map = JSON.parse(fs.readFileSync('tests/fixtures/share/v3-hand-made.json', 'utf8'));
  const link = fs.readFileSync('tests/fixtures/share/v3-hand-made.link', 'utf8').trim().replace(/^.*#\/s\//, '');
  return { title: map.scope.title, url: `view/#/s/${link}?t=${encodeURIComponent(map.scope.title).replace(/%20/g, '+')}` };
};

// Without holding anything back: on a fast machine the wasm can run before the static
// frame's first paint is on screen. The app must wait for it (src/dom/boot.rs), or the
// browser drops that paint from Largest Contentful Paint and times the app's copy of the
// same text instead, after the whole wasm (Lighthouse then charges its download to LCP).
for (const [what, url] of [['the map list', './'], ['a share link with its title', sharedTitle().url]]) {
  test(`${what}: the largest paint is the static frame's, on screen before the app takes over`, async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 823 });
    await watchLargestPaint(page);
    await page.goto(url);
    await appReady(page);
    if (url !== './') await expect(page.getByTestId('shared-title')).toHaveText(sharedTitle().title, { timeout: 15_000 });
    await page.waitForTimeout(300); // entries come after their frame is presented
    const { lcp, tookOver } = await page.evaluate(() => ({ lcp: window.__lcp, tookOver: window.__tookOver }));
    expect(tookOver).not.toBeNull();
    expect(lcp.length).toBeGreaterThan(0);
    // Every candidate was painted before the app took over: none came from the app.
    for (const e of lcp) expect(e.at).toBeLessThan(tookOver);
  });
}

test.describe('without scripts', () => {
  test.use({ javaScriptEnabled: false });
  // (Chromium's switch runs no script but still treats <noscript> as scripting on, so its
  // message cannot be seen here.)
  test('the static frame is not hidden: only a script hides it, until it is whole', async ({ page }) => {
    for (const url of ['./', 'view/#/s/AQ?t=A+title', 'edit/']) {
      await page.goto(url);
      await expect(page.locator('#boot header .brand')).toBeVisible();
      await expect(page.locator('#boot [role=status]').first()).toBeVisible();
    }
    await page.goto('./');
    await expect(page.locator('#boot .boot-list h1')).toBeVisible();
  });
});
