// CSV: the four files download (UTF-8 with BOM, RFC 4180), and touchpoints and
// stakeholders read back into a blank map after a preview; bad rows are listed with their
// line and reason and the others still come in.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures.mjs';

async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('csv-panel').getByRole('button', { name: `Download ${name}` }).click(),
  ]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

async function expectAxeClean(page) {
  const results = await new AxeBuilder({ page })
    .include('[data-testid=csv-panel]')
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`)).toEqual([]);
}

const choose = (page, name, text) =>
  page.getByTestId('csv-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

test('the files download and read back into a blank map', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await page.getByTestId('csv-button').click();
  const files = {};
  for (const name of ['touchpoints', 'pain points', 'opportunities', 'stakeholders']) {
    files[name] = await download(page, name);
    expect(files[name].name).toBe(`Sample map buying finance software in 6 stages - ${name}.csv`);
    expect(files[name].text.startsWith('\ufeff')).toBe(true);
    expect(files[name].text).toContain('\r\n');
  }
  expect(files.touchpoints.text.split('\r\n')[0]).toBe('\ufeffStage,Touchpoint,Channel,Stakeholders,Owning team,Emotion,Customer\'s words,Moment of truth,To-be emotion,Notes');
  expect(files.touchpoints.text).toContain('"Fiona, Finance Ops Manager"');
  expect(files['pain points'].text.split('\r\n').filter(Boolean).length).toBe(7);
  await expectAxeClean(page);

  await openApp(page);
  await page.getByRole('button', { name: /^Blank map/ }).click();
  await expect(page).toHaveURL(/#\/map\//);
  await page.getByTestId('csv-button').click();
  await choose(page, 'stakeholders.csv', files.stakeholders.text);
  await expect(page.getByTestId('csv-preview')).toContainText('Adds 6 stakeholders.');
  await page.getByRole('button', { name: 'Add to the map' }).click();
  await expect(page.getByText('Added 6 stakeholders from the file.')).toBeVisible();
  await choose(page, 'touchpoints.csv', files.touchpoints.text);
  await expect(page.getByTestId('csv-preview')).toContainText('Adds 22 touchpoints, 6 new stages (Awareness,');
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Add to the map' }).click();
  await expect(page.getByLabel('Stage name')).toHaveCount(6);
  await expect(page.getByLabel('Stage name').first()).toHaveValue('Awareness');
  await expect(page.locator('li.card textarea').first()).toHaveValue('Article on closing faster');
  // One undo takes the whole file back.
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Stage name')).toHaveCount(0);
});

test('bad rows are listed with line and reason, and the others still come in', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await page.getByTestId('csv-button').click();
  const text = 'Stage,Touchpoint,Emotion\r\nAwareness,Podcast ad,1\r\nDecision,Pricing call,7\r\n,No stage,0\r\n';
  await choose(page, 'bad.csv', text);
  const preview = page.getByTestId('csv-preview');
  await expect(preview).toContainText('Adds 1 touchpoint.');
  const errors = page.getByTestId('csv-row-errors');
  await expect(errors).toContainText('2 rows are left out:');
  await expect(errors.locator('li').nth(0)).toHaveText('Line 3: the emotion 7 is outside -2 to 2 (“Pricing call”)');
  await expect(errors.locator('li').nth(1)).toHaveText('Line 4: “No stage” has no stage (the “Stage” column is empty)');
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Add to the map' }).click();
  await expect(page.getByText('Added 1 touchpoint from the file.')).toBeVisible();
  // A file that is neither touchpoints nor stakeholders changes nothing.
  await choose(page, 'other.csv', 'Colour,Size\r\nred,1\r\n');
  await expect(page.getByTestId('csv-error')).toContainText('neither touchpoints nor stakeholders');
});
