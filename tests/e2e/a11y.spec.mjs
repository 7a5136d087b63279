// Accessibility: axe-core finds no violations on the map list and the editor.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures.mjs';

async function expectNoViolations(page, what) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

test('the map list has no axe violations', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('map-list')).toBeVisible();
  await expectNoViolations(page, 'the map list');
});

test('the editor has no axe violations, with cards, panels and the register', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /Blank map/ }).click();
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByRole('button', { name: /Add touchpoint/ }).click();
  await page.keyboard.type('Kickoff call');
  await page.locator('li.card').getByLabel('Emotion').selectOption('1');
  await page.getByRole('button', { name: /Add pain point/ }).click();
  await page.keyboard.type('No named contact after signing');
  await expectNoViolations(page, 'the grid');
  await page.locator('li.card.kind-touchpoints').getByRole('button', { name: /Details/ }).click();
  await expectNoViolations(page, 'the card panel');
  await page.getByRole('button', { name: 'Scope' }).click();
  await expectNoViolations(page, 'the scope panel');
  await page.getByRole('button', { name: 'Personas' }).click();
  await page.getByRole('button', { name: '+ Persona' }).click();
  await expectNoViolations(page, 'the personas panel');
  await page.getByRole('tab', { name: 'Stakeholders' }).click();
  await page.getByRole('button', { name: '+ Stakeholder' }).click();
  await page.getByRole('button', { name: /More about/ }).click();
  await expectNoViolations(page, 'the stakeholder register');
  await page.getByRole('tab', { name: 'Emotion curve' }).click();
  await page.getByText('Show the data as a table').click();
  await expectNoViolations(page, 'the emotion curve');
  await page.getByRole('tab', { name: 'Map' }).click();
  await page.getByLabel('Group lanes').selectOption('by');
  await expectNoViolations(page, 'the grid grouped by stakeholder');
});
