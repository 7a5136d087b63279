// Plan: opportunities ranked by RICE with their inputs edited in place (bad values refused
// with a message), the pains each addresses picked from the keyboard, the improvement plan
// filtered by owner and sorted by column; the health check names a pain without an
// opportunity and opens it; the viewer shows the plan read-only; axe finds nothing.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures.mjs';

const TEMPLATES = [
  'B2B journey in 5 phases',
  'B2B journey in 6 stages',
  'B2B SaaS (enterprise)',
  'Professional services',
  'B2B e-commerce',
];

async function openTemplatePlan(page, template = 'B2B SaaS (enterprise)') {
  await openApp(page);
  await page.getByRole('button', { name: new RegExp(`^${template.replace(/[()]/g, '\\$&')}`) }).click();
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('rice-rule')).toContainText('RICE = reach × impact × confidence ÷ effort');
}

const riceRows = (page) => page.getByTestId('rice-table').locator('tbody tr');
const planRows = (page) => page.getByTestId('plan-table').locator('tbody tr');
const rowOf = (rows, name) => rows.filter({ has: rows.page().getByRole('button', { name, exact: true }) });

async function expectNoViolations(page, what) {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable];
  expect(ran.map((r) => r.id)).toContain('label-content-name-mismatch');
  expect(results.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`), what).toEqual([]);
}

test('a new opportunity gets its RICE score and rank, and bad values are refused', async ({ page }) => {
  await openTemplatePlan(page);
  // The template's six, ranked: 1,200 × 2 × 80 % ÷ 2 = 960 first.
  await expect(riceRows(page)).toHaveCount(6);
  await expect(riceRows(page).nth(0).locator('th')).toHaveText('Trial pre-loaded with sample tickets and a checklist');
  await expect(riceRows(page).nth(0).getByTestId('rice-score')).toHaveText('960');
  await page.getByTestId('add-opportunity').click();
  const text = page.getByTestId('card-panel').getByLabel('Text');
  await text.fill('Reference calls with peers in the same industry');
  const name = 'Reference calls with peers in the same industry';
  const row = rowOf(riceRows(page), name);
  await expect(row.getByTestId('rice-score')).toHaveText('Needs reach, impact, confidence, effort');
  await expect(row.locator('.rank')).toHaveText('–');
  await page.getByLabel(`Reach of “${name}”`).fill('2,000');
  await page.getByLabel(`Reach period of “${name}”`).fill('prospects per quarter');
  await page.getByLabel(`Effort of “${name}”`).fill('2');
  await page.getByLabel(`Impact of “${name}”`).selectOption('massive');
  await page.getByLabel(`Confidence of “${name}”`).selectOption('low');
  // 2,000 × 3 × 50 % ÷ 2 = 1,500: first, and the row moves to the top once chosen.
  await expect(row.getByTestId('rice-score')).toHaveText('1,500');
  await expect(row.locator('.rank')).toHaveText('1');
  await expect(riceRows(page).nth(0).locator('th')).toHaveText(name);
  await expect(riceRows(page).nth(1).locator('.rank')).toHaveText('2');
  // Fractional confidence: 80 % makes it 2,400.
  await page.getByLabel(`Confidence of “${name}”`).selectOption('medium');
  await expect(row.getByTestId('rice-score')).toHaveText('2,400');
  // Bad values: a message beside the field, nothing changes.
  const effort = page.getByLabel(`Effort of “${name}”`);
  for (const [bad, message] of [['0', 'more than 0'], ['-1', 'more than 0'], ['two', 'person-months'], ['NaN', 'person-months']]) {
    await effort.fill(bad);
    await expect(row.getByRole('status').filter({ hasText: message })).toBeVisible();
    await expect(effort).toHaveAttribute('aria-invalid', 'true');
    await expect(row.getByTestId('rice-score')).toHaveText('2,400');
  }
  const reach = page.getByLabel(`Reach of “${name}”`);
  await reach.fill('1,5');
  await expect(row.getByRole('status').filter({ hasText: 'point for decimals' })).toBeVisible();
  await reach.fill('');
  await expect(row.getByTestId('rice-score')).toHaveText('Needs reach');
  await reach.fill('2000');
  await effort.fill('2');
  await expect(effort).toHaveAttribute('aria-invalid', 'false');
  await expect(row.getByTestId('rice-score')).toHaveText('2,400');
  await expect(page.locator('body')).not.toContainText('NaN');
  // One undo history: Ctrl+Z takes back the last change, made here.
  await page.getByLabel(`Confidence of “${name}”`).selectOption('high');
  await expect(row.getByTestId('rice-score')).toHaveText('3,000');
  await page.keyboard.press('Control+z');
  await expect(row.getByTestId('rice-score')).toHaveText('2,400');
  await expect(page.getByLabel(`Confidence of “${name}”`)).toHaveValue('medium');
});

test('the plan filters by owner and sorts by any column', async ({ page }) => {
  await openTemplatePlan(page);
  await expect(planRows(page)).toHaveCount(6);
  await page.getByTestId('plan-owner-filter').selectOption('Growth PM');
  await expect(planRows(page)).toHaveCount(1);
  await expect(planRows(page).locator('th')).toHaveText('Trial pre-loaded with sample tickets and a checklist');
  await expect(page.getByText('1 opportunity shown')).toBeVisible();
  await page.getByTestId('plan-owner-filter').selectOption('*');
  await expect(planRows(page)).toHaveCount(6);
  // Sorted by deadline, earliest first, then latest first.
  const deadline = page.getByTestId('plan-table').getByRole('button', { name: 'Deadline', exact: true });
  await deadline.click();
  await expect(page.getByTestId('plan-table').locator('th[aria-sort="ascending"]')).toHaveText(/Deadline/);
  await expect(planRows(page).nth(0).locator('th')).toHaveText('Welcome checklist in every trial: import tickets, invite a teammate');
  await deadline.click();
  await expect(page.getByTestId('plan-table').locator('th[aria-sort="descending"]')).toHaveText(/Deadline/);
  await expect(planRows(page).nth(0).locator('th')).toHaveText('Value plan agreed at kickoff, checked on day 30');
  // A new owner typed in the plan is offered by the filter once entered.
  const trust = 'Trust page with SOC 2 report and a ready questionnaire';
  const owner = page.getByLabel(`Owner of “${trust}”`);
  await owner.fill('CISO office');
  await owner.press('Enter');
  await page.getByTestId('plan-owner-filter').selectOption('CISO office');
  await expect(planRows(page)).toHaveCount(1);
  await expect(planRows(page).locator('th')).toHaveText(trust);
  // Re-measure: deadline + 90 days unless set; done and due is flagged.
  await page.getByTestId('plan-owner-filter').selectOption('*');
  const row = rowOf(planRows(page), trust);
  await expect(page.getByLabel(`Re-measure date of “${trust}”`)).toHaveValue('2027-05-01');
  await expect(row).toContainText('Deadline + 90 days');
  await page.getByLabel(`Deadline of “${trust}”`).fill('2026-01-31');
  await expect(row.getByTestId('plan-flags')).toHaveText('Overdue');
  await page.getByLabel(`Status of “${trust}”`).selectOption('done');
  await expect(row.getByTestId('plan-flags')).toHaveText('Re-measure due');
  await page.getByLabel(`Status of “${trust}”`).selectOption('measured');
  await expect(row.getByTestId('plan-flags')).toHaveText('');
});

test('a pain without an opportunity is flagged and the health check opens it', async ({ page }) => {
  await openTemplatePlan(page);
  const opportunity = 'One-page comparison for analyst briefings';
  const pain = 'Vendors look alike in analyst reports';
  const row = rowOf(riceRows(page), opportunity);
  // From the keyboard: open the list of pains, untick the one it addresses.
  const summary = row.locator('summary');
  await expect(summary).toContainText(pain);
  await summary.focus();
  await page.keyboard.press('Enter');
  const box = row.getByRole('checkbox', { name: new RegExp(pain) });
  await expect(box).toBeChecked();
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).not.toBeChecked();
  await expect(summary).toContainText('No pain point linked');
  // The Priorities list flags it.
  await page.getByRole('tab', { name: 'Priorities' }).click();
  const painRow = page.locator('tr', { has: page.getByRole('button', { name: pain, exact: true }) });
  await expect(painRow.getByTestId('no-opportunity')).toHaveText('No opportunity');
  await expect(page.getByTestId('no-opportunity')).toHaveCount(1);
  // The health check lists it, and its button opens the pain's card.
  await page.getByTestId('health-button').click();
  const panel = page.getByTestId('health-panel');
  const finding = panel.locator('li.finding', { hasText: 'Pain point without an opportunity' });
  await expect(finding).toHaveCount(1);
  await finding.getByRole('button', { name: pain }).click();
  await expect(page.getByTestId('card-panel')).toBeVisible();
  await expect(page.getByTestId('card-panel').getByLabel('Text')).toHaveValue(pain);
  // Linking it again clears the flag.
  await page.getByRole('tab', { name: 'Plan' }).click();
  await rowOf(riceRows(page), opportunity).locator('summary').click();
  await rowOf(riceRows(page), opportunity).getByRole('checkbox', { name: new RegExp(pain) }).check();
  await page.getByRole('tab', { name: 'Priorities' }).click();
  await expect(page.getByTestId('no-opportunity')).toHaveCount(0);
});

test('a shared link shows the plan read-only', async ({ page }) => {
  await openTemplatePlan(page);
  const names = [];
  for (let i = 0; i < 5; i++) names.push((await riceRows(page).nth(i).locator('th').innerText()).trim());
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByTestId('shared-title')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('tab', { name: 'Plan' }).click();
  for (let i = 0; i < 5; i++) await expect(riceRows(page).nth(i).locator('th')).toHaveText(names[i]);
  await expect(riceRows(page).nth(0)).toContainText('960');
  await expect(planRows(page)).toHaveCount(6);
  await expect(page.getByTestId('plan').locator('input, select')).toHaveCount(0);
  await expectNoViolations(page, 'the viewer: the Plan view');
  await page.getByRole('tab', { name: 'Priorities' }).click();
  await expectNoViolations(page, 'the viewer: the Priorities view');
});

for (const template of TEMPLATES) {
  test(`the Plan and Priorities views of "${template}" have no axe violations`, async ({ page }) => {
    await openTemplatePlan(page, template);
    await riceRows(page).nth(0).locator('summary').click();
    await expect(riceRows(page).nth(0).getByRole('checkbox').first()).toBeVisible();
    await riceRows(page).nth(0).getByLabel(/^Effort of/).fill('0');
    await expectNoViolations(page, `${template}: the Plan view`);
    await page.getByRole('tab', { name: 'Priorities' }).click();
    await expectNoViolations(page, `${template}: the Priorities view`);
  });
}

test('the shared view lists the opportunities by the prioritisation the map shows first', async ({ page }) => {
  await openTemplatePlan(page);
  await page.getByTestId('prioritise-by').selectOption('value-effort');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByTestId('shared-title')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('plan-view-title')).toHaveText('Plan: opportunities by value and effort');
  await expect(page.getByTestId('rice-rule')).toContainText('Quick wins: high value, low effort');
  await expect(riceRows(page).first().getByTestId('view-value-effort')).toContainText('Quick wins');
});
