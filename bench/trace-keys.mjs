// Diagnostic (not a benchmark): records a Chromium performance trace while typing into a
// touchpoint card of the large map, then prints main-thread time by trace event, per key.
// Usage: node bench/trace-keys.mjs [out.json]  (after `trunk build --release`); env KEYS, CSS, EVAL, BARE
import { startApp } from './lib.mjs';
import { writeFileSync } from 'node:fs';

const KEYS = Number(process.env.KEYS || 60);
const { browser, base, close } = await startApp();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}edit/#/selftest/large-map`);
  await page.waitForURL(/#\/map\/bench-large/);
  await page.locator('li.card').first().waitFor();
  // CSS="...": extra CSS for experiments.
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  // EVAL="...": a script run in the page before typing, for experiments.
  if (process.env.EVAL) await page.evaluate(process.env.EVAL);
  // BARE=1: a bare textarea on an empty page instead, for comparison.
  if (process.env.BARE) { await page.goto('about:blank'); await page.setContent('<textarea rows="3" cols="40"></textarea>'); }
  const target = page.locator(process.env.BARE ? 'textarea' : 'li.card.kind-touchpoints textarea').first();
  await target.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(500);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz'] });
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press('x');
    await page.waitForTimeout(30);
  }
  const buf = await browser.stopTracing();
  const out = process.argv[2] || '/tmp/trace/keys.json';
  writeFileSync(out, buf);
  const { traceEvents } = JSON.parse(buf.toString());
  // The renderer main thread: the one with EventDispatch events.
  const disp = traceEvents.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const tid = disp[0]?.tid;
  const main = traceEvents.filter((e) => e.tid === tid && e.ph === 'X' && e.dur);
  const by = {};
  for (const e of main) { by[e.name] = (by[e.name] || 0) + e.dur; }
  const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`keys: ${disp.length}; main-thread µs per key by event (inclusive):`);
  for (const [n, d] of top) console.log(`${(d / disp.length).toFixed(0).padStart(8)}  ${n}`);
  // Chromium's autofill re-reads every form control outside a <form> on each change,
  // forcing style and layout once per control: hundreds of calls per key without OwnForm.
  const forced = main.filter((e) => e.name === 'Document::UpdateStyleAndLayout').length;
  console.log(`style-and-layout updates per key: ${(forced / disp.length).toFixed(0)} (a bare textarea: about 40)`);
  const style = main.filter((e) => e.name === 'UpdateLayoutTree');
  const counts = style.map((e) => e.args?.elementCount ?? e.args?.endData?.elementCount).filter((x) => x !== undefined);
  console.log('UpdateLayoutTree element counts (first 20):', counts.slice(0, 20).join(' '));
  const lay = main.filter((e) => e.name === 'Layout').slice(0, 10).map((e) => `${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects} ${(e.dur / 1000).toFixed(2)}ms`);
  console.log('Layout dirty/total (first 10):', lay.join(' | '));
} finally {
  await close();
}
