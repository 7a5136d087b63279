// Prioritising opportunities like a user: the value–effort matrix (a point dragged, one
// undo step; the scores typed and stepped with the arrow keys; the change survives a
// reload and travels in a share link), Kano (answer counts give the computed category
// with Better and Worse; bad counts refused), the per-map choice of what the Plan shows
// first, and the board by status (moved by keyboard, buttons and drag; one undo history).
import { test, expect, openApp } from './fixtures.mjs';

const OPP = 'One-page comparison for analyst briefings';

async function openTemplatePlan(page) {
  await openApp(page);
  await page.getByRole('button', { name: /^B2B SaaS \(enterprise\)/ }).click();
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('ve-rule')).toContainText('Quick wins: high value, low effort');
}

const veRow = (page, name) =>
  page.getByTestId('ve-table').locator('tbody tr').filter({ has: page.getByRole('button', { name, exact: true }) });
const kanoRow = (page, name) =>
  page.getByTestId('kano-table').locator('tbody tr').filter({ has: page.getByRole('button', { name, exact: true }) });

/** The viewport point of (value, effort) on the matrix, as the chart lays it out. */
async function pointAt(page, value, effort) {
  await page.getByTestId('ve-canvas').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('ve-canvas').boundingBox();
  const side = Math.min(box.width - 70, box.height - 50);
  return {
    x: box.x + 56 + ((effort - 0.5) / 10) * side,
    y: box.y + 14 + side - ((value - 0.5) / 10) * side,
  };
}

async function expectScores(page, name, value, effort, quadrant) {
  await expect(page.getByLabel(`Value score of “${name}”`)).toHaveValue(String(value));
  await expect(page.getByLabel(`Effort score of “${name}”`)).toHaveValue(String(effort));
  await expect(veRow(page, name).getByTestId('ve-quadrant')).toHaveText(quadrant);
}

test('a point dragged on the value–effort matrix sets both scores as one undo step', async ({ page }) => {
  await openTemplatePlan(page);
  await expectScores(page, OPP, 5, 3, 'Fill-ins');
  const from = await pointAt(page, 5, 3);
  const to = await pointAt(page, 9, 2);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
  }
  await page.mouse.up();
  await expectScores(page, OPP, 9, 2, 'Quick wins');
  await expect(page.getByTestId('ve-canvas')).toHaveAttribute('aria-label', /quick wins 4/);
  // One step: a single undo puts both back, a redo both again.
  await page.keyboard.press('Control+z');
  await expectScores(page, OPP, 5, 3, 'Fill-ins');
  await page.keyboard.press('Control+Shift+z');
  await expectScores(page, OPP, 9, 2, 'Quick wins');

  // The keyboard: arrow keys step a score, typing sets it; bad values are refused.
  const effort = page.getByLabel(`Effort score of “${OPP}”`);
  await effort.focus();
  await page.keyboard.press('ArrowUp');
  await expectScores(page, OPP, 9, 3, 'Quick wins');
  await effort.fill('7');
  await expectScores(page, OPP, 9, 7, 'Big bets');
  for (const [bad, message] of [['11', '1 (lowest) to 10'], ['0', '1 (lowest) to 10']]) {
    await effort.fill(bad);
    await expect(veRow(page, OPP).getByRole('status').filter({ hasText: message })).toBeVisible();
    await expect(effort).toHaveAttribute('aria-invalid', 'true');
    await expect(veRow(page, OPP).getByTestId('ve-quadrant')).toHaveText('Big bets');
  }
  await effort.fill('7');
  await expect(effort).toHaveAttribute('aria-invalid', 'false');
  await effort.blur();

  // Kept on reload, and the improvement plan still has it.
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.reload();
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expectScores(page, OPP, 9, 7, 'Big bets');

  // A share link carries it to the read-only view.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByTestId('shared-title')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('tab', { name: 'Plan' }).click();
  const row = page.getByTestId('rice-table').locator('tbody tr').filter({ hasText: OPP });
  await expect(row.getByTestId('view-value-effort')).toHaveText('9 / 7: Big bets');
  await expect(row.getByTestId('view-kano')).toHaveText('Indifferent');
});

test('Kano answer counts give the computed category, Better and Worse', async ({ page }) => {
  await openTemplatePlan(page);
  const row = kanoRow(page, OPP);
  await expect(row.getByTestId('kano-category')).toHaveText('Indifferent (picked)');
  await expect(row.getByTestId('kano-message')).toHaveText('No answers counted');
  await row.locator('summary').click();
  const count = (f, d) => row.getByLabel(`Answers “${f}” if there and “${d}” if not, for “${OPP}”`, { exact: false });
  await count('I like it', 'I dislike it').fill('5');
  await expect(row.getByTestId('kano-category')).toHaveText('One-dimensional (performance) (from answers)');
  await expect(row.getByTestId('kano-better')).toHaveText('1');
  await expect(row.getByTestId('kano-worse')).toHaveText('−1');
  // A tie between one-dimensional and attractive goes to one-dimensional.
  await count('I like it', 'I am neutral').fill('5');
  await expect(row.getByTestId('kano-category')).toHaveText('One-dimensional (performance) (from answers)');
  await expect(row.getByTestId('kano-worse')).toHaveText('−0.5');
  // Six "expect it / dislike it": must-be wins; 10 / 16 and 11 / 16, rounded half away.
  await count('I expect it', 'I dislike it').fill('6');
  await expect(row.getByTestId('kano-category')).toHaveText('Must-be (basic) (from answers)');
  await expect(row.getByTestId('kano-better')).toHaveText('0.63');
  await expect(row.getByTestId('kano-worse')).toHaveText('−0.69');
  await expect(row.locator('td.amount')).toHaveText('16');
  // Bad counts are refused with a message; the stored count stays.
  const cell = count('I expect it', 'I dislike it');
  await cell.fill('-1');
  await expect(row.getByRole('status').filter({ hasText: 'cannot be negative' })).toBeVisible();
  await cell.fill('2.5');
  await expect(row.getByRole('status').filter({ hasText: 'whole number' })).toBeVisible();
  await expect(row.getByTestId('kano-better')).toHaveText('0.63');
  // Only contradictory answers: a message instead of numbers.
  await cell.fill('0');
  await count('I like it', 'I dislike it').fill('');
  await count('I like it', 'I am neutral').fill('');
  await count('I like it', 'I like it').fill('3');
  await expect(row.getByTestId('kano-category')).toHaveText('Questionable (from answers)');
  await expect(row.getByTestId('kano-message')).toContainText('All 3 answers are reverse or questionable');
  await expect(page.locator('body')).not.toContainText('NaN');
  // Without answers, the pick decides again.
  await count('I like it', 'I like it').fill('');
  await page.getByLabel(`Kano category of “${OPP}”`).selectOption('attractive');
  await expect(row.getByTestId('kano-category')).toHaveText('Attractive (excitement) (picked)');
  // Each map chooses what the Plan shows first, kept on reload.
  await page.getByTestId('prioritise-by').selectOption('kano');
  await expect(page.getByTestId('plan').locator('h3').first()).toHaveText('Kano categories');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.reload();
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('prioritise-by')).toHaveValue('kano');
  await expect(page.getByTestId('plan').locator('h3').first()).toHaveText('Kano categories');
  await page.getByTestId('prioritise-by').selectOption('value-effort');
  await expect(page.getByTestId('plan').locator('h3').first()).toHaveText('Value–effort matrix');
});

test('the board moves opportunities between statuses by keyboard, buttons and drag', async ({ page }) => {
  await openTemplatePlan(page);
  const board = page.getByTestId('plan-board');
  const column = (key) => board.locator(`[data-status="${key}"]`);
  const card = column('idea').locator('li.board-card').filter({ hasText: OPP });
  await expect(card).toHaveCount(1);
  // Keyboard: the right arrow on its name moves it on, and focus follows it.
  await card.locator('.board-name').focus();
  await page.keyboard.press('ArrowRight');
  const planned = column('planned').locator('li.board-card').filter({ hasText: OPP });
  await expect(planned).toHaveCount(1);
  await expect(planned.locator('.board-name')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(column('in-progress').locator('li.board-card').filter({ hasText: OPP })).toHaveCount(1);
  // The plan table shows the same status: one model.
  await expect(page.getByLabel(`Status of “${OPP}”`)).toHaveValue('in-progress');
  // Buttons.
  await board.getByRole('button', { name: `Move “${OPP}” to Done` }).click();
  await expect(column('done').locator('li.board-card').filter({ hasText: OPP })).toHaveCount(1);
  // Drag the handle onto the Measured column.
  const handle = column('done').locator('li.board-card').filter({ hasText: OPP }).locator('.drag-handle');
  await column('measured').scrollIntoViewIfNeeded();
  const h = await handle.boundingBox();
  // Each card's handle sits on its card (not all of them stacked in one corner).
  const own = await column('done').locator('li.board-card').filter({ hasText: OPP }).boundingBox();
  expect(h.y).toBeGreaterThanOrEqual(own.y);
  expect(h.x).toBeGreaterThanOrEqual(own.x);
  expect(h.y + h.height).toBeLessThanOrEqual(own.y + own.height + 1);
  const target = await column('measured').boundingBox();
  // Below the card the column holds already: its empty part takes the drop.
  const last = await column('measured').locator('li.board-card').last().boundingBox();
  const dropY = Math.min(last.y + last.height + 24, target.y + target.height - 4);
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, Math.min(last.y + last.height + 24, target.y + target.height - 4), { steps: 6 });
  await page.mouse.up();
  await expect(column('measured').locator('li.board-card').filter({ hasText: OPP })).toHaveCount(1);
  await expect(page.getByLabel(`Status of “${OPP}”`)).toHaveValue('measured');
  // One undo history: each move is a step.
  await page.keyboard.press('Control+z');
  await expect(column('done').locator('li.board-card').filter({ hasText: OPP })).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(column('in-progress').locator('li.board-card').filter({ hasText: OPP })).toHaveCount(1);
  // A status chosen in the table moves the card on the board.
  await page.getByLabel(`Status of “${OPP}”`).selectOption('idea');
  await expect(column('idea').locator('li.board-card').filter({ hasText: OPP })).toHaveCount(1);
});
