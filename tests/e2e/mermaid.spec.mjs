// Mermaid journeys: import by paste and by file (errors with line and reason, nothing
// saved), export from the editor (copy, download, what is left out), and mermaid's own
// parser (the `mermaid` npm package, loaded from node_modules into a blank page: no
// network) accepting the exports of the sample map and every template.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures.mjs';

const FIXTURES = 'tests/fixtures/mermaid';
const DOCS = fs.readFileSync(`${FIXTURES}/docs-user-journey.mmd`, 'utf8');
const MERMAID_JS = 'node_modules/mermaid/dist/mermaid.min.js';

async function expectAxeClean(page, selector) {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`);
  expect(summary, `axe on ${selector}`).toEqual([]);
  expect(results.passes.length, `axe checked ${selector}`).toBeGreaterThan(3);
}

/** A blank page (no app, no CSP, no network) with mermaid's bundle from node_modules. */
async function mermaidPage(context) {
  const page = await context.newPage();
  await page.setContent('<!doctype html><html lang="en"><head><title>mermaid</title></head><body></body></html>');
  await page.addScriptTag({ path: MERMAID_JS });
  await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false }));
  return page;
}

/** mermaid.parse(text): null when accepted, else mermaid's message. */
const parse = (page, text) =>
  page.evaluate(async (t) => {
    try {
      const r = await window.mermaid.parse(t);
      return r && r.diagramType === 'journey' ? null : `parsed as ${r && r.diagramType}`;
    } catch (e) {
      return String((e && e.message) || e);
    }
  }, text);

async function openImport(page) {
  await page.getByTestId('mermaid-import-button').click();
  await expect(page.getByTestId('mermaid-import')).toBeVisible();
}

test('a pasted journey becomes a new map with its stages, touchpoints and scores', async ({ page }) => {
  await openApp(page);
  await openImport(page);
  await page.getByLabel('Mermaid journey', { exact: true }).fill(DOCS);
  await expectAxeClean(page, '[data-testid=mermaid-import]');
  await page.getByTestId('mermaid-import-submit').click();
  await expect(page).toHaveURL(/#\/map\//);
  await expect(page.getByTestId('map-title-input')).toHaveValue('My working day');
  const stages = page.getByLabel('Stage name');
  await expect(stages).toHaveCount(2);
  await expect(stages.nth(0)).toHaveValue('Go to work');
  await expect(stages.nth(1)).toHaveValue('Go home');
  const cards = page.locator('li.card');
  await expect(cards.locator('textarea').first()).toHaveValue('Make tea');
  const texts = await cards.locator('textarea').evaluateAll((els) => els.map((e) => e.value));
  expect(texts).toEqual(['Make tea', 'Go upstairs', 'Do work', 'Go downstairs', 'Sit down']);
  // Score 1 is emotion -2 (very negative), score 5 is +2.
  await expect(cards.nth(2).getByLabel('Emotion', { exact: true })).toHaveValue('-2');
  await expect(cards.nth(0).getByLabel('Emotion', { exact: true })).toHaveValue('2');
  await expect(cards.nth(1).getByLabel('Emotion', { exact: true })).toHaveValue('0');
  // The actors are the stakeholders.
  await expect(page.getByTestId('stakeholder-filter').locator('option')).toHaveText(['Everyone', 'Me', 'Cat']);
});

test('a bad score shows its line and reason, and nothing is saved', async ({ page }) => {
  await openApp(page);
  const maps = page.getByTestId('map-list').locator(':scope > li');
  const before = await maps.count();
  await openImport(page);
  const bad = DOCS.replace('Go upstairs: 3: Me', 'Go upstairs: 7: Me').replace('Sit down: 5: Me', 'Sit down; 5: Me');
  await page.getByLabel('Mermaid journey', { exact: true }).fill(bad);
  await page.getByTestId('mermaid-import-submit').click();
  const errors = page.getByTestId('mermaid-import-errors');
  await expect(errors).toContainText('Nothing was imported. Fix 2 lines and import again:');
  await expect(errors.locator('li').nth(0)).toHaveText(/^Line 5: the score 7 of “Go upstairs” is outside 1–5/);
  await expect(errors.locator('li').nth(1)).toHaveText(/^Line 9: Mermaid does not allow “;” here/);
  await expect(page).not.toHaveURL(/#\/map\//);
  await expectAxeClean(page, '[data-testid=mermaid-import]');
  // Fixed, it imports; cancelled instead, the list is as it was.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('mermaid-import')).toBeHidden();
  await expect(maps).toHaveCount(before);
});

test('a Markdown file with a mermaid block imports through the file picker', async ({ page }) => {
  await openApp(page);
  await openImport(page);
  await page.getByTestId('mermaid-import-file').setInputFiles(`${FIXTURES}/readme.md`);
  await expect(page).toHaveURL(/#\/map\//);
  await expect(page.getByTestId('map-title-input')).toHaveValue('Onboarding a new customer');
  await expect(page.getByLabel('Stage name')).toHaveCount(2);
});

test('export shows the text, copies and downloads it, and says what is left out', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await page.getByTestId('mermaid-button').click();
  const panel = page.getByTestId('mermaid-panel');
  const text = page.getByLabel('Diagram', { exact: true });
  await expect(text).toHaveValue(/^journey\n    title Sample map: buying finance software in 6 stages\n/);
  await expect(text).toHaveValue(/\n    section Awareness\n      Article on closing faster: 4: /);
  await expect(panel.getByTestId('mermaid-left-out')).toContainText("The customer's words (quotes) of 22 touchpoints.");
  await expect(panel.getByTestId('mermaid-left-out')).toContainText('6 pain points (Mermaid has only tasks).');
  await expectAxeClean(page, '[data-testid=mermaid-panel]');

  // One stakeholder's view: only their touchpoints, with them as the actor.
  const view = page.getByLabel('Whose view');
  await view.selectOption({ label: 'Only CFO' });
  const cfo = await text.inputValue();
  const tasks = cfo.split('\n').filter((l) => /^ {6}\S/.test(l));
  expect(tasks.length).toBeGreaterThan(3);
  for (const t of tasks) expect(t).toMatch(/: [1-5]: CFO$/);
  await expect(panel.getByTestId('mermaid-left-out')).toContainText('without CFO');

  await panel.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Copied the Mermaid diagram.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cfo);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download .mmd' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Sample map buying finance software in 6 stages.mmd');
  expect(fs.readFileSync(await download.path(), 'utf8')).toBe(cfo);
});

test("mermaid's parser accepts the exports of the sample map and every template", async ({ page, context }) => {
  const exports = [];
  const readExport = async () => {
    await page.getByTestId('mermaid-button').click();
    const text = page.getByLabel('Diagram', { exact: true });
    await expect(text).toHaveValue(/^journey\n/);
    exports.push(await text.inputValue());
    for (const option of ['Only CFO', /^The persona /]) {
      const view = page.getByLabel('Whose view');
      const labels = await view.locator('option').allTextContents();
      const pick = labels.find((l) => (typeof option === 'string' ? l === option : option.test(l)));
      if (pick) {
        await view.selectOption({ label: pick });
        exports.push(await text.inputValue());
      }
    }
  };
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await readExport();
  await openApp(page);
  const names = await page.locator('.template-choice:not(.blank) strong').allTextContents();
  expect(names.length).toBe(5);
  for (const name of names) {
    await openApp(page);
    await page.locator('.template-choice', { hasText: name }).click();
    await expect(page).toHaveURL(/#\/map\//);
    await readExport();
  }
  expect(exports.length).toBeGreaterThanOrEqual(6);

  const parser = await mermaidPage(context);
  for (const text of exports) {
    expect(await parse(parser, text), text).toBeNull();
  }
  // What Trailmap's importer accepts, mermaid accepts; what its grammar refuses, both refuse.
  for (const file of ['docs-user-journey.mmd', 'docs-accessibility.mmd', 'everything.mmd']) {
    expect(await parse(parser, fs.readFileSync(`${FIXTURES}/${file}`, 'utf8')), file).toBeNull();
  }
  for (const bad of [
    'journey\n  section A\n    Make tea; 5: Me\n',
    'journey\n  section A: B\n    Make tea: 5: Me\n',
    'journey\n  section A\n    Make tea\n',
    'journey\n  section A\n    Journey home: 3\n',
  ]) {
    expect(await parse(parser, bad), bad).not.toBeNull();
  }
  await parser.close();
});

test('names Mermaid cannot hold as they are render as written', async ({ page, context }) => {
  // Import a diagram written with entity codes, export it, and let mermaid draw the export.
  const source = [
    'journey',
    '  title Q3#58; renewals#59; #35;1',
    '  section Evaluate#58; phase 1',
    '    Demo#58; live#59; 50#37;% off: 5: CFO#44; Finance',
    '    #74;ourney recap: 2',
    '',
  ].join('\n');
  await openApp(page);
  await openImport(page);
  await page.getByLabel('Mermaid journey', { exact: true }).fill(source);
  await page.getByTestId('mermaid-import-submit').click();
  await expect(page.getByTestId('map-title-input')).toHaveValue('Q3: renewals; #1');
  await expect(page.getByLabel('Stage name')).toHaveValue('Evaluate: phase 1');
  await expect(page.locator('li.card textarea').first()).toHaveValue('Demo: live; 50%% off');
  await page.getByTestId('mermaid-button').click();
  const exported = await page.getByLabel('Diagram', { exact: true }).inputValue();
  expect(exported).toContain('Demo#58; live#59; 50#37;% off: 5: CFO#44; Finance');

  const parser = await mermaidPage(context);
  const shown = await parser.evaluate(async (t) => {
    const { svg } = await window.mermaid.render('exported', t);
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    document.body.append(holder);
    return holder.querySelector('svg').textContent.replace(/\s+/g, ' ');
  }, exported);
  for (const words of ['Demo: live; 50%% off', 'Journey recap', 'Evaluate: phase 1', 'CFO, Finance', 'Q3: renewals; #1']) {
    expect(shown).toContain(words);
  }
  await parser.close();
});
