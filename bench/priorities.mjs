// Priorities benchmark (figures, not a test; issue 12). In Debian's Chromium with the
// release build (self-test pages on), a generated map of 12 stages, 400 touchpoints,
// 100 pain points (some unscored) and 60 opportunities with plan data:
//  - open: a click on the Priorities tab (from the Map view) until the frame after it has
//    been drawn (the rows it drew are counted), and until the first frame drawn with the
//    screen full of rows (rows below the first ones mount after the first paint);
//  - re-rank: with every row mounted (scrolled through, as a user would) and the pain
//    matrix drawn, a score typed into the ranked table (a pain near the middle, its
//    magnitude alternating between 1 and 5, so it moves up and down the ranking) until
//    the frame after it has been drawn.
// Each is split into the page's work: handling the event (the app's handlers and the
// reactive updates they trigger, from the first listener to the last) and the frame
// after it (from its animation-frame callbacks through style, layout and paint), which
// together must fit in one frame: target ≤ 16 ms. Also Event Timing (what INP uses):
// how many of the typed scores took more than 16 ms from key to next paint (including
// the wait for the next vsync, which the page does not control). Medians of RUNS runs.
//   node bench/priorities.mjs   (after scripts/bench.sh has built dist-selftest/)
import { startApp, median, p95, ms } from './lib.mjs';

const RUNS = Number(process.env.RUNS || 15);
const EDITS = Number(process.env.EDITS || 40);
const { browser, base, close } = await startApp();

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: !!process.env.CSS });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}edit/#/selftest/priorities-map`);
  await page.waitForURL(/#\/map\/bench-priorities/);
  await page.locator('li.card').first().waitFor();
  await page.waitForTimeout(500);
  // For experiments: extra CSS injected into the page (e.g. CSS=".chart-canvas{display:none}").
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  // The probe: the first listener of an event type (capture, on window) starts the clock
  // and asks for the next frame; the last (bubble, on window, added after the app's
  // listeners) stops the handling clock. Each event's figures land in __probe.
  //  - A typed score is its keydown (a score box is a spin button: one key, one score).
  //  - The last listener first brings style and layout up to date. A click would have it
  //    done in the frame: either way the work is the same, and this way it counts as
  //    handling, where it could otherwise fall between the two clocks.
  await page.evaluate(() => {
    window.__probe = [];
    window.__watch = (type) => {
      let current = null;
      addEventListener(type, () => {
        const now = performance.now();
        current = { type, t0: now };
        const c = current;
        requestAnimationFrame(() => {
          c.raf = performance.now();
          setTimeout(() => {
            c.drawn = performance.now();
            c.rows = document.querySelectorAll('[data-testid=ranked-pains] tbody tr').length;
            window.__probe.push(c);
          }, 0);
        });
        if (type === 'click') {
          // The first frame drawn with the screen full of rows (or all rows there).
          const full = () => {
            const table = document.querySelector('[data-testid=ranked-pains]');
            const rows = table ? table.querySelectorAll('tbody tr') : [];
            const last = rows[rows.length - 1];
            return !!last && (last.getBoundingClientRect().bottom >= innerHeight
              || rows.length === Number(table.getAttribute('aria-rowcount')) - 1);
          };
          c.frames = 0;
          const watch = () => requestAnimationFrame(() => {
            c.frames++;
            const ok = full();
            setTimeout(() => { if (ok) c.full = performance.now() - c.t0; else watch(); }, 0);
          });
          watch();
        }
      }, true);
      addEventListener(type, () => {
        if (!current) return;
        void document.documentElement.offsetHeight;
        current.handled = performance.now();
      });
    };
    window.__watch('click');
    window.__watch('keydown');
    window.__slow = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') window.__slow.push({ at: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  const take = async (type) => {
    await page.waitForFunction((type) => window.__probe.some((p) => p.type === type && (type !== 'click' || p.full !== undefined)), type);
    return page.evaluate((type) => {
      const i = window.__probe.findIndex((p) => p.type === type);
      const [p] = window.__probe.splice(i, 1);
      window.__probe = [];
      return { handling: p.handled - p.t0, frame: p.drawn - p.raf, total: p.drawn - p.t0, rows: p.rows, full: p.full, frames: p.frames };
    }, type);
  };
  const tab = (name) => page.getByRole('tab', { name, exact: true });

  const opens = [];
  for (let r = 0; r < RUNS; r++) {
    await tab('Map').click();
    await page.locator('li.card').first().waitFor();
    await page.waitForTimeout(400);
    await page.evaluate(() => { window.__probe = []; });
    await tab('Priorities').click();
    opens.push(await take('click'));
    await page.getByTestId('ranked-pains').waitFor();
  }
  // The rows the opening frame drew; then every row, as a user who scrolls down the
  // whole list mounts them (rows mount as they near the viewport).
  const firstRows = median(opens.map((o) => o.rows));
  const total = async (id) => Number(await page.getByTestId(id).getAttribute('aria-rowcount')) - 1;
  const rows = await total('ranked-pains');
  const unscored = await total('unscored-pains');
  const all = page.locator('[data-testid=ranked-pains] tbody tr, [data-testid=unscored-pains] tbody tr');
  while (await all.count() < rows + unscored) {
    await page.evaluate(() => document.querySelector('.editor-main').scrollBy(0, 600));
    await page.waitForTimeout(50);
  }
  await page.getByTestId('pain-matrix').waitFor();

  const show = (xs, k) => `median ${ms(median(xs.map((x) => x[k])))}, p95 ${ms(p95(xs.map((x) => x[k])))}`;
  const line = (name, xs) => {
    const work = xs.map((x) => x.handling + x.frame);
    console.log(`${name}: page work (handling + frame) median ${ms(median(work))}, p95 ${ms(p95(work))}   target ≤ 16 ms (one frame)`);
    console.log(`    handling ${show(xs, 'handling')}; frame ${show(xs, 'frame')}; event → frame drawn, vsync wait included: ${show(xs, 'total')}`);
  };
  console.log(`Priorities benchmark: generated map, 12 stages, 400 touchpoints, ${rows} ranked + ${unscored} unscored pain points, 60 opportunities; ${RUNS} opens, ${EDITS} score edits`);
  console.log(`    the frame that opens the view draws the first ${firstRows} rows, the rest mount after it as they near the viewport; the edits run with all ${rows + unscored} rows and the pain matrix mounted`);
  line(`open the Priorities view (${RUNS} runs)`, opens);
  console.log(`    the screen full of rows: ${ms(median(opens.map((o) => o.full)))} from the click (vsync waits included), in ${median(opens.map((o) => o.frames))} frames (median)`);

  // A pain near the middle of the ranking: its magnitude flips between 1 and 5.
  const card = await page.locator('[data-testid=ranked-pains] tbody tr').nth(Math.floor(rows / 2)).getAttribute('data-card');
  const mine = page.locator(`[data-testid=ranked-pains] tr[data-card="${card}"] td.score [role=spinbutton]`).first();
  await mine.click();
  const edits = [];
  const ranks = new Set();
  await page.evaluate(() => { window.__slow = []; });
  let over = 0;
  for (let i = 0; i < EDITS; i++) {
    await mine.focus();
    await page.evaluate(() => { window.__probe = []; window.__from = performance.now(); });
    await page.keyboard.press(i % 2 ? '1' : '5');
    edits.push(await take('keydown'));
    await page.waitForTimeout(100);
    // This digit's keydown only (entries arrive late, and older ones may still come in).
    over += await page.evaluate(() => window.__slow.filter((e) => e.at >= window.__from && e.duration > 16).length);
    ranks.add(await page.locator(`[data-testid=ranked-pains] tr[data-card="${card}"] td.rank`).textContent());
    await page.waitForTimeout(50);
  }

  line(`re-rank after one score edit (${EDITS} edits; the pain moved between ranks ${[...ranks].join(' and ')})`, edits);
  console.log(`    Event Timing, key → next paint (vsync wait included): ${over} of ${EDITS} typed scores over 16 ms`);
  if (errors.length) console.log('console errors:', errors);
} finally {
  await close();
}
