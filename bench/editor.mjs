// Editor benchmark (figures, not a test). In Debian's Chromium, with the release build and
// a generated map of 12 stages, 8 stakeholders and 400 touchpoints stored in localStorage:
//  - open: from navigating to the map until every cell on screen shows its cards
//    (stored map read, restored and rendered); target ≤ 200 ms. Median of RUNS runs.
//  - keystroke to next paint: real key presses in a touchpoint card, measured by Event
//    Timing (what INP uses: from the key event to the next paint; Chromium reports only
//    events of 16 ms or more, so "below 16 ms" is a count). Target p95 ≤ 16 ms. Two paces:
//     - a fast typist (judged against the target): the gaps between keys drawn from a
//       log-normal with a median of 110 ms (about 110 words a minute, twice an average
//       typist's speed), 5 % of gaps under 50 ms, from a fixed seed so runs repeat, and a pause
//       of a second after every 25 keys (long enough for the autosave to run, so the
//       next key is the first of a new burst);
//     - a stress pace: a key every 25 ms plus the driver's round trip (about 35 keys a
//       second, faster than anyone types). Between keys that close Chromium keeps its
//       frame clock running, so a key waits up to one frame (16.7 ms) for the next
//       vsync; at a human pace the clock has stopped and a key's frame starts at once.
//    Also the time from the keydown handler to the first task after the next frame
//    (includes waiting for vsync, so it is an upper bound), at the stress pace.
//  - latency split: one traced round per page, each key's latency taken apart with
//    Chromium's EventLatency trace: handling the key, waiting for the next frame, and the
//    frame's work after that wait (the part a page controls; see traceSplit).
// Usage: node bench/editor.mjs  (after `trunk build --release`; see scripts/bench.sh)
import { startApp, median, p95, ms } from './lib.mjs';

const RUNS = Number(process.env.RUNS || 7);
const KEYS = Number(process.env.KEYS || 200);
// Typing rounds per target: the share of slow keys varies a lot between rounds.
const ROUNDS = Number(process.env.ROUNDS || 3);
// Keys in the traced round that splits latency into its parts.
const TRACE_KEYS = Number(process.env.TRACE_KEYS || 100);
// Median gap between keys at a fast typist's pace, in ms (log-normal, sigma 0.5).
const HUMAN_GAP = Number(process.env.HUMAN_GAP || 110);
// The pause after every 25 keys at a typist's pace, in ms.
const PAUSE = 1000;
// Gap between keys at the stress pace, in ms (plus the driver's round trip).
const STRESS_GAP = 25;
const { browser, base, close } = await startApp();

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}edit/#/selftest/large-map`);
  await page.waitForURL(/#\/map\/bench-large/);
  await page.locator('li.card').first().waitFor();
  // For experiments: extra CSS injected into the page (e.g. CSS="th{position:static}").
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });

  const opens = [];
  for (let r = 0; r < RUNS; r++) {
    await page.evaluate(() => { location.hash = '#/'; });
    await page.locator('[data-testid=map-list]').waitFor();
    await page.waitForTimeout(300);
    opens.push(await page.evaluate(async () => {
      const t0 = performance.now();
      location.hash = '#/map/bench-large';
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const onScreen = (el) => { const b = el.getBoundingClientRect(); return b.bottom > 0 && b.top < innerHeight && b.right > 0 && b.left < innerWidth; };
      for (;;) {
        await frame();
        const cards = document.querySelectorAll('li.card').length;
        const pending = [...document.querySelectorAll('.cards-pending')].some((p) => p.offsetHeight > 0 && onScreen(p));
        if (cards > 0 && !pending) return performance.now() - t0;
      }
    }));
  }

  // The gaps between keys, in ms: `pace` 'stress' or 'human' (log-normal around
  // HUMAN_GAP, from a fixed seed so every run and build gets the same sequence).
  function gaps(pace) {
    if (pace === 'stress') return Array(KEYS).fill(STRESS_GAP);
    let seed = 20261201;
    const uniform = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return (seed + 0.5) / 2 ** 32; };
    return Array.from({ length: KEYS }, (_, i) => {
      const normal = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      return i % 25 === 24 ? PAUSE : HUMAN_GAP * Math.exp(0.5 * normal);
    });
  }

  // Type into a textarea and collect Event Timing entries of keydowns over 16 ms.
  async function typeAndMeasure(target, pace) {
    await page.evaluate(() => {
      window.__slow = [];
      window.__frames = [];
      window.__obs?.disconnect();
      window.__obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'keydown') window.__slow.push(e.duration);
      });
      window.__obs.observe({ type: 'event', durationThreshold: 16 });
    });
    await target.click();
    await page.keyboard.press('End');
    for (const [i, gap] of gaps(pace).entries()) {
      await page.keyboard.press(i % 20 === 19 ? 'Backspace' : 'x');
      await page.waitForTimeout(gap);
    }
    await page.waitForTimeout(500);
    const slow = await page.evaluate(() => window.__slow);
    const over = slow.filter((d) => d > 16);
    const pad = [...slow, ...Array(Math.max(0, KEYS - slow.length)).fill(0)];
    return { over: over.length, p95: p95(pad) };
  }

  // One traced round: Chromium's EventLatency trace splits each key's latency into the
  // wait for the next frame (vsync) and the work after it (main-thread frame, raster,
  // draw). The wait is up to one frame whatever the page does; the work after vsync is
  // what a page controls, and a key misses 16 ms when wait + work exceed about 20 ms
  // (Event Timing rounds durations to 8 ms).
  async function traceSplit(target) {
    await target.click();
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
    await browser.startTracing(page, { categories: ['input', 'cc', 'benchmark'] });
    for (let i = 0; i < TRACE_KEYS; i++) { await page.keyboard.press('x'); await page.waitForTimeout(STRESS_GAP); }
    await page.waitForTimeout(300);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents
      .filter((e) => (e.ph === 'b' || e.ph === 'e') && e.cat?.includes('input'))
      .sort((a, b) => a.ts - b.ts);
    const open = new Map();
    const keys = [];
    for (const e of events) {
      const id = `${e.pid}:${e.id2?.local ?? e.id}`;
      if (e.name === 'EventLatency') {
        if (e.ph === 'b') open.set(id, { type: e.args?.event_latency?.event_type, ts: e.ts, stages: {} });
        else if (open.has(id)) { const k = open.get(id); k.total = (e.ts - k.ts) / 1000; if (k.type === 'KEY_PRESSED') keys.push(k); open.delete(id); }
      } else if (open.has(id)) {
        const k = open.get(id);
        if (e.ph === 'b') k.stages[e.name] = e.ts; else if (k.stages[e.name] !== undefined) k.stages[e.name] = (e.ts - k.stages[e.name]) / 1000;
      }
    }
    const before = ['GenerationToBrowserMain', 'BrowserMainToRendererCompositor', 'RendererCompositorQueueingDelay',
      'RendererCompositorProcessing', 'RendererCompositorToMain', 'RendererMainProcessing'];
    // A stage's duration in ms (0 if this key had none, or it did not end).
    const stage = (k, name) => (typeof k.stages[name] === 'number' ? k.stages[name] : 0);
    const wait = (k) => stage(k, 'RendererMainFinishedToBeginImplFrame');
    const handled = (k) => before.reduce((s, n) => s + stage(k, n), 0);
    return {
      keys: keys.length,
      handling: median(keys.map(handled)),
      after: median(keys.map((k) => k.total - handled(k) - wait(k))),
      over20: keys.filter((k) => k.total > 20).length,
    };
  }

  // Only the keydown → frame timer here: typeAndMeasure owns the one Event Timing observer
  // (a second observer would count every slow key twice).
  await page.evaluate(() => {
    window.__frames = [];
    window.__onKey = () => {
      const t0 = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__frames.push(performance.now() - t0), 0));
    };
    document.addEventListener('keydown', window.__onKey, true);
  });
  const mounted = await page.locator('li.card').count();
  const card = (n) => page.locator('li.card.kind-touchpoints textarea').nth(n);
  const apps = [];
  for (let r = 0; r < ROUNDS; r++) apps.push(await typeAndMeasure(card(r), 'stress'));
  const frames = await page.evaluate(() => {
    document.removeEventListener('keydown', window.__onKey, true);
    return window.__frames;
  });
  const humans = [];
  for (let r = 0; r < ROUNDS; r++) humans.push(await typeAndMeasure(card(ROUNDS + r), 'human'));
  const appSplit = await traceSplit(card(2 * ROUNDS));
  // Baseline: the same typing into a bare textarea on an empty page, same browser.
  await page.goto('about:blank');
  await page.setContent('<textarea rows="3" cols="40"></textarea>');
  const bares = [];
  for (let r = 0; r < ROUNDS; r++) bares.push(await typeAndMeasure(page.locator('textarea'), 'stress'));
  const bareHumans = [];
  for (let r = 0; r < ROUNDS; r++) bareHumans.push(await typeAndMeasure(page.locator('textarea'), 'human'));
  const bareSplit = await traceSplit(page.locator('textarea'));
  // The round with the median share of slow keys stands for the run; all rounds are shown.
  const mid = (rs) => [...rs].sort((a, b) => a.over - b.over)[Math.floor(rs.length / 2)];
  const app = mid(apps);
  const bare = mid(bares);
  const human = mid(humans);
  const bareHuman = mid(bareHumans);
  const rounds = (rs) => rs.map((r) => `${(100 * r.over / KEYS).toFixed(0)} %`).join(', ');
  const show = (r) => `${r.over} of ${KEYS} over 16 ms (${(100 * r.over / KEYS).toFixed(1)} %), p95 ${r.over / KEYS <= 0.05 ? '≤ 16 ms' : ms(r.p95)}`;

  console.log(`editor benchmark: generated map, 12 stages × 6 lanes, 8 stakeholders, 400 touchpoints (${mounted} cards mounted around the viewport)`);
  console.log(`open map (stored → on screen), ${RUNS} runs: median ${ms(median(opens))}, p95 ${ms(p95(opens))}   target ≤ 200 ms`);
  console.log(`keystroke → next paint (Event Timing), fast typist (median gap ${HUMAN_GAP} ms, a ${PAUSE / 1000} s pause every 25 keys), median of ${ROUNDS} rounds:`);
  console.log(`  Trailmap card:  ${show(human)}   target p95 ≤ 16 ms  (rounds: ${rounds(humans)} over 16 ms)`);
  console.log(`  bare textarea:  ${show(bareHuman)}   (this browser's floor; rounds: ${rounds(bareHumans)})`);
  console.log(`keystroke → next paint (Event Timing), stress pace (a key every ${STRESS_GAP} ms + round trip), median of ${ROUNDS} rounds:`);
  console.log(`  Trailmap card:  ${show(app)}   (rounds: ${rounds(apps)} over 16 ms)`);
  console.log(`  bare textarea:  ${show(bare)}   (rounds: ${rounds(bares)})`);
  console.log(`keystroke → first task after next frame, stress pace (upper bound, includes vsync wait): median ${ms(median(frames))}, p95 ${ms(p95(frames))}`);
  const split = (name, t) => console.log(`latency split (trace, stress pace, ${t.keys} keys), ${name}: key handled in ${ms(t.handling)}, then after the wait for the next frame ${ms(t.after)} of frame work (median); ${t.over20} keys over 20 ms`);
  split('Trailmap card ', appSplit);
  split('bare textarea', bareSplit);
  if (errors.length) console.log('console errors:', errors);
} finally {
  await close();
}
