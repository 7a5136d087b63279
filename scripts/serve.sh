#!/usr/bin/env bash
# Serves Trailmap locally and prints its URL. On first open a sample map is there.
#   scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh
# Builds the release site (the app and the share-link viewer, scripts/build.sh) and
# serves it gzipped, as GitHub Pages does.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh build
source scripts/env.sh
PORT=${PORT:-8080}
echo "Building the release site (the first build takes a few minutes)…"
scripts/build.sh --release
echo
echo "  Trailmap is at  http://127.0.0.1:$PORT/  (Ctrl+C stops)"
echo
BASE_PATH=/ PORT="$PORT" DIST_DIR=dist exec node tests/e2e/server.mjs
