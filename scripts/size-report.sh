#!/usr/bin/env bash
# Benchmark (not a test): builds the release bundle and prints wasm, JS, CSS and HTML
# sizes raw, gzip and brotli, and the total first-load gzip bytes against the target.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh build >/dev/null
source scripts/env.sh
scripts/build.sh --release >/dev/null 2>&1 || scripts/build.sh --release
node bench/size-report.mjs dist
