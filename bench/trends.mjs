// Trends benchmark (figures, not a test; issue 13). In Debian's Chromium with the release
// build (self-test pages on), a map of 12 reviews × 40 metrics × 400 touchpoints:
//  - each chart of the Trends view drawn on a canvas at the view's width (1200 CSS px,
//    three small multiples a row): the metrics against their targets, the average
//    emotion per stage, the items re-measured after 90 days; target ≤ 8 ms a chart;
//  - the compare of the first and the last review, and of the last review with now (its
//    capture included); target ≤ 16 ms;
//  - the share link's length with no review and with 12, and so per review.
// Medians of 21 runs (p95 beside).
//   node bench/trends.mjs   (after scripts/bench.sh has built dist-selftest/)
import { startApp, selfTestResult } from './lib.mjs';

const { browser, base, close } = await startApp();
try {
  const r = await selfTestResult(browser, base, 'trends-bench');
  console.log(`trends benchmark (canvas, ${r.runs} runs each): ${r.reviews} reviews × ${r.metrics} metrics × ${r.touchpoints} touchpoints`);
  for (const c of r.charts) {
    const per = c.panels ? ` (${(c.median_ms / c.panels).toFixed(2)} ms a panel)` : '';
    console.log(`  ${c.name.padEnd(11)} ${String(c.panels).padStart(3)} panels, 1200 × ${c.height}: median ${c.median_ms.toFixed(1)} ms${per}, p95 ${c.p95_ms.toFixed(1)} ms   target ≤ 8 ms a chart`);
  }
  console.log(`  compare two reviews: median ${r.compare_median_ms.toFixed(2)} ms, p95 ${r.compare_p95_ms.toFixed(2)} ms   target ≤ 16 ms`);
  console.log(`  compare the last review with now (capture included): median ${r.compare_now_median_ms.toFixed(2)} ms   target ≤ 16 ms`);
  const per = (r.link_chars_12_reviews - r.link_chars_no_review) / r.reviews;
  console.log(`  share link: ${r.link_chars_no_review} characters with no review, ${r.link_chars_12_reviews} with ${r.reviews}: ${Math.round(per)} characters a review (${(100 * per / r.link_chars_no_review).toFixed(1)} % of the map without reviews)`);
} finally {
  await close();
}
