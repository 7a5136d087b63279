#!/usr/bin/env bash
# Benchmarks (figures, not tests): bundle size, editor speed, storage speed, native
# chart and share-link figures. Builds the release bundle first.
#   scripts/bench.sh            # all
#   scripts/bench.sh editor     # one of: size editor storage
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test >/dev/null
source scripts/env.sh
trunk build --release >/dev/null 2>&1 || trunk build --release
which=${1:-all}
run() { echo; echo "=== $1"; shift; "$@"; }
[[ $which == all || $which == size ]] && run "bundle size" node bench/size-report.mjs dist
[[ $which == all || $which == editor ]] && run "editor (Chromium)" node bench/editor.mjs
[[ $which == all || $which == storage ]] && run "storage (Chromium)" node bench/storage.mjs
[[ $which == all || $which == charts ]] && run "charts (Chromium)" node bench/charts.mjs
exit 0
