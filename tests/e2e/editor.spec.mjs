// The editor, driven like a user: build a map by hand, edit every kind of card and the
// stakeholder register, reorder by keyboard, undo and redo.
import { test, expect, openApp } from './fixtures.mjs';

async function newBlankMap(page) {
  await openApp(page);
  await page.getByRole('button', { name: /Blank map/ }).click();
  await expect(page).toHaveURL(/#\/map\//);
}

function cell(page, stage, lane) {
  // stage and lane are 1-based positions in the grid.
  return page.locator(`.journey-grid tbody tr.lane:nth-child(${lane}) td.cell:nth-of-type(${stage})`);
}

test('builds a map by hand: stages, every kind of card, details', async ({ page }) => {
  await newBlankMap(page);
  await page.getByTestId('map-title-input').fill('Mid-market onboarding');
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await expect(page.getByLabel('Stage name')).toBeFocused();
  await page.getByLabel('Stage name').fill('Awareness');
  await page.getByRole('button', { name: '+ Stage' }).click();
  await page.getByLabel('Stage name').nth(1).fill('Decision');

  // One card of every kind in stage 1.
  const kinds = [
    ['Add action to Awareness', 'Action text', 'Searches for vendors'],
    ['Add thought to Awareness', 'Thought text', 'Is this worth the switch?'],
    ['Add touchpoint to Awareness', 'Touchpoint text', 'Reads a case study'],
    ['Add pain point to Awareness', 'Pain point text', 'Pricing is hidden'],
    ['Add opportunity to Awareness', 'Opportunity text', 'Publish price ranges'],
    ['Add KPI to Awareness', 'KPI text', 'Demo requests per month'],
  ];
  for (const [button, label, text] of kinds) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByLabel(label).last()).toBeFocused();
    await page.keyboard.type(text);
  }
  for (const [, label, text] of kinds) {
    await expect(page.getByLabel(label).first()).toHaveValue(text);
  }

  // Touchpoint inline controls: emotion and moment of truth.
  const touchpoint = page.locator('li.card.kind-touchpoints').first();
  await touchpoint.getByLabel('Emotion').selectOption('-2');
  await touchpoint.getByRole('button', { name: 'Moment of truth' }).click();
  await expect(touchpoint).toHaveClass(/is-mot/);

  // Details panel: channel, quote, to-be.
  await touchpoint.getByRole('button', { name: /Details/ }).click();
  const panel = page.getByTestId('card-panel');
  await panel.getByLabel('Channel').fill('Review site');
  await panel.getByLabel("The customer's own words").fill('We could not find a single price anywhere.');
  await panel.getByLabel('To-be emotion (after improvement)').selectOption('1');
  await expect(touchpoint.locator('.card-quote')).toHaveText('We could not find a single price anywhere.');
  await expect(touchpoint.locator('.chip.channel')).toHaveText('Review site');

  // Pain point scores.
  await page.locator('li.card.kind-pain-points').getByRole('button', { name: /Details/ }).click();
  await panel.getByLabel('Evidence').fill('14 tickets in Q3 ask for pricing');
  await panel.getByLabel('Severity').fill('4');
  await panel.getByLabel('Business impact').fill('5');
  await expect(panel.getByLabel('Severity')).toHaveValue('4');

  // Opportunity and KPI fields.
  await page.locator('li.card.kind-opportunities').getByRole('button', { name: /Details/ }).click();
  await panel.getByLabel('Owner').fill('Marketing');
  await panel.getByLabel('KPI that proves it worked').fill('Demo requests +20 %');
  await page.locator('li.card.kind-kpis').getByRole('button', { name: /Details/ }).click();
  await panel.getByLabel('Baseline').fill('40');
  await panel.getByLabel('Target').fill('60');
  await expect(panel.getByLabel('Baseline')).toHaveValue('40');
  await panel.getByRole('button', { name: 'Close details' }).click();
  await expect(panel).toHaveCount(0);
});

test('reorders cards and stages by keyboard, and undoes and redoes', async ({ page }) => {
  await newBlankMap(page);
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByLabel('Stage name').fill('One');
  await page.getByRole('button', { name: '+ Stage' }).click();
  await page.getByLabel('Stage name').nth(1).fill('Two');
  for (const text of ['first', 'second']) {
    await page.getByRole('button', { name: 'Add action to One' }).click();
    await page.keyboard.type(text);
  }
  const actions = page.getByLabel('Action text');
  await expect(actions).toHaveCount(2);
  // Move "second" up within its cell.
  await actions.nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(actions.nth(0)).toHaveValue('second');
  await expect(actions.nth(0)).toBeFocused();
  // Move it to the next stage.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(cell(page, 2, 1).getByLabel('Action text')).toHaveValue('second');
  // Move stage "Two" to the left by keyboard.
  await page.getByLabel('Stage name').nth(1).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByLabel('Stage name').nth(0)).toHaveValue('Two');

  // Undo the stage move and the card moves; redo one.
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Stage name').nth(0)).toHaveValue('One');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 1, 1).getByLabel('Action text')).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(cell(page, 2, 1).getByLabel('Action text')).toHaveValue('second');
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(cell(page, 2, 1).getByLabel('Action text')).toHaveCount(0);
  await page.getByRole('button', { name: /Redo/ }).click();
  await expect(cell(page, 2, 1).getByLabel('Action text')).toHaveCount(1);

  // Typing is one undo step.
  const first = page.getByLabel('Action text').first();
  await first.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' and more');
  await expect(first).toHaveValue(/and more$/);
  await page.keyboard.press('Control+z');
  await expect(first).not.toHaveValue(/and more$/);
});

test('deleting a card offers undo instead of asking', async ({ page }) => {
  await newBlankMap(page);
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByRole('button', { name: /Add touchpoint/ }).click();
  await page.keyboard.type('Kickoff call');
  await page.getByRole('button', { name: 'Delete this touchpoint' }).click();
  await expect(page.getByLabel('Touchpoint text')).toHaveCount(0);
  await page.getByTestId('toasts').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Kickoff call');
});

test("the toast's Undo undoes its own deletion and keeps the typing done since", async ({ page }) => {
  await newBlankMap(page);
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByRole('button', { name: /Add touchpoint/ }).click();
  await page.keyboard.type('Kickoff call');
  await page.getByRole('button', { name: /Add action/ }).click();
  await page.keyboard.type('Signs the contract');
  await page.getByRole('button', { name: 'Delete this touchpoint' }).click();
  await expect(page.getByLabel('Touchpoint text')).toHaveCount(0);
  // Later typing in another card: the toast's Undo must not take this back.
  const action = page.getByLabel('Action text');
  await action.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' today');
  await expect(action).toHaveValue('Signs the contract today');
  await page.getByTestId('toasts').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Touchpoint text')).toHaveValue('Kickoff call');
  await expect(action).toHaveValue('Signs the contract today');
  // Undoing that again (Ctrl+Z) deletes the card once more; the typing stays.
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Touchpoint text')).toHaveCount(0);
  await expect(action).toHaveValue('Signs the contract today');
});

test('a cancelled card drag leaves nothing behind: a file dropped on a cell later moves no card', async ({ page }) => {
  await newBlankMap(page);
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByLabel('Stage name').fill('One');
  await page.getByRole('button', { name: '+ Stage' }).click();
  await page.getByLabel('Stage name').nth(1).fill('Two');
  await page.getByRole('button', { name: 'Add action to One' }).click();
  await page.keyboard.type('first');
  const handle = page.locator('li.card .drag-handle');
  const target = cell(page, 2, 1);

  // A drag that is cancelled (Escape, or dropped where nothing takes it): dragend, no drop.
  const cancelled = await page.evaluateHandle(() => new DataTransfer());
  await handle.dispatchEvent('dragstart', { dataTransfer: cancelled });
  await handle.dispatchEvent('dragend', { dataTransfer: cancelled });
  // Then a file from the desktop is dropped on a cell of stage Two.
  const file = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['{}'], 'notes.trailmap.json', { type: 'application/json' }));
    return dt;
  });
  await target.dispatchEvent('dragover', { dataTransfer: file });
  await target.dispatchEvent('drop', { dataTransfer: file });
  await expect(cell(page, 1, 1).getByLabel('Action text')).toHaveValue('first');
  await expect(target.getByLabel('Action text')).toHaveCount(0);

  // The same events with a drop do move the card (so the events above were real drags).
  const moving = await page.evaluateHandle(() => new DataTransfer());
  await handle.dispatchEvent('dragstart', { dataTransfer: moving });
  await target.dispatchEvent('dragover', { dataTransfer: moving });
  await target.dispatchEvent('drop', { dataTransfer: moving });
  await handle.dispatchEvent('dragend', { dataTransfer: moving });
  await expect(target.getByLabel('Action text')).toHaveValue('first');
});

test('a card being typed in grows a few lines at a time; a click below it still lands', async ({ page }) => {
  await newBlankMap(page);
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByRole('button', { name: /Add action/ }).click();
  await page.keyboard.type('Reads');
  await page.getByRole('button', { name: /Add action/ }).click();
  await page.keyboard.type('Asks peers');
  const first = page.getByLabel('Action text').first();
  await first.click();
  await page.keyboard.press('End');
  await expect(first).toHaveAttribute('rows', '1');
  // Typing on its last line gives the box two spare lines (after the key is shown). At a
  // fast typist's pace (40 ms a key): keys sent with no gap at all can outrun the paint
  // the growth waits for, and the box then grows from an older height (seen once: 4).
  await page.keyboard.type(' about invoice automation tools', { delay: 40 });
  await expect(first).toHaveAttribute('rows', '3');
  // Reaching the last line again: two more.
  await page.keyboard.type(' at home and at work', { delay: 40 });
  await expect(first).toHaveAttribute('rows', '5');
  // Pressing the second card's Details blurs the first, which shrinks to fit its text
  // only after the click, so the button does not move away under the pointer.
  await page.locator('li.card').nth(1).getByRole('button', { name: /Details/ }).click();
  await expect(page.getByTestId('card-panel').getByLabel('Text')).toHaveValue('Asks peers');
  await expect(first).toHaveAttribute('rows', '3');
});

test('edits the stakeholder register and groups lanes by stakeholder', async ({ page }) => {
  await newBlankMap(page);
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByRole('tab', { name: 'Stakeholders' }).click();
  const register = page.getByTestId('stakeholder-register');
  await register.getByRole('button', { name: '+ Stakeholder' }).click();
  const row = register.locator('.register-row').first();
  await row.getByLabel('Name').fill('CFO');
  await row.getByLabel('Role type').selectOption('decision-maker');
  await row.getByLabel('Department').fill('Finance');
  await row.getByLabel('Influence (0–10)').fill('9');
  await row.getByLabel('Interest (0–10)').fill('3');
  await row.getByLabel('Stance').selectOption('blocker');
  await expect(row.getByTestId('quadrant')).toContainText('Keep satisfied');
  await row.getByRole('button', { name: 'More about CFO' }).click();
  await row.getByLabel('Concerns').fill('Total cost over three years');
  await register.getByRole('button', { name: '+ Stakeholder' }).click();
  await register.locator('.register-row').nth(1).getByLabel('Name').fill('IT security lead');

  // A card added while filtering by the CFO involves the CFO.
  await page.getByRole('tab', { name: 'Map' }).click();
  await page.getByTestId('stakeholder-filter').selectOption({ label: 'CFO' });
  await page.getByRole('button', { name: /Add touchpoint/ }).click();
  await page.keyboard.type('Business case review');
  await page.getByTestId('stakeholder-filter').selectOption({ label: 'IT security lead' });
  await expect(page.getByLabel('Touchpoint text')).toHaveCount(0);
  await page.getByTestId('stakeholder-filter').selectOption({ label: 'Everyone' });
  await page.getByLabel('Group lanes').selectOption('by');
  await expect(page.locator('tr.group-head')).toHaveCount(3);
  await expect(page.locator('tbody.lane-group').first().getByLabel('Touchpoint text')).toHaveValue('Business case review');
});

test('creates a map from each of the five templates', async ({ page }) => {
  const templates = [
    ['B2B journey in 5 phases', 'Awareness', 'Loyalty'],
    ['B2B journey in 6 stages', 'Awareness', 'Advocacy'],
    ['B2B SaaS', 'Awareness', 'Advocacy'],
    ['Professional services', 'Awareness', 'Follow-on and advocacy'],
    ['B2B e-commerce', 'Awareness', 'Advocacy and growth'],
  ];
  for (const [name, first, last] of templates) {
    await openApp(page);
    await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await expect(page).toHaveURL(/#\/map\//);
    const stages = page.getByLabel('Stage name');
    await expect(stages.first()).toHaveValue(first);
    await expect(stages.last()).toHaveValue(last);
    await expect(page.locator('li.card.kind-touchpoints').first()).toBeVisible();
    await expect(page.locator('li.card.is-mot').first()).toBeVisible();
    await page.getByRole('tab', { name: 'Stakeholders' }).click();
    await expect(page.getByTestId('stakeholder-register').locator('.register-row')).not.toHaveCount(0);
  }
  await page.goto('#/');
  await expect(page.getByTestId('map-list').locator('li.map-card')).toHaveCount(6);
});

test.describe('in a time zone far from UTC', () => {
  test.use({ timezoneId: 'Pacific/Kiritimati' }); // UTC+14

  test('"Mark reviewed today" uses the local date, not UTC\'s', async ({ page }) => {
    // 20:00 UTC on 10 March is already 10:00 on 11 March in Kiritimati.
    await page.clock.setFixedTime(new Date('2026-03-10T20:00:00Z'));
    await openApp(page);
    await page.getByRole('button', { name: /Blank map/ }).click();
    await page.getByRole('button', { name: 'Scope' }).click();
    await page.getByRole('button', { name: 'Mark reviewed today' }).click();
    await expect(page.getByLabel('Last review')).toHaveValue('2026-03-11');
    await expect(page.getByLabel('Next review')).toHaveValue('2026-06-11');
  });
});
