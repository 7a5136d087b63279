#!/usr/bin/env bash
# Builds the three pages of the site into one folder (default dist/):
#   dist/        the page that opens the site: the lean map list (src/main.rs)
#   dist/edit/   the editor page: the whole app, map list and editor (src/bin/editor.rs)
#   dist/view/   the lean read-only viewer that share links open (src/bin/viewer.rs)
#   dist/sw.js   the service worker (offline copy of every page), by scripts/post-build.mjs
# Trunk builds one page per run and empties its output folder first, so the root page
# goes first and the others into their sub-folders after. Extra arguments go to every run:
#   scripts/build.sh --release
#   scripts/build.sh --release --features selftest --dist dist-selftest
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
dist=dist
args=()
while (($#)); do
  case "$1" in
    --dist) dist="$2"; shift 2 ;;
    --dist=*) dist="${1#--dist=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
trunk build "${args[@]}" --dist "$dist" index.html
trunk build "${args[@]}" --dist "$dist/edit" edit/index.html
trunk build "${args[@]}" --dist "$dist/view" view/index.html
# Content-Security-Policy of every page (hashes of their inline scripts) and the service
# worker that precaches this build (sw.js at the site root).
node scripts/post-build.mjs "$dist"
