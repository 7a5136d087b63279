#!/usr/bin/env bash
# Serves Trailmap locally and prints its URL. On first open a sample map is there.
#   scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh build
source scripts/env.sh
PORT=${PORT:-8080}
echo
echo "  Trailmap will be at  http://127.0.0.1:$PORT/  (first build takes a minute; Ctrl+C stops)"
echo
exec trunk serve --port "$PORT"
