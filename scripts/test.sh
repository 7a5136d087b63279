#!/usr/bin/env bash
# Runs every Trailmap test: native model tests, browser tests in headless Chromium, the
# first-load size budget of the production build, and end-to-end tests against the
# release build served under /trailmap/ (and its self-test twin under
# /trailmap-selftest/, the same code plus the `selftest` feature's test pages).
# Installs whatever is missing first (see scripts/install.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/install.sh test
source scripts/env.sh

summary=()
layer() { # name, command...
  local name=$1; shift
  local t0=$(date +%s)
  echo; echo "=== $name"
  "$@" 2>&1 | tee target/.layer.log
  local n
  n=$(grep -Eo '[0-9]+ passed' target/.layer.log | awk '{s+=$1} END {print s+0}')
  summary+=("$(printf '%-34s %4s passed  %4ss' "$name" "$n" $(( $(date +%s) - t0 )))")
}
mkdir -p target

layer "native (cargo test)" cargo test --quiet --features selftest
# The decoders of files, share links, Mermaid journeys and CSV files against random and mutated input (release build,
# 10^4 cases each; a new seed every day, printed so a failure can be replayed; the README
# gives the 10^5-case runs).
fuzz() {
  local seed
  seed=$(date -u +%Y%m%d)
  cargo build --release --quiet --features selftest --example fuzz_share --example fuzz_restore --example fuzz_mermaid --example fuzz_csv
  target/release/examples/fuzz_restore 10000 "$seed"
  target/release/examples/fuzz_share 10000 "$seed"
  target/release/examples/fuzz_mermaid 10000 "$seed"
  target/release/examples/fuzz_csv 10000 "$seed"
  echo "4 passed, 0 failed"
}
layer "fuzz (10^4 cases each, release)" fuzz
layer "browser (wasm-bindgen-test)" cargo test --target wasm32-unknown-unknown --tests
echo; echo "=== release builds (trunk): production, then with the self-test pages"
scripts/build.sh --release
scripts/build.sh --release --features selftest --dist dist-selftest
budget() { node bench/size-report.mjs dist --check && echo "1 passed, 0 failed"; }
layer "first-load size budget" budget
layer "end-to-end (Playwright, Chromium)" npx playwright test

echo
echo "All tests passed in $(( $(date +%s) - start ))s:"
printf '  %s\n' "${summary[@]}"
