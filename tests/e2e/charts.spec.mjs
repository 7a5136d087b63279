// The charts, driven like a user: hover the curve for a touchpoint's words, click to open
// it; drag a stakeholder on the matrix and see the register change; move one by keyboard.
import { test, expect, openApp } from './fixtures.mjs';

async function openSample(page) {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/map\//);
}


test('hovering the emotion curve shows a touchpoint and the customer\'s words; a click opens it', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: 'Emotion curve' }).click();
  const canvas = page.getByTestId('curve-canvas');
  await expect(canvas).toBeVisible();
  const box = await canvas.boundingBox();
  // Sweep the pointer across the middle band until a tooltip appears.
  let found = false;
  for (let x = 140; x < box.width && !found; x += 6) {
    for (const y of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((f) => f * box.height)) {
      await canvas.hover({ position: { x, y } });
      if (await page.getByTestId('curve-tooltip').count()) { found = true; break; }
    }
  }
  expect(found, 'a tooltip appeared somewhere on the curve').toBe(true);
  const tip = page.getByTestId('curve-tooltip');
  await expect(tip.locator('strong')).not.toHaveText('');
  await expect(tip.locator('q')).not.toHaveText('');
  const title = await tip.locator('strong').textContent();
  const pos = await tip.evaluate((el) => ({ x: parseFloat(el.style.left) - 14, y: parseFloat(el.style.top) - 14 }));
  await canvas.click({ position: pos });
  await expect(page.getByTestId('card-panel').getByLabel('Text')).toHaveValue(title);
  // The data table holds the same touchpoint.
  await page.getByText('Show the data as a table').click();
  await expect(page.locator('.chart-table')).toContainText(title);
});

test('dragging a stakeholder on the matrix changes influence and interest in the register', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: 'Stakeholders' }).click();
  const canvas = page.getByTestId('matrix-canvas');
  await expect(canvas).toBeVisible();
  const register = page.getByTestId('stakeholder-register');
  const row = register.locator('.register-row').first();
  const name = await row.getByLabel('Name').inputValue();
  const before = [await row.getByLabel('Influence (0–10)').inputValue(), await row.getByLabel('Interest (0–10)').inputValue()];
  const box = await canvas.boundingBox();
  // Where the point is drawn: the matrix geometry (levels centred in 11 cells; CSS pixels).
  const plot = { left: 56, top: 14, side: Math.min(box.width - 70, box.height - 50 - 52) };
  const px = (interest) => plot.left + (interest + 0.5) / 11 * plot.side;
  const py = (influence) => plot.top + plot.side - (influence + 0.5) / 11 * plot.side;
  const from = { x: px(Number(before[1])), y: py(Number(before[0])) };
  const to = { x: px(1), y: py(9) };
  await page.mouse.move(box.x + from.x, box.y + from.y);
  await page.mouse.down();
  await page.mouse.move(box.x + (from.x + to.x) / 2, box.y + (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(box.x + to.x, box.y + to.y, { steps: 4 });
  await page.mouse.up();
  await expect(row.getByLabel('Influence (0–10)')).toHaveValue('9');
  await expect(row.getByLabel('Interest (0–10)')).toHaveValue('1');
  await expect(page.getByTestId('quadrant-lists').locator('[data-quadrant="Keep satisfied"]')).toContainText(name);
  // One drag is one undo step.
  await page.keyboard.press('Control+z');
  await expect(row.getByLabel('Influence (0–10)')).toHaveValue(before[0]);
  await expect(row.getByLabel('Interest (0–10)')).toHaveValue(before[1]);
});

test('the matrix has a keyboard alternative', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: 'Stakeholders' }).click();
  const row = page.getByTestId('stakeholder-register').locator('.register-row').first();
  const name = await row.getByLabel('Name').inputValue();
  const influence = Number(await row.getByLabel('Influence (0–10)').inputValue());
  const chip = page.getByTestId('quadrant-lists').getByRole('button', { name: new RegExp(`^${name}`) });
  await chip.focus();
  await page.keyboard.press(influence < 10 ? 'ArrowUp' : 'ArrowDown');
  await expect(row.getByLabel('Influence (0–10)')).toHaveValue(String(influence < 10 ? influence + 1 : influence - 1));
});
