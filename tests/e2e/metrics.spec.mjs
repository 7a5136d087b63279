// Metrics and reviews: 20 raw NPS answers pasted into the calculator give the score with
// its bands; two reviews recorded with different values show as two points on the trend
// chart and as a change in the compare view; the reviews survive a reload and a share
// link (the viewer lists them); bad calculator input gets a message, never NaN.
import { test, expect, openApp } from './fixtures.mjs';

// 10 promoters, 6 passives, 4 detractors: 50 % − 20 % = +30.
const ANSWERS = '10 9 9 10 9 10 9 9 10 9 8 7 8 7 8 7 6 3 0 5';

async function blankMapWithNps(page) {
  await openApp(page);
  await page.getByRole('button', { name: /Blank map/ }).click();
  await page.getByRole('button', { name: 'Add the first stage' }).click();
  await page.getByRole('button', { name: /Add KPI/ }).click();
  await page.keyboard.type('NPS');
  await page.locator('li.card.kind-kpis').getByRole('button', { name: /Details/ }).click();
  await expect(page.getByTestId('metric-fields')).toBeVisible();
}

async function pasteAnswers(page, answers) {
  await page.getByTestId('calculator').locator('summary').click();
  await page.getByTestId('calc-pick').selectOption('nps-answers');
  await page.getByTestId('calc-input-0').fill(answers);
}

async function recordReview(page, date, note) {
  await page.getByRole('tab', { name: 'Trends' }).click();
  await page.getByTestId('review-date').fill(date);
  await page.getByTestId('review-note').fill(note);
  await page.getByTestId('record-review-button').click();
  await expect(page.getByText(`Recorded the review of ${date}`)).toBeVisible();
}

test('20 pasted NPS answers give the score and its bands, and fill the metric', async ({ page }) => {
  await blankMapWithNps(page);
  await pasteAnswers(page, ANSWERS);
  await expect(page.getByTestId('calc-result')).toContainText('+30');
  await expect(page.getByTestId('calc-result')).toContainText('10 promoters, 6 passives and 4 detractors of 20 answers');
  await expect(page.getByTestId('nps-bands')).toContainText('Promoter (9–10)');
  await expect(page.locator('.nps-answers li')).toHaveCount(20);
  await page.getByTestId('calc-apply').click();
  await expect(page.getByTestId('metric-current')).toHaveValue('30');
  await expect(page.locator('li.card.kind-kpis').getByTestId('metric-badge')).toContainText('+30');
  // A score outside 0–10 is named, not computed.
  await page.getByTestId('calc-input-0').fill('9 10 11');
  await expect(page.getByTestId('calc-error')).toHaveText('Answer 3 is 11, but NPS answers run from 0 to 10: correct or remove it.');
  await expect(page.getByTestId('calc-apply')).toBeDisabled();
  await expect(page.locator('body')).not.toContainText('NaN');
  // Zero start MRR.
  await page.getByTestId('calc-pick').selectOption('nrr');
  for (const [i, v] of ['0', '100', '0', '0'].entries()) await page.getByTestId(`calc-input-${i}`).fill(v);
  await expect(page.getByTestId('calc-error')).toContainText('The period starts with 0 MRR');
});

test('two reviews show on the trend chart and in the compare view, and survive a reload and a share link', async ({ page, browser }) => {
  await blankMapWithNps(page);
  await page.getByTestId('metric-target').fill('40');
  await page.getByTestId('metric-current').fill('12');
  await recordReview(page, '2026-03-31', 'Before the onboarding changes');
  // The metric moves: 20 pasted answers make it +30.
  await page.getByRole('tab', { name: 'Map' }).click();
  await page.locator('li.card.kind-kpis').getByRole('button', { name: /Details/ }).click();
  await pasteAnswers(page, ANSWERS);
  await page.getByTestId('calc-apply').click();
  await recordReview(page, '2026-06-30', 'Handoff calls started');
  // Two reviews plus "now": three points on the metric's panel.
  await expect(page.getByTestId('trend-metrics-canvas')).toHaveAttribute('data-points', '3');
  await page.getByTestId('trend-metrics').getByText('Show the data as a table').click();
  await expect(page.getByTestId('trend-metrics').locator('tbody')).toContainText('31 Mar ’26: 12 · 30 Jun ’26: 30 · Now: 30');
  // Compare: the last two reviews by default.
  const metrics = page.getByTestId('diff-metrics');
  await expect(metrics).toContainText('NPS');
  await expect(metrics.locator('tbody tr').first()).toContainText('+12');
  await expect(metrics.locator('tbody tr').first()).toContainText('+30');
  await expect(metrics.locator('tbody tr').first()).toContainText('better');
  await expect(page.getByTestId('review-item')).toHaveCount(2);
  // Picked the wrong way round: said so, and one click puts them back in order.
  await page.getByTestId('compare-from').selectOption({ index: 1 });
  await page.getByTestId('compare-to').selectOption({ index: 0 });
  await expect(page.getByTestId('compare-order')).toContainText('later than');
  await expect(metrics.locator('tbody tr').first()).toContainText('worse');
  await page.getByTestId('compare-order').getByRole('button', { name: 'Swap From and To' }).click();
  await expect(page.getByTestId('compare-order')).toHaveCount(0);
  await expect(metrics.locator('tbody tr').first()).toContainText('better');
  // The scope's review dates follow the latest review and the quarterly cadence.
  await page.getByRole('button', { name: 'Scope', exact: true }).click();
  await expect(page.getByLabel('Last review')).toHaveValue('2026-06-30');
  await expect(page.getByLabel('Next review')).toHaveValue('2026-09-30');
  // Reload: still there (the map is saved 300 ms after the last change).
  await page.waitForTimeout(600);
  await page.reload();
  await page.getByRole('tab', { name: 'Trends' }).click();
  await expect(page.getByTestId('review-item')).toHaveCount(2);
  await expect(page.getByTestId('trend-metrics-canvas')).toHaveAttribute('data-points', '3');
  // Share: the viewer lists both reviews and the values.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  const context = await browser.newContext();
  const viewer = await context.newPage();
  const errors = [];
  viewer.on('pageerror', (e) => errors.push(e.message));
  viewer.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await viewer.goto(link);
  await viewer.getByRole('tab', { name: 'Reviews' }).click();
  await expect(viewer.getByTestId('viewer-reviews').locator('li')).toHaveCount(2);
  await expect(viewer.getByTestId('viewer-reviews')).toContainText('Handoff calls started');
  await expect(viewer.getByTestId('viewer-review-table')).toContainText('+12');
  await expect(viewer.getByTestId('viewer-review-table')).toContainText('+30');
  expect(errors).toEqual([]);
  await context.close();
});

test('a template opens with past reviews on its Trends view', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /^B2B SaaS \(enterprise\)/ }).click();
  await page.getByRole('tab', { name: 'Trends' }).click();
  await expect(page.getByTestId('review-item')).toHaveCount(3);
  const points = Number(await page.getByTestId('trend-stages-canvas').getAttribute('data-points'));
  expect(points).toBeGreaterThan(6);
  await expect(page.getByTestId('diff-list')).toBeVisible();
  // The trial checklist, done by its deadline and re-measured 90 days later: before and after.
  await expect(page.getByTestId('trend-remeasured-canvas')).toHaveAttribute('data-points', '2');
});
