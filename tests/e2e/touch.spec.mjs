// Touch and pen on a 1024 × 768 tablet: a long press (400 ms) picks a card, a stage or a
// lane up and the finger moves it (one undo step per move); a finger that moves at once
// scrolls instead; stakeholders drag on the matrix; every toolbar control and panel fits
// the screen. Touches are sent as the browser's own touch input (CDP), so the browser's
// scrolling and pointer events run as on a device.
import { test, expect, openApp } from './fixtures.mjs';

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

async function openSample(page) {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().tap();
  await expect(page).toHaveURL(/#\/map\//);
  await expect(page.locator('li.card').first()).toBeVisible();
}

/** A finger on the screen, through Chromium's touch input. */
async function finger(page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  const path = async (from, to, steps, gap) => {
    for (let i = 1; i <= steps; i++) {
      await send('touchMove', [{ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }]);
      await page.waitForTimeout(gap);
    }
  };
  return {
    /** Press and hold at `from` for `hold` ms, move to `to`, lift. */
    async drag(from, to, { hold = 600, steps = 10 } = {}) {
      await send('touchStart', [from]);
      await page.waitForTimeout(hold);
      await path(from, to, steps, 30);
      await send('touchEnd', []);
    },
    /** Press at `from` and move at once, as to scroll. */
    async swipe(from, to) {
      await send('touchStart', [from]);
      await path(from, to, 8, 16);
      await send('touchEnd', []);
    },
  };
}

/** Scrolls the grid so that the first lane of `kind` starts under the stage headers, and
 * waits until its cards are mounted. */
async function showLane(page, kind) {
  await page.evaluate((kind) => {
    const row = document.querySelector(`tr.lane.kind-${kind}`);
    const scroller = document.querySelector('.grid-scroll');
    scroller.scrollTop = row.offsetTop - scroller.querySelector('thead').offsetHeight;
  }, kind);
  await expect(page.locator(`tr.lane.kind-${kind} li.card`).first()).toBeInViewport();
}

const centre = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** The stage (0-based column) the card with this text sits in. */
const stageOf = (page, text) =>
  page.evaluate((text) => {
    const area = [...document.querySelectorAll('li.card textarea')].find((t) => t.value === text);
    return area ? area.closest('td').cellIndex - 1 : -1;
  }, text);

const stageNames = (page) => page.getByLabel('Stage name').evaluateAll((els) => els.map((e) => e.value));
const laneNames = (page) => page.getByLabel('Lane name').evaluateAll((els) => els.map((e) => e.value));

test('a long press picks a card up and the finger moves it to another stage; undo puts it back', async ({ page }) => {
  await openSample(page);
  const text = 'Article on closing faster';
  await showLane(page, 'touchpoints');
  expect(await stageOf(page, text)).toBe(0);
  const card = page.locator('li.card').filter({ has: page.getByText('Blog', { exact: true }) }).first();
  const handle = card.locator('.drag-handle');
  const from = centre(await handle.boundingBox());
  // The touchpoint cell of the second stage, near its top (it may run below the screen).
  const cell = page.locator('tr.lane.kind-touchpoints td.cell').nth(1);
  const box = await cell.boundingBox();
  const to = { x: box.x + box.width / 2, y: Math.min(box.y + 30, 760) };
  const f = await finger(page);
  await f.drag(from, to);
  await expect.poll(() => stageOf(page, text)).toBe(1);
  // No focus moved to the card: the on-screen keyboard stays closed.
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
  await expect(page.locator('.is-lifted, .drop-target')).toHaveCount(0);
  // One move, one undo step.
  await page.getByRole('button', { name: '↶ Undo' }).tap();
  await expect.poll(() => stageOf(page, text)).toBe(0);
  await expect(page.getByRole('button', { name: '↶ Undo' })).toBeDisabled();
});

test('a finger that moves before the long press scrolls the map and moves nothing', async ({ page }) => {
  await openSample(page);
  const text = 'Article on closing faster';
  const scroller = page.locator('.grid-scroll');
  await showLane(page, 'touchpoints');
  const before = await scroller.evaluate((el) => [el.scrollLeft, el.scrollTop]);
  const card = page.locator('li.card').filter({ has: page.getByText('Blog', { exact: true }) }).first();
  const from = centre(await card.locator('.drag-handle').boundingBox());
  await (await finger(page)).swipe(from, { x: from.x - 250, y: from.y - 150 });
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft + el.scrollTop)).toBeGreaterThan(before[0] + before[1]);
  expect(await stageOf(page, text)).toBe(0);
  await expect(page.getByRole('button', { name: '↶ Undo' })).toBeDisabled();
});

test('a long press moves a stage and a lane, each one undo step', async ({ page }) => {
  await openSample(page);
  const names = await stageNames(page);
  const f = await finger(page);
  const number = (i) => page.locator('th.stage-head .stage-number').nth(i);
  await f.drag(centre(await number(0).boundingBox()), centre(await number(2).boundingBox()));
  await expect.poll(() => stageNames(page)).toEqual([names[1], names[2], names[0], ...names.slice(3)]);
  await page.getByRole('button', { name: '↶ Undo' }).tap();
  await expect.poll(() => stageNames(page)).toEqual(names);

  const lanes = await laneNames(page);
  // The lane head's free space right of its buttons (the name box keeps its own touch).
  const spot = async (i) => {
    const b = await page.locator('th.lane-head .mini-actions').nth(i).boundingBox();
    return { x: b.x + b.width - 8, y: b.y + b.height / 2 };
  };
  await f.drag(await spot(0), await spot(1));
  await expect.poll(() => laneNames(page)).toEqual([lanes[1], lanes[0], ...lanes.slice(2)]);
  await page.getByRole('button', { name: '↶ Undo' }).tap();
  await expect.poll(() => laneNames(page)).toEqual(lanes);
  await expect(page.getByRole('button', { name: '↶ Undo' })).toBeDisabled();
});

test('a finger drags a stakeholder on the matrix, one undo step', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: 'Stakeholders' }).tap();
  const canvas = page.getByTestId('matrix-canvas');
  await expect(canvas).toBeVisible();
  await canvas.scrollIntoViewIfNeeded();
  const row = page.getByTestId('stakeholder-register').locator('.register-row').first();
  const before = [await row.getByLabel('Influence (0–10)').inputValue(), await row.getByLabel('Interest (0–10)').inputValue()];
  const box = await canvas.boundingBox();
  // The matrix geometry, as charts.spec.mjs has it.
  const plot = { left: 56, top: 14, side: Math.min(box.width - 70, box.height - 50 - 52) };
  const px = (interest) => box.x + plot.left + ((interest + 0.5) / 11) * plot.side;
  const py = (influence) => box.y + plot.top + plot.side - ((influence + 0.5) / 11) * plot.side;
  const f = await finger(page);
  await f.drag({ x: px(Number(before[1])), y: py(Number(before[0])) }, { x: px(1), y: py(9) }, { hold: 50 });
  await expect(row.getByLabel('Influence (0–10)')).toHaveValue('9');
  await expect(row.getByLabel('Interest (0–10)')).toHaveValue('1');
  // Undone from the keyboard here (the toolbar's Undo by tap is tested above): a tap right
  // after the drag was once lost in this test.
  await page.keyboard.press('Control+z');
  await expect(row.getByLabel('Influence (0–10)')).toHaveValue(before[0]);
  await expect(row.getByLabel('Interest (0–10)')).toHaveValue(before[1]);
});

/** Every visible control inside `selector` lies within the window (none cut off at the sides). */
async function controlsOnScreen(page, selector) {
  const off = await page.evaluate((selector) => {
    const out = [];
    for (const root of document.querySelectorAll(selector)) {
      for (const el of root.querySelectorAll('button, select, input, textarea, a[href], [role=tab]')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < 0 || r.right > window.innerWidth + 0.5) out.push(`${el.tagName} “${el.textContent.trim() || el.getAttribute('aria-label')}” at ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
    }
    return out;
  }, selector);
  expect(off, `controls of ${selector} off screen`).toEqual([]);
}

test('at 1024 × 768 no control of the toolbar or a panel is off screen', async ({ page }) => {
  await openSample(page);
  await controlsOnScreen(page, '.app-header, .toolbar');
  const toolbar = await page.locator('.toolbar').boundingBox();
  // The toolbar leaves most of the screen to the map.
  expect(toolbar.y + toolbar.height).toBeLessThan(768 / 2);
  await page.screenshot({ path: 'target/e2e-results/tablet-editor.png' });
  for (const [button, panel] of [['Scope', 'scope-panel'], ['Personas', 'personas-panel'], ['Health check', 'health-panel'],
    ['History', 'history-panel'], ['Print / PDF', 'print-panel'], ['Mermaid', 'mermaid-panel'], ['CSV', 'csv-panel'],
    ['Report', 'report-panel'], ['Share', 'share-panel']]) {
    await page.getByRole('button', { name: button, exact: true }).tap();
    const side = page.getByTestId(panel);
    await expect(side).toBeVisible();
    const b = await side.boundingBox();
    expect(b.x + b.width, `${button} panel inside the window`).toBeLessThanOrEqual(1024.5);
    await controlsOnScreen(page, `[data-testid=${panel}]`);
    // The map keeps room beside the panel.
    const main = await page.locator('.editor-main').boundingBox();
    expect(main.width, `the map beside the ${button} panel`).toBeGreaterThan(500);
    if (button === 'Report') await page.screenshot({ path: 'target/e2e-results/tablet-report-panel.png' });
  }
});

test('at 1024 × 768 the card details and the map list dialog fit the screen', async ({ page }) => {
  await openSample(page);
  await showLane(page, 'touchpoints');
  await page.locator('li.card.kind-touchpoints').first().getByRole('button', { name: /Details/ }).tap();
  await expect(page.getByTestId('card-panel')).toBeVisible();
  await controlsOnScreen(page, '[data-testid=card-panel]');
  await openApp(page);
  await page.getByTestId('mermaid-import-button').tap();
  const dialog = page.getByTestId('mermaid-import');
  await expect(dialog).toBeVisible();
  const b = await dialog.boundingBox();
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(1024.5);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.y + b.height).toBeLessThanOrEqual(768.5);
  await controlsOnScreen(page, '[data-testid=mermaid-import]');
  await expect(page.getByTestId('mermaid-import-submit')).toBeInViewport();
});

test('a tap on a pain score opens the pain with its score boxes, where the screen keyboard comes up', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: 'Priorities' }).tap();
  const row = page.getByTestId('ranked-pains').locator('tbody tr').first();
  const name = (await row.locator('th').innerText()).trim();
  await row.getByRole('spinbutton', { name: `Severity of “${name}”` }).tap();
  const panel = page.getByTestId('card-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Text')).toHaveValue(name);
  const severity = panel.getByLabel(/^Severity/);
  await expect(severity).toHaveAttribute('inputmode', /numeric|decimal/);
  // Scored there, the table follows.
  await severity.fill('1');
  await expect(page.getByRole('spinbutton', { name: `Severity of “${name}”` })).toHaveText('1');
});
