// Storage benchmark (figures, not a test): in Debian's Chromium, with the release build,
// (1) saves and loads a ~1 MB map in localStorage on the main thread (serialize + write;
// read + parse + tolerant restore), 21 runs; prints median and p95. Targets: save ≤ 10 ms,
// load ≤ 30 ms. (2) Saves a ~100 KB map as the app saves it with 1 map stored and with
// 50 maps of ~100 KB stored (alternating rounds, median), in RUNS=3 fresh pages; prints
// the medians over the pages and their ratio (goal: ratio ≤ 1.2), the characters a save
// reads and writes, the room left in localStorage (50 maps of 100 KB fill it), and a
// control: a bare setItem of the same text over the map's own entry.
import { startApp, selfTestResult, median } from './lib.mjs';

const runs = Number(process.env.RUNS || 3);
const { browser, base, close } = await startApp();
try {
  const r = await selfTestResult(browser, base, 'storage-bench');
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await selfTestResult(browser, base, 'save-cost-bench'));
  console.log(`storage benchmark: map of ${(r.bytes / 1024 / 1024).toFixed(2)} MB (${r.bytes} characters), ${r.runs} runs, main thread`);
  console.log(`save (serialize + localStorage write): median ${r.save_median_ms.toFixed(1)} ms, p95 ${r.save_p95_ms.toFixed(1)} ms   target ≤ 10 ms`);
  console.log(`  of which serialize ${r.serialize_median_ms.toFixed(1)} ms, localStorage write ${r.write_median_ms.toFixed(1)} ms (medians, measured alone)`);
  console.log(`load (read + parse + restore):         median ${r.load_median_ms.toFixed(1)} ms, p95 ${r.load_p95_ms.toFixed(1)} ms   target ≤ 30 ms`);
  const one = median(results.map((x) => x.save_1_map_ms));
  const fifty = median(results.map((x) => x.save_50_maps_ms));
  const c = results[0];
  console.log(`save of a ${(c.bytes / 1024).toFixed(0)} KB map as the app saves it, median over ${runs} pages (each: ${c.rounds} alternating rounds of ${c.saves} saves):`);
  console.log(`  1 map stored:   ${one.toFixed(2)} ms   (pages: ${results.map((x) => x.save_1_map_ms.toFixed(2)).join(', ')})`);
  console.log(`  50 maps stored: ${fifty.toFixed(2)} ms   (pages: ${results.map((x) => x.save_50_maps_ms.toFixed(2)).join(', ')})`);
  console.log(`  ratio ${(fifty / one).toFixed(2)}   goal ≤ 1.2`);
  const kc = (n) => `${(n / 1024).toFixed(1)} K`;
  console.log(`  characters a save reads / writes (mean): 1 map stored ${kc(c.read_1_map_chars)} / ${kc(c.written_1_map_chars)}, 50 maps stored ${kc(c.read_50_maps_chars)} / ${kc(c.written_50_maps_chars)}`);
  console.log(`  room left in localStorage: 1 map stored ${kc(c.room_1_map_chars)} characters, 50 maps stored ${kc(c.room_50_maps_chars)}`);
  const w1 = median(results.map((x) => x.write_1_map_ms));
  const w50 = median(results.map((x) => x.write_50_maps_ms));
  console.log(`control, a bare setItem of the same text over the map's entry: 1 map stored ${w1.toFixed(2)} ms, 50 maps stored ${w50.toFixed(2)} ms, ratio ${(w50 / w1).toFixed(2)}`);
} finally {
  await close();
}
