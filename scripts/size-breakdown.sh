#!/usr/bin/env bash
# Benchmark (not a test): where the release wasm's bytes go, by crate, by module of this
# crate and by item. Builds the wasm as Trunk does, optimises it with wasm-opt as the
# release build does but keeping names (-g), and reads it with twiggy (installed once).
#   scripts/size-breakdown.sh            # the map list (bin trailmap)
#   BIN=editor scripts/size-breakdown.sh # the editor page
#   BIN=viewer scripts/size-breakdown.sh # the share-link viewer
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh build >/dev/null
source scripts/env.sh
if ! command -v twiggy >/dev/null; then
  echo "installing twiggy (once, ~2 minutes)"
  cargo install twiggy --version 0.8.0 --locked
fi
cargo build --release --target wasm32-unknown-unknown --bin "${BIN:-trailmap}" ${FEATURES:+--features "$FEATURES"} --quiet
bin=${BIN:-trailmap}
raw=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/$bin.wasm
mkdir -p target/size
wasm-bindgen --target web --out-dir target/size --keep-debug "$raw"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int target/size/${bin}_bg.wasm -o target/size/named.wasm
twiggy top -n 1000000 --format csv target/size/named.wasm > target/size/twiggy.csv
node bench/size-breakdown.mjs target/size/twiggy.csv "${TOP:-25}"
