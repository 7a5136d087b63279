// Chart benchmark (figures, not a test): in Debian's Chromium with the release build,
// redraws on a canvas the emotion curve of 400 touchpoints × 8 stakeholders (1400 × 460)
// and the influence–interest matrix of 60 stakeholders (640 × 700), 31 runs each.
// Target ≤ 8 ms per redraw.
import { startApp, selfTestResult } from './lib.mjs';

const { browser, base, close } = await startApp();
try {
  const r = await selfTestResult(browser, base, 'chart-bench');
  console.log(`chart benchmark (canvas, ${r.runs} redraws each):`);
  console.log(`emotion curve, 400 touchpoints × 8 stakeholder lines: median ${r.curve_median_ms.toFixed(1)} ms, p95 ${r.curve_p95_ms.toFixed(1)} ms   target ≤ 8 ms`);
  console.log(`matrix, 60 stakeholders:                               median ${r.matrix_median_ms.toFixed(1)} ms, p95 ${r.matrix_p95_ms.toFixed(1)} ms   target ≤ 8 ms`);
} finally {
  await close();
}
