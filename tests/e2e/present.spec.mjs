// Presentation mode, driven like a facilitator with a clicker: one stage at a time, big
// type and high contrast, PageDown/PageUp and the arrows move, Esc leaves; in the editor
// and in the read-only viewer.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures.mjs';

const axe = async (page) => {
  const results = await new AxeBuilder({ page }).include('[data-testid=presentation]')
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`);
};

test('a map is presented one stage at a time with the clicker keys, and Esc leaves', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /B2B SaaS \(enterprise\)/ }).click();
  await page.locator('.stage-name').first().waitFor();
  const names = (await page.locator('.stage-name').evaluateAll((els) => els.map((e) => e.value))).map((s) => s.trim());
  expect(names.length).toBeGreaterThanOrEqual(5);
  const present = page.getByTestId('present-button');
  await present.click();
  const show = page.getByTestId('presentation');
  await expect(show).toBeVisible();
  await expect(show).toBeFocused();
  const count = page.getByTestId('present-count');
  const stage = show.locator('.present-stage');
  await expect(count).toHaveText(`Stage 1 of ${names.length}`);
  await expect(stage).toHaveText(names[0]);
  await expect(show.locator('.present-curve')).toBeVisible();
  await expect(show.getByRole('heading', { name: 'Touchpoints' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('PageDown');
  await expect(count).toHaveText(`Stage 2 of ${names.length}`);
  await expect(stage).toHaveText(names[1]);
  await page.keyboard.press('ArrowRight');
  await expect(stage).toHaveText(names[2]);
  await page.keyboard.press('PageUp');
  await expect(stage).toHaveText(names[1]);
  await page.keyboard.press('End');
  await expect(stage).toHaveText(names[names.length - 1]);
  // Past the end stays at the end; the Next button is off there.
  await page.keyboard.press('PageDown');
  await expect(count).toHaveText(`Stage ${names.length} of ${names.length}`);
  await expect(show.getByRole('button', { name: 'Next →' })).toBeDisabled();
  await page.keyboard.press('Home');
  await expect(stage).toHaveText(names[0]);
  await show.getByRole('button', { name: 'Next →' }).click();
  await expect(stage).toHaveText(names[1]);
  // The top friction points carry their badge on their stage's slide.
  let tops = 0;
  for (let i = 0; i < names.length; i++) {
    await page.keyboard.press(i === 0 ? 'Home' : 'PageDown');
    tops += await show.locator('.top-badge').count();
  }
  expect(tops).toBe(3);
  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);
  await expect(present).toBeFocused();
  // Nothing was changed by presenting.
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
});

test('a shared map can be presented from the viewer', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('map-list').getByRole('link').first().click();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.goto('about:blank');
  await page.goto(link);
  await page.getByTestId('present-button').click();
  const show = page.getByTestId('presentation');
  await expect(show).toBeVisible();
  await expect(page.getByTestId('present-count')).toHaveText(/^Stage 1 of \d+$/);
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('present-count')).toHaveText(/^Stage 2 of \d+$/);
  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);
});

test('on a phone a shared map reads stage by stage with nothing to scroll sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  const fs = await import('node:fs');
  const payload = fs.readFileSync('tests/fixtures/share/v3-hand-made.link', 'utf8').trim();
  const { stages } = JSON.parse(fs.readFileSync('tests/fixtures/share/v3-hand-made.json', 'utf8'));
  await page.goto(`view/#/s/${payload}`);
  const story = page.getByTestId('story');
  await expect(story).toBeVisible({ timeout: 20_000 });
  const parts = story.getByTestId('story-stage');
  await expect(parts).toHaveCount(stages.length);
  for (let i = 0; i < stages.length; i++) {
    const part = parts.nth(i);
    await part.scrollIntoViewIfNeeded();
    await expect(part.locator('.present-stage')).toHaveText(stages[i].name);
    const wide = await page.evaluate(() => {
      const main = document.querySelector('.editor-main');
      return { page: document.scrollingElement.scrollWidth - innerWidth, main: main.scrollWidth - main.clientWidth };
    });
    expect(wide, `stage ${i + 1} needs no sideways scrolling`).toEqual({ page: 0, main: 0 });
  }
  const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`)).toEqual([]);
  // The grid is one tap away, and back.
  await page.getByRole('button', { name: 'Show as a grid' }).click();
  await expect(story).toHaveCount(0);
  await expect(page.locator('.grid, table').first()).toBeVisible();
  await page.getByRole('button', { name: 'Show stage by stage' }).click();
  await expect(story).toBeVisible();
  // Presenting from the phone: one column, no text cut off at the right edge.
  await page.getByTestId('present-button').click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  for (let i = 0; i < stages.length; i++) {
    await expect(page.getByTestId('present-count')).toHaveText(`Stage ${i + 1} of ${stages.length}`);
    const cut = await page.evaluate(() => {
      const body = document.querySelector('.present-body');
      const out = [...document.querySelectorAll('.presentation h3, .present-list li')]
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5 || e.scrollWidth > e.clientWidth)
        .map((e) => e.textContent.slice(0, 30));
      return { sideways: body.scrollWidth - body.clientWidth, out };
    });
    expect(cut, `presented stage ${i + 1} fits the phone's width`).toEqual({ sideways: 0, out: [] });
    if (i + 1 < stages.length) await page.getByRole('button', { name: /^Next/ }).click();
  }
  await page.keyboard.press('Escape');
  expect(problems).toEqual([]);
  await context.close();
});
