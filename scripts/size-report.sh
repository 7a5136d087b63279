#!/usr/bin/env bash
# Benchmark (not a test): builds the release bundle and prints wasm, JS, CSS and HTML
# sizes raw, gzip and brotli, and the total first-load gzip bytes against the target.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh build >/dev/null
source scripts/env.sh
trunk build --release >/dev/null 2>&1 || trunk build --release
node bench/size-report.mjs dist
