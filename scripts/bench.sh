#!/usr/bin/env bash
# Benchmarks (figures, not tests): bundle size, editor speed, storage speed, native
# chart and share-link figures, Lighthouse. Builds the release bundles first, unless
# NO_BUILD=1 (then it measures them as they are and installs nothing but Lighthouse):
# dist/ (production: size, Lighthouse) and dist-selftest/ (with the `selftest` feature:
# the editor, storage and chart benchmarks open its self-test pages).
#   scripts/bench.sh              # all but lighthouse: size editor priorities storage
#                                 # charts trends share
#   scripts/bench.sh editor       # one of: size editor priorities storage charts trends
#                                 # share lighthouse
#   scripts/bench.sh lighthouse   # slow (~2 min): Lighthouse, mobile and desktop, on the
#                                 # map list and a share link, median of RUNS=3 runs;
#                                 # installs Lighthouse into bench/lighthouse/ on first use
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
case $which in all | size | editor | priorities | storage | charts | trends | share | lighthouse) ;;
  *) echo "usage: scripts/bench.sh [all|size|editor|priorities|storage|charts|trends|share|lighthouse]" >&2; exit 2 ;;
esac
if [[ ${NO_BUILD:-} != 1 ]]; then
  scripts/install.sh test >/dev/null
  source scripts/env.sh
  scripts/build.sh --release >/dev/null 2>&1 || scripts/build.sh --release
  scripts/build.sh --release --features selftest --dist dist-selftest >/dev/null 2>&1 ||
    scripts/build.sh --release --features selftest --dist dist-selftest
fi
run_selftest() { DIST_DIR=dist-selftest run "$@"; }
run() { echo; echo "=== $1"; shift; "$@"; }
[[ $which == all || $which == size ]] && run "bundle size" node bench/size-report.mjs dist
[[ $which == all || $which == editor ]] && run_selftest "editor (Chromium)" node bench/editor.mjs
[[ $which == all || $which == priorities ]] && run_selftest "Priorities (Chromium)" node bench/priorities.mjs
[[ $which == all || $which == storage ]] && run_selftest "storage (Chromium)" node bench/storage.mjs
[[ $which == all || $which == charts ]] && run_selftest "charts (Chromium)" node bench/charts.mjs
[[ $which == all || $which == trends ]] && run_selftest "trends and reviews (Chromium)" node bench/trends.mjs
[[ $which == all || $which == share ]] && run_selftest "share links (Chromium)" node bench/share.mjs
[[ $which == lighthouse ]] && run "Lighthouse (Chromium)" node bench/lighthouse.mjs
exit 0
