// Handoff gaps: where adjacent stages have different owning teams the map shows a handoff
// marker; its panel holds what goes wrong, an owner and the touchpoints it breaks (one
// undo history with the map, kept over a reload); the Plan lists every gap; the health
// check names a handoff without an owner; the shared view shows them read-only; axe finds
// nothing.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures.mjs';

async function openTemplate(page, template) {
  await openApp(page);
  await page.getByRole('button', { name: new RegExp(`^${template.replace(/[()]/g, '\\$&')}`) }).click();
  await expect(page.getByTestId('map-title-input')).toBeVisible();
}

const stageHead = (page, name) => page.locator('th.stage-head', { has: page.getByRole('button', { name: `Details of stage ${name}`, exact: true }) });
// A marker's name: "Handoff", then the teams (read out, not shown).
const marker = (page, teams) => page.getByRole('button', { name: new RegExp(`^Handoff\\s*:\\s*${teams}$`) });

async function expectNoViolations(page, what) {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`), what).toEqual([]);
}

test('a handoff between teams is marked, described, owned and listed in the plan', async ({ page }) => {
  await openTemplate(page, 'B2B journey in 6 stages');
  // Five handoffs: four where the team changes, one described inside customer success.
  await expect(page.getByTestId('handoff-badge')).toHaveCount(5);
  const badge = marker(page, 'Sales → Customer success');
  await expect(badge).toHaveCount(1);
  await badge.click();
  const panel = page.getByTestId('handoff-panel');
  await expect(panel.getByRole('heading')).toHaveText('Handoff: Sales → Customer success');
  await expect(panel).toContainText('From “Decision” to “Onboarding”.');
  await expect(panel.getByLabel('What goes wrong')).toHaveValue('Context lost: the CSM asks again what the buyer told sales.');
  await expect(panel.getByRole('checkbox', { name: /Kickoff call/ })).toBeChecked();
  await expectNoViolations(page, 'the handoff panel');
  // Edit it from the keyboard: the owner, and one more touchpoint it breaks.
  const owner = panel.getByLabel('Owner');
  await owner.fill('VP customer success');
  const training = panel.getByRole('checkbox', { name: /Training for the AP team/ });
  await training.focus();
  await page.keyboard.press('Space');
  await expect(training).toBeChecked();
  // Undo takes back the last change only.
  await page.getByTestId('map-title-input').focus();
  await page.keyboard.press('Control+z');
  await expect(training).not.toBeChecked();
  await expect(owner).toHaveValue('VP customer success');
  await training.check();
  // The plan lists the gap with what was entered.
  await page.getByRole('tab', { name: 'Plan' }).click();
  const rows = page.getByTestId('handoff-table').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  const row = rows.filter({ has: page.getByRole('button', { name: 'Sales → Customer success', exact: true }) });
  await expect(row).toContainText('Decision → Onboarding');
  await expect(row).toContainText('Kickoff call; Training for the AP team');
  await expect(row).toContainText('VP customer success');
  await expectNoViolations(page, 'the Plan with its handoff gaps');
  // Kept over a reload.
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.reload();
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('handoff-table').locator('tbody tr', { hasText: 'VP customer success' })).toContainText('Training for the AP team');
});

test('a new team change makes a handoff, and the health check asks for its owner', async ({ page }) => {
  await openTemplate(page, 'B2B journey in 5 phases');
  await expect(page.getByTestId('handoff-badge')).toHaveCount(4);
  // Give "Loyalty" (account management) the team of "Use": its handoff has details, so it
  // stays, saying the teams are now the same.
  const loyalty = stageHead(page, 'Loyalty');
  await loyalty.getByRole('button', { name: 'Details of stage Loyalty' }).click();
  await loyalty.getByLabel('Owning team').fill('Customer success');
  await loyalty.getByRole('button', { name: /^Handoff/ }).click();
  await expect(page.getByTestId('handoff-panel')).toContainText('now have the same owning team');
  // Clear its owner, then give it a new team: no owner is a finding.
  await loyalty.getByLabel('Owning team').fill('Renewals desk');
  await page.getByTestId('handoff-panel').getByLabel('Owner').fill('');
  await page.getByTestId('health-button').click();
  const finding = page.getByTestId('health-panel').locator('li.finding', { hasText: 'Handoff between teams with no owner' });
  await expect(finding).toHaveCount(1);
  await finding.getByRole('button', { name: 'Handoff Customer success → Renewals desk' }).click();
  await expect(page.getByTestId('handoff-panel').getByRole('heading')).toHaveText('Handoff: Customer success → Renewals desk');
});

test('the shared view shows handoffs read-only', async ({ page }) => {
  await openTemplate(page, 'B2B SaaS (enterprise)');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByTestId('shared-title')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('handoff-badge')).toHaveCount(4);
  await marker(page, 'Sales → Customer success').click();
  const panel = page.getByTestId('handoff-panel');
  await expect(panel.getByRole('heading')).toHaveText('Handoff: Sales → Customer success');
  await expect(panel.locator('dd')).toContainText(["Decision → Retention", "The business case's goals do not reach the CSM: kickoff starts from zero.", 'CS lead', 'Kickoff with the CSM; Business case for the VP']);
  await expect(panel.locator('input, textarea')).toHaveCount(0);
  await expectNoViolations(page, 'the viewer with a handoff open');
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('handoff-table').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('handoff-table')).toContainText('Sales engineering lead');
});
