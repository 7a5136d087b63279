// Priorities: pain points ranked by impact with the rule on screen, scores edited in
// place (each score box is a spin button: a digit key sets it), the top three marked on
// the map and moving as scores change; bad keys refused with a message; the viewer shows
// the same ranking and pain-point matrix read-only.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures.mjs';

async function openSamplePriorities(page) {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await page.getByRole('tab', { name: 'Priorities' }).click();
  await expect(page.getByTestId('priority-rule')).toContainText('magnitude × severity × frequency × business impact');
}

const rows = (page) => page.getByTestId('ranked-pains').locator('tbody tr');
const pain = async (row) => (await row.locator('th').innerText()).trim();

test('the top three move on the map as scores change', async ({ page }) => {
  await openSamplePriorities(page);
  const n = await rows(page).count();
  expect(n).toBeGreaterThanOrEqual(4);
  await expect(rows(page).nth(0).locator('.rank')).toHaveText('Top 1');
  await expect(rows(page).nth(2).locator('.rank')).toHaveText('Top 3');
  await expect(rows(page).nth(3).locator('.rank')).toHaveText('4');
  const fourth = await pain(rows(page).nth(3));
  const first = await pain(rows(page).nth(0));
  // Score the fourth as high as it goes, with the least effort: it becomes the first.
  for (const field of ['Magnitude', 'Severity', 'Frequency', 'Business impact']) {
    await page.getByLabel(`${field} of “${fourth}”`).press('5');
  }
  await page.getByLabel(`Effort of “${fourth}”`).press('1');
  await expect(page.getByLabel(`Effort of “${fourth}”`)).toHaveAttribute('aria-valuenow', '1');
  // Ranked as typed; Enter (or leaving the tables) puts the rows in the new order.
  await expect(rows(page).nth(3).locator('.rank')).toHaveText('Top 1');
  await page.getByLabel(`Effort of “${fourth}”`).press('Enter');
  await expect(rows(page).nth(0).locator('th')).toHaveText(fourth);
  await expect(rows(page).nth(0).locator('.impact')).toHaveText('625');
  await expect(rows(page).nth(1).locator('th')).toHaveText(first);
  // On the map (cards mount as they near the viewport: bring the pain lane there), its
  // card carries the badge, and so do the next two.
  await page.getByRole('tab', { name: 'Map' }).click();
  await page.locator('tr.lane.kind-pain-points').first().scrollIntoViewIfNeeded();
  const card = page.locator('li.card', { has: page.getByText('Top 1 friction point') });
  await expect(card.locator('textarea')).toHaveValue(fourth);
  const second = page.locator('li.card', { has: page.getByText('Top 2 friction point') });
  await expect(second.locator('textarea')).toHaveValue(first);
  await expect(page.getByTestId('top-badge')).toHaveCount(3);
  await expect(page.getByTestId('stage-top').first()).toBeVisible();
  // One undo puts the last score back; the ranking follows.
  await page.keyboard.press('Control+z');
  await page.getByRole('tab', { name: 'Priorities' }).click();
  await expect(page.getByLabel(`Effort of “${fourth}”`)).not.toHaveText('1');
});

test('a row stays under the keyboard while its scores are typed, and takes its new place on Enter with the focus kept', async ({ page }) => {
  await openSamplePriorities(page);
  const name = await pain(rows(page).nth(0));
  await page.getByLabel(`Magnitude of “${name}”`).focus();
  await page.keyboard.press('1');
  // Ranked live, in place: the rank says it is no longer first, the row has not moved,
  // not even when Tab goes on to the next score.
  await expect(rows(page).nth(0).locator('.rank')).not.toHaveText('Top 1');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(`Severity of “${name}”`)).toBeFocused();
  await expect(rows(page).nth(0).locator('th')).toHaveText(name);
  // Enter: the row moves, and the keyboard stays with it.
  await page.keyboard.press('Enter');
  await expect(rows(page).nth(0).locator('th')).not.toHaveText(name);
  await expect(page.getByLabel(`Severity of “${name}”`)).toBeFocused();
  // Leaving the tables re-sorts too.
  await page.getByLabel(`Magnitude of “${name}”`).press('5');
  await page.getByRole('tab', { name: 'Priorities' }).focus();
  await expect(rows(page).nth(0).locator('th')).toHaveText(name);
});

test('a key that is not a score 1 to 5 is refused with a message and changes nothing; the arrows, Home, End and Delete work', async ({ page }) => {
  await openSamplePriorities(page);
  const row = rows(page).nth(0);
  const name = await pain(row);
  const impact = await row.locator('.impact').innerText();
  const severity = page.getByLabel(`Severity of “${name}”`);
  await expect(severity).toHaveAttribute('role', 'spinbutton');
  const before = (await severity.innerText()).trim();
  for (const bad of ['7', '0', '-', 'x']) {
    await severity.press(bad);
    await expect(row.getByRole('alert')).toContainText('whole number from 1 (low) to 5 (high)');
    await expect(severity).toHaveAttribute('aria-invalid', 'true');
    await expect(severity).toHaveText(before);
    await expect(row.locator('.impact')).toHaveText(impact);
  }
  await severity.press(before);
  await expect(severity).not.toHaveAttribute('aria-invalid');
  await expect(row.getByRole('alert')).toHaveCount(0);
  await expect(row.locator('.impact')).toHaveText(impact);
  // The message goes when the focus moves on (it floats over the row below).
  await severity.press('9');
  await expect(row.getByRole('alert')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(row.getByRole('alert')).toHaveCount(0);
  await expect(severity).not.toHaveAttribute('aria-invalid');
  // The spin button's keys: Home and End are 1 and 5, the arrows step, Delete clears.
  await severity.press('Home');
  await expect(severity).toHaveAttribute('aria-valuenow', '1');
  await severity.press('ArrowUp');
  await expect(severity).toHaveText('2');
  await severity.press('End');
  await severity.press('ArrowUp');
  await expect(severity).toHaveAttribute('aria-valuenow', '5');
  await severity.press('Delete');
  await expect(severity).toHaveAttribute('aria-valuetext', 'not scored');
  await expect(severity).not.toHaveAttribute('aria-valuenow');
  // Unscored, the pain leaves the ranking once the focus leaves the tables. The keys
  // typed in one box are one undo step: undo brings back the score it had.
  await page.getByRole('tab', { name: 'Priorities' }).focus();
  await expect(page.getByTestId('unscored-pains')).toContainText(name);
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel(`Severity of “${name}”`)).toHaveText(before);
  await expect(rows(page).nth(0).locator('th')).toHaveText(name);
});

test('the Priorities view has no axe violations on the sample map', async ({ page }) => {
  await openSamplePriorities(page);
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`)).toEqual([]);
});

test('a shared link shows the same ranking read-only', async ({ page }) => {
  await openSamplePriorities(page);
  const names = [];
  for (let i = 0; i < 3; i++) names.push(await pain(rows(page).nth(i)));
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByTestId('top-badge')).toHaveCount(3, { timeout: 10_000 });
  await page.getByRole('tab', { name: 'Priorities' }).click();
  for (let i = 0; i < 3; i++) {
    await expect(rows(page).nth(i).locator('th')).toHaveText(names[i]);
    await expect(rows(page).nth(i).locator('.rank')).toHaveText(`Top ${i + 1}`);
  }
  await expect(page.getByTestId('priorities').locator('input, [role=spinbutton]')).toHaveCount(0);
  // The same matrix, read-only: hover, click to the card's details, axes, exports.
  await checkPainMatrix(page, { readOnly: true });
});

test('the health check lists what to fix and takes the user there', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /Blank map/ }).click();
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  // A stage with no touchpoint: one finding, on the button and in the panel.
  const button = page.getByTestId('health-button');
  await expect(button).toHaveText(/Health check\s*1 finding/);
  await button.click();
  const panel = page.getByTestId('health-panel');
  await expect(panel.getByTestId('findings').locator('li')).toHaveCount(1);
  await expect(panel).toContainText('Stage with no touchpoint');
  // A pain point without scores and without an opportunity: two more findings, and
  // their button opens that card.
  await page.getByRole('button', { name: /Add pain point/ }).click();
  await page.keyboard.type('Invoice arrives late');
  await expect(button).toHaveText(/Health check\s*3 findings/);
  await expect(panel).toContainText('Pain point not scored');
  await expect(panel).toContainText('Pain point without an opportunity');
  await expect(panel.getByRole('button', { name: 'Invoice arrives late' })).toHaveCount(2);
  await panel.getByRole('button', { name: 'Invoice arrives late' }).first().click();
  await expect(page.getByTestId('card-panel')).toBeVisible();
  await expect(page.getByTestId('card-panel').getByLabel('Text')).toHaveValue('Invoice arrives late');
  const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`)).toEqual([]);
});

// The pain-point matrix as a user checks it, in the editor or (readOnly) the viewer: the
// count in its name, the data table, hover and click on a pain, the other axes, exports.
async function checkPainMatrix(page, { readOnly = false } = {}) {
  const matrix = page.getByTestId('pain-matrix');
  const canvas = page.getByTestId('pain-matrix-canvas');
  await canvas.scrollIntoViewIfNeeded();
  await expect(canvas).toHaveAttribute('aria-label', /^Pain-point matrix: \d+ pain points by severity and frequency/);
  const n = Number((await canvas.getAttribute('aria-label')).match(/(\d+) pain points/)[1]);
  expect(n).toBeGreaterThanOrEqual(3);
  // The data table lists the same pains, each with its quadrant.
  await matrix.getByText('Show the data as a table').click();
  const table = matrix.locator('details table tbody tr');
  await expect(table).toHaveCount(n);
  await expect(matrix.locator('details table')).toContainText(/Fix first|Plan a fix|Reduce the noise|Watch/);
  // Point at a pain alone in its cell (where the chart puts it: scores 1 to 5 centred in
  // five cells of a square plot 56 px from the left and 14 px from the top, its side the
  // room left by the axes and the legend).
  const cells = await table.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const alone = cells.filter(([, , y, x]) => cells.filter((c) => c[2] === y && c[3] === x).length === 1);
  expect(alone.length, 'a pain alone in its cell').toBeGreaterThan(0);
  const [name, , ys, xs] = alone[0];
  const box = await canvas.boundingBox();
  const side = Math.min(box.width - 70, box.height - 50 - 52);
  const found = { x: 56 + ((+xs - 0.5) / 5) * side, y: 14 + side - ((+ys - 0.5) / 5) * side };
  await canvas.hover({ position: found });
  await expect(page.getByTestId('pain-matrix-tooltip')).toContainText(name);
  const words = (await page.getByTestId('pain-matrix-tooltip').locator('strong').innerText()).trim();
  await expect(matrix.locator('details table')).toContainText(words);
  await canvas.click({ position: found });
  const details = page.getByTestId('card-panel');
  if (readOnly) await expect(details.locator('dt:text-is("Text") + dd')).toHaveText(words);
  else await expect(details.getByLabel('Text')).toHaveValue(words);
  // The other pair of scores.
  await matrix.getByLabel('Axes').selectOption({ label: 'Business impact × magnitude' });
  await expect(canvas).toHaveAttribute('aria-label', /pain points by business impact and magnitude/);
  await expect(matrix.locator('details table thead')).toContainText('Business impact');
  // Exports: the SVG is drawn by the same code through the same backend type as the
  // canvas (adapters::canvas::svg), with the chart's labels as text.
  for (const kind of ['SVG', 'PNG']) {
    const [download] = await Promise.all([page.waitForEvent('download'), matrix.getByRole('button', { name: `Export ${kind}` }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(` - pain-point matrix\\.${kind.toLowerCase()}$`));
    const bytes = fs.readFileSync(await download.path());
    if (kind === 'SVG') {
      const svg = bytes.toString('utf8');
      expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain('Business impact');
      expect(svg).toContain('Fix first');
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    } else {
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  }
  const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`)).toEqual([]);
}

test('the pain-point matrix places the pains, switches axes, shows a pain on hover and opens it on click', async ({ page }) => {
  await openSamplePriorities(page);
  await checkPainMatrix(page);
});

test('on a big map the rows mount as they come near: the keyboard reaches every row, and a row moved far down keeps the focus', async ({ page }) => {
  // The self-test build's generated map: 87 scored and 13 unscored pain points.
  await page.goto('/trailmap-selftest/edit/#/selftest/priorities-map');
  await page.waitForURL(/#\/map\/bench-priorities/);
  await page.getByRole('tab', { name: 'Priorities' }).click();
  const table = page.getByTestId('ranked-pains');
  await expect(table).toHaveAttribute('aria-rowcount', '88');
  await expect(rows(page).first()).toHaveAttribute('aria-rowindex', '2');
  expect(await rows(page).count()).toBeLessThan(87);
  // Tab, stop by stop (the pain's button, then its five scores), through 30 rows: each
  // next row is there before the keyboard gets to it.
  await rows(page).first().locator('th button').focus();
  for (let row = 1; row <= 30; row++) {
    for (let stop = 0; stop < 6; stop++) await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement.closest('[data-testid=ranked-pains] tbody tr')?.rowIndex);
    expect(at, `after row ${row}`).toBe(row + 1);
  }
  // A score that sends the focused pain to the bottom of the ranking: on Enter its row
  // moves there, mounted (however few rows were), with the focus still in it.
  const name = await pain(rows(page).nth(2));
  const box = page.getByLabel(`Magnitude of “${name}”`);
  await box.focus();
  await page.keyboard.press('1');
  for (const field of ['Severity', 'Frequency', 'Business impact']) {
    await page.keyboard.press('Tab');
    await page.keyboard.press('1');
  }
  await page.keyboard.press('Enter');
  const moved = page.getByLabel(`Business impact of “${name}”`);
  await expect(moved).toBeFocused();
  const rank = Number(await table.locator('tr', { has: moved }).locator('.rank').innerText());
  expect(rank).toBeGreaterThan(80);
  // Scrolled to the end, every row and the pain matrix are there.
  for (let i = 0; i < 40 && (await page.locator('[data-testid=ranked-pains] tbody tr, [data-testid=unscored-pains] tbody tr').count()) < 100; i++) {
    await page.locator('.editor-main').evaluate((el) => el.scrollBy(0, 800));
    await page.waitForTimeout(50);
  }
  await expect(rows(page)).toHaveCount(87);
  await expect(page.getByTestId('unscored-pains').locator('tbody tr')).toHaveCount(13);
  await page.locator('.editor-main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByTestId('pain-matrix')).toBeVisible();
});

test('a view opened after another was scrolled down starts at its top', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.locator('.editor-main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  expect(await page.locator('.editor-main').evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
  await page.getByRole('tab', { name: 'Priorities' }).click();
  await expect(page.getByRole('heading', { name: 'Priorities: pain points by impact' })).toBeInViewport();
  expect(await page.locator('.editor-main').evaluate((el) => el.scrollTop)).toBe(0);
});
