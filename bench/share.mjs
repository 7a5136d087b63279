// Share-link benchmark in the browser (figures, not a test): Debian's Chromium, the
// release build with the self-test pages. For each of several fresh page loads: the first
// decode of a realistic shared map (the hand-made 30-touchpoint fixture, priming
// included: what a stakeholder opening a link waits for), then the median of repeats,
// and encode and decode of the generated 400-touchpoint map. Prints the medians over the
// page loads beside the targets (open ≤ 100 ms; large map ≤ 150 ms each way).
import { startApp, selfTestResult, median } from './lib.mjs';

const loads = Number(process.env.LOADS || 5);
const { browser, base, close } = await startApp();
try {
  const results = [];
  const steps = [];
  for (let i = 0; i < loads; i++) {
    results.push(await selfTestResult(browser, base, 'share-bench'));
    steps.push(await selfTestResult(browser, base, 'share-steps-bench'));
  }
  const ms = (k) => median(steps.map((r) => r[k])).toFixed(1);
  if (!steps.every((r) => r.ok)) throw new Error('the link did not open in steps');
  const m = (k) => median(results.map((r) => r[k])).toFixed(1);
  const r = results[0];
  if (!r.large_round_trip || !r.v2_ok) throw new Error('a link did not decode to its map');
  console.log(`share links in Chromium (release build), median of ${loads} page loads:`);
  console.log(`open a realistic shared map (${r.hand_made_chars} chars), first in the page: ${m('first_open_ms')} ms   target ≤ 100 ms`);
  console.log(`  the same again in that page (median of ${r.runs}):                ${m('open_again_median_ms')} ms`);
  console.log(`  as the viewer opens it, in ${steps[0].steps} steps: ${ms('total_ms')} ms in all, longest step ${ms('longest_step_ms')} ms (the browser runs other tasks between steps)`);
  console.log(`generated map, 400 touchpoints (${r.large_chars} chars): encode ${m('large_encode_median_ms')} ms, decode ${m('large_decode_median_ms')} ms   target ≤ 150 ms each`);
  console.log(`old format-2 link of a template, first in the page:       ${m('v2_first_open_ms')} ms (format 2's heavier coder)`);
} finally {
  await close();
}
