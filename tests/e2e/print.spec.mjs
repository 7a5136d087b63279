// The printable poster: the whole map on one landscape page, A3 or A0, with no controls,
// the title, date and owner in the footer; printed to PDF by headless Chromium.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures.mjs';

/** The pages of a PDF and the size of the first, in points. */
function pdfPages(buffer) {
  const text = buffer.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?!s)/g) || [];
  const box = text.match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/);
  return { count: pages.length, width: box ? +box[3] - +box[1] : 0, height: box ? +box[4] - +box[2] : 0 };
}

test('a template map prints as a one-page A3 or A0 landscape poster without controls', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /B2B SaaS \(enterprise\)/ }).click();
  const title = await page.getByTestId('map-title-input').inputValue();
  await page.getByRole('button', { name: 'Print / PDF' }).click();
  const panel = page.getByTestId('print-panel');
  await expect(panel).toBeVisible();
  const foot = page.getByTestId('poster-foot');
  await expect(foot).toHaveText(new RegExp(`^${title.replace(/[()]/g, '\\$&')} · printed \\d{4}-\\d{2}-\\d{2}`));
  // Every stage heads a column of the poster's grid.
  const stages = await page.locator('.stage-name, [data-testid=stage-name]').evaluateAll((els) => els.map((e) => e.value || e.textContent));
  const columns = await page.locator('.poster-grid thead th').allTextContents();
  if (stages.length) expect(columns).toEqual(stages.map((s) => s.trim()));
  expect(columns.length).toBeGreaterThanOrEqual(5);
  const axe = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`)).toEqual([]);

  // A3 landscape: 420 × 297 mm = 1190.6 × 841.9 pt, one page.
  let pdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pdf.count).toBe(1);
  // (Chromium rounds the page to whole CSS pixels: within 2 pt.)
  expect(Math.abs(pdf.width - 1190.55)).toBeLessThan(2);
  expect(Math.abs(pdf.height - 841.89)).toBeLessThan(2);

  // What prints: the poster alone.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('poster')).toBeVisible();
  await expect(page.locator('.toolbar')).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Print / PDF' })).toBeHidden();
  if (process.env.POSTER_SHOT) await page.screenshot({ path: process.env.POSTER_SHOT, fullPage: true });
  await page.emulateMedia({ media: null });

  // A0 landscape: 1189 × 841 mm = 3370.4 × 2383.9 pt, still one page.
  await panel.getByLabel(/A0 landscape/).check();
  await expect(page.getByTestId('poster')).toHaveClass(/\ba0\b/);
  pdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pdf.count).toBe(1);
  expect(Math.abs(pdf.width - 3370.39)).toBeLessThan(2);
  expect(Math.abs(pdf.height - 2383.94)).toBeLessThan(2);
});
