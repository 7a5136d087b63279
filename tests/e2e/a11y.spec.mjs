// Accessibility: axe-core finds no violations on the map list and the editor, blank and
// with real content (the sample map and a map from each template), in every view.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures.mjs';

// Label in name (WCAG 2.5.3) is one of axe's "experimental" rules: off unless enabled.
const LABEL_IN_NAME = 'label-content-name-mismatch';

async function expectNoViolations(page, what, { skipGrid = false } = {}) {
  let axe = new AxeBuilder({ page }).options({ rules: { [LABEL_IN_NAME]: { enabled: true } } });
  if (skipGrid) axe = axe.exclude('.journey-grid');
  const results = await axe.analyze();
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable];
  expect(ran.map((r) => r.id), `axe ran ${LABEL_IN_NAME}`).toContain(LABEL_IN_NAME);
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary ?? ''}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Scrolls every cell's unmounted part into view until all cards of the grid are mounted. */
async function mountAllCards(page) {
  const scrollToNextPending = () =>
    page.evaluate(() => {
      const pending = [...document.querySelectorAll('.cards-pending')].find((el) => el.offsetHeight > 0);
      pending?.scrollIntoView({ block: 'center', inline: 'center' });
      return Boolean(pending);
    });
  for (let i = 0; i < 400 && (await scrollToNextPending()); i++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  expect(await scrollToNextPending(), 'every card of the grid is mounted').toBe(false);
}

/** Walks every view and side panel of the open map, running axe on each. */
async function walkTheMap(page, what) {
  // About ten axe runs over a grid with every card mounted.
  test.setTimeout(240_000);
  await expect(page.locator('li.card').first()).toBeVisible();
  await mountAllCards(page);
  await expectNoViolations(page, `${what}: the grid`);
  for (const kind of ['touchpoints', 'pain-points', 'kpis']) {
    const card = page.locator(`li.card.kind-${kind}`).first();
    await card.scrollIntoViewIfNeeded();
    await card.getByRole('button', { name: /Details/ }).click();
    await expect(page.getByTestId('card-panel')).toBeVisible();
    await expectNoViolations(page, `${what}: the details of a ${kind} card`);
  }
  // These panels leave the grid as it was (checked above, card by card): axe skips it,
  // which halves the time of this test.
  for (const [button, panel] of [['Scope', 'scope-panel'], ['Personas', 'personas-panel'], ['Share', 'share-panel'], ['Report', 'report-panel']]) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByTestId(panel)).toBeVisible();
    await expectNoViolations(page, `${what}: the ${button} panel`, { skipGrid: true });
  }
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(page.getByTestId('history-panel')).toBeVisible();
  await page.getByLabel('Snapshot name').fill('Q3 review');
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(page.getByTestId('history-panel').locator('li.version.named')).toHaveCount(1);
  await page.getByTestId('snapshot-compare-button').click();
  await expect(page.getByTestId('snapshot-compare').getByTestId(/diff-/).first()).toBeVisible();
  await expectNoViolations(page, `${what}: the History panel`, { skipGrid: true });
  await page.getByRole('button', { name: 'Close history' }).click();
  await page.getByRole('tab', { name: 'Stakeholders' }).click();
  const more = page.getByRole('button', { name: /More about/ });
  if ((await more.count()) > 0) await more.first().click();
  await expectNoViolations(page, `${what}: the Stakeholders view`);
  await page.getByRole('tab', { name: 'Emotion curve' }).click();
  await page.getByText('Show the data as a table').click();
  await expectNoViolations(page, `${what}: the Emotion curve view`);
  // The Plan: RICE, the value–effort matrix, Kano with a questionnaire grid open, the
  // improvement plan and the board by status; then Kano shown first.
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('value-effort')).toBeVisible();
  await page.getByTestId('kano-table').locator('summary').first().click();
  await expect(page.getByTestId('kano-table').locator('.kano-grid')).toHaveCount(1);
  await expect(page.getByTestId('plan-board')).toBeVisible();
  await expectNoViolations(page, `${what}: the Plan view`);
  await page.getByTestId('prioritise-by').selectOption('kano');
  await expect(page.getByTestId('plan').locator('h3').first()).toHaveText('Kano categories');
  await expectNoViolations(page, `${what}: the Plan view, Kano first`);
  await page.getByRole('tab', { name: 'Priorities' }).click();
  await expectNoViolations(page, `${what}: the Priorities view`);
  await page.getByRole('tab', { name: 'Trends' }).click();
  await expect(page.getByTestId('trends-view')).toBeVisible();
  for (const chart of ['metrics', 'stages']) {
    const table = page.getByTestId(`trend-${chart}`).getByText('Show the data as a table');
    if ((await table.count()) > 0) await table.click();
  }
  await expectNoViolations(page, `${what}: the Trends view`);
  await page.getByRole('tab', { name: 'Map' }).click();
  await page.goto('#/');
  await expect(page.getByTestId('map-list')).toBeVisible();
  await expectNoViolations(page, `${what}: the map list`);
}

test('the sample map has no axe violations in any view', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link', { name: /^Open/ }).first().click();
  await walkTheMap(page, 'the sample map');
});

const TEMPLATES = [
  'B2B journey in 5 phases',
  'B2B journey in 6 stages',
  'B2B SaaS (enterprise)',
  'Professional services',
  'B2B e-commerce',
];

for (const template of TEMPLATES) {
  test(`a map from the template "${template}" has no axe violations in any view`, async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: new RegExp(`^${template.replace(/[()]/g, '\\$&')}`) }).click();
    await walkTheMap(page, `the template "${template}"`);
  });
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
  // An opportunity with no scores yet: the Plan's empty matrix, Kano and board.
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.getByTestId('add-opportunity').click();
  await page.getByTestId('card-panel').getByLabel('Text').fill('Named CSM at signing');
  await expect(page.getByTestId('ve-missing')).toBeVisible();
  await page.getByTestId('kano-table').locator('summary').first().click();
  await expectNoViolations(page, 'the Plan view of a new opportunity');
  await page.getByRole('tab', { name: 'Trends' }).click();
  await page.getByTestId('record-review-button').click();
  await expect(page.getByTestId('review-item')).toHaveCount(1);
  await expectNoViolations(page, 'the Trends view with a review');
  await page.getByRole('tab', { name: 'Map' }).click();
  await page.getByRole('button', { name: /Add KPI/ }).click();
  await page.keyboard.type('NPS');
  await page.locator('li.card.kind-kpis').getByRole('button', { name: /Details/ }).click();
  await page.getByTestId('calculator').locator('summary').click();
  await page.getByTestId('calc-input-0').fill('9 10 3');
  await expectNoViolations(page, 'the KPI card panel with its calculator');
  await page.getByRole('button', { name: 'Close details' }).click();
  await page.getByLabel('Group lanes').selectOption('by');
  await expectNoViolations(page, 'the grid grouped by stakeholder');
});
