// Markdown report: the editor's Report panel downloads the map as one Markdown document
// with the emotion curve and the stakeholder matrix as two SVG files beside it, referred to
// by their names; the text is escaped so that hostile titles and cards read as written.
// The documents are read back with a real Markdown parser (marked, GitHub-flavoured).
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { marked } from 'marked';
import { test, expect, openApp } from './fixtures.mjs';

const BASE = 'sample-map-buying-finance-software-in-6-stages';

async function openSample(page) {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/map\//);
}

/** Clicks `button` and collects the `count` downloads it starts, by file name. */
async function downloads(page, button, count) {
  const files = {};
  const got = new Promise((resolve) => {
    page.on('download', async (d) => {
      files[d.suggestedFilename()] = fs.readFileSync(await d.path(), 'utf8');
      if (Object.keys(files).length === count) resolve();
    });
  });
  await button.click();
  await got;
  page.removeAllListeners('download');
  return files;
}

/** The cells of each row of each table in marked's HTML. */
function tables(html) {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1])),
  );
}

test('the report and its two charts download, and the Markdown renders as written', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSample(page);
  await page.getByTestId('report-button').click();
  const panel = page.getByTestId('report-panel');
  await expect(panel.getByTestId('report-images-hint')).toContainText(`${BASE}-emotion-curve.svg`);
  const results = await new AxeBuilder({ page }).include('[data-testid=report-panel]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const files = await downloads(page, panel.getByTestId('report-download-all'), 3);
  expect(Object.keys(files).sort()).toEqual([`${BASE}-emotion-curve.svg`, `${BASE}-stakeholder-matrix.svg`, `${BASE}.md`]);
  await expect(page.getByText(`Downloaded ${BASE}.md, ${BASE}-emotion-curve.svg and ${BASE}-stakeholder-matrix.svg.`)).toBeVisible();
  const md = files[`${BASE}.md`];
  expect(md.startsWith('# Sample map: buying finance software in 6 stages\n\nJourney map report made with Trailmap on ')).toBe(true);
  for (const heading of ['## Scope', '## Persona', '### Finance Ops Fiona (primary)', '## Journey', '### 1. Awareness',
    '### 6. Advocacy', '## Moments of truth', '## Stakeholders', '### Manage closely: high influence, high interest',
    '## Top pain points', '## Improvement plan']) {
    expect(md).toContain(`\n${heading}\n`);
  }
  expect(md).toContain('\n| Article on closing faster | Blog | +1 positive |   |\n');
  expect(md).toContain(`](${BASE}-emotion-curve.svg)`);
  expect(md).toContain(`](${BASE}-stakeholder-matrix.svg)`);
  for (const svg of [`${BASE}-emotion-curve.svg`, `${BASE}-stakeholder-matrix.svg`]) {
    expect(files[svg]).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(files[svg]).toContain('</svg>');
  }
  expect(files[`${BASE}-stakeholder-matrix.svg`]).toContain('Manage closely');

  // What a wiki or GitHub makes of it.
  const html = marked.parse(md);
  expect(html).toContain('<h1>Sample map: buying finance software in 6 stages</h1>');
  expect(html).toContain(`<img src="${BASE}-emotion-curve.svg" alt="Emotion curve:`);
  expect(html).toContain(`<img src="${BASE}-stakeholder-matrix.svg" alt="Influence–interest matrix:`);
  const all = tables(html);
  // Each stage's touchpoints, the four quadrants, the pains and the plan.
  expect(all.length).toBe(6 + 4 + 1 + 1);
  for (const t of all) for (const row of t) expect(row.length).toBe(t[0].length);
  expect(all[0][1]).toEqual(['Article on closing faster', 'Blog', '+1 positive', '']);
  const pains = all[10];
  expect(pains[0]).toEqual(['Rank', 'Pain point', 'Stage', 'Impact', 'Effort to resolve', 'Evidence']);
  expect(pains.slice(1, 5).map((r) => r[0])).toEqual(['<strong>Top 1</strong>', '<strong>Top 2</strong>', '<strong>Top 3</strong>', '4']);
  expect(html).toContain('<blockquote>\n<p>“Useful, and no hard sell.”<br>— Article on closing faster</p>\n</blockquote>');
  // A KPI target of "< 1 h" is text, not HTML.
  expect(md).not.toContain('<script');

  // The text shown is the text downloaded (up to the day it was made); Copy copies it.
  await expect(panel.getByTestId('report-text')).toHaveValue(md);
  await panel.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText("Copied the report's Markdown.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(md);

  // One chart alone.
  const one = await downloads(page, panel.getByRole('button', { name: 'Download matrix (.svg)' }), 1);
  expect(Object.keys(one)).toEqual([`${BASE}-stakeholder-matrix.svg`]);
});

test('hostile text in the map stays text in the report', async ({ page }) => {
  await openSample(page);
  const title = '# Q3 | `rm -rf` *now* <img src=x onerror=alert(1)> $5 [link](javascript:x)';
  await page.getByTestId('map-title-input').fill(title);
  const card = page.locator('li.card.kind-touchpoints').first().locator('textarea');
  await card.fill('a | b\n- not a list\n| c |');
  await card.blur();
  await page.getByTestId('report-button').click();
  const panel = page.getByTestId('report-panel');
  const files = await downloads(page, panel.getByRole('button', { name: 'Download .md only' }), 1);
  const [name] = Object.keys(files);
  expect(name).toBe('q3-rm-rf-now-img-src-x-onerror-alert-1-5-link-javascript-x.md');
  const html = marked.parse(files[name]);
  expect(html).toContain('<h1># Q3 | `rm -rf` *now* &lt;img src=x onerror=alert(1)&gt; $5 [link](javascript:x)</h1>');
  expect(html).not.toContain('<img src="x"');
  expect(html).not.toContain('<a href="javascript');
  expect(html).not.toContain('<code>');
  const stage = tables(html)[0];
  expect(stage[1][0]).toBe('a | b<br>- not a list<br>| c |');
  for (const row of stage) expect(row.length).toBe(4);
});

test('the pinned native report renders with marked as the native tests expect', async () => {
  const md = fs.readFileSync('tests/fixtures/report/six-stage-b2b.md', 'utf8');
  const html = marked.parse(md);
  expect(html).toContain('<h1>B2B journey in 6 stages</h1>');
  expect(html).toContain('<li><strong>Review:</strong> quarterly; last review 2026-11-02, next review 2027-02-02</li>');
  const all = tables(html);
  for (const t of all) for (const row of t) expect(row.length).toBe(t[0].length);
  // Nothing in the map's text turns into markup: no emphasis, code, strikethrough or
  // links, and bold only where the writer puts it (labels, the top pains, moments of truth).
  expect(html).not.toMatch(/<em>|<code>|<del>|<a /);
  expect((html.match(/<strong>/g) || []).length).toBe((md.match(/\*\*[^*]+\*\*/g) || []).length);
});
