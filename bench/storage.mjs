// Storage benchmark (figures, not a test): in Debian's Chromium, with the release build,
// saves and loads a ~1 MB map in localStorage on the main thread (serialize + write;
// read + parse + tolerant restore), 21 runs; prints median and p95.
// Targets: save ≤ 10 ms, load ≤ 30 ms.
import { startApp, selfTestResult } from './lib.mjs';

const { browser, base, close } = await startApp();
try {
  const r = await selfTestResult(browser, base, 'storage-bench');
  console.log(`storage benchmark: map of ${(r.bytes / 1024 / 1024).toFixed(2)} MB (${r.bytes} characters), ${r.runs} runs, main thread`);
  console.log(`save (serialize + localStorage write): median ${r.save_median_ms.toFixed(1)} ms, p95 ${r.save_p95_ms.toFixed(1)} ms   target ≤ 10 ms`);
  console.log(`  of which serialize ${r.serialize_median_ms.toFixed(1)} ms, localStorage write ${r.write_median_ms.toFixed(1)} ms (medians, measured alone)`);
  console.log(`load (read + parse + restore):         median ${r.load_median_ms.toFixed(1)} ms, p95 ${r.load_p95_ms.toFixed(1)} ms   target ≤ 30 ms`);
} finally {
  await close();
}
