#!/usr/bin/env bash
# Installs what Trailmap's build and tests need, skipping whatever is already present at
# the right version. Downloads nothing from GitHub: crates.io, npm and Debian only.
#
#   scripts/install.sh build   # wasm target, trunk, wasm-bindgen-cli, npm tools
#   scripts/install.sh test    # the same plus Chromium and ChromeDriver (apt)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WANT=${1:-build}
say() { printf '\033[1;36m==>\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (once, ~7 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen CLI must match the library version locked in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION (once, ~2 minutes)"
  # Not --locked: its lock file pins a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# npm tools (wasm-opt from binaryen 132, Playwright, axe-core), reinstalled when the lock changes.
STAMP=node_modules/.trailmap-lock
if [ ! -f "$STAMP" ] || ! cmp -s package-lock.json "$STAMP"; then
  say "installing npm tools (binaryen, playwright, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$STAMP"
fi

# Trunk runs cargo with --offline (Trunk.toml), so fetch crates first.
cargo fetch --quiet

if [ "$WANT" = test ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's Chromium and ChromeDriver"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
say "tools ready"
