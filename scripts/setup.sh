#!/usr/bin/env bash
# Installs what building the platform needs and a fresh machine lacks: the wasm target,
# wasm-bindgen-cli at the version of Cargo.lock, and the npm build assets (Leaflet, map data,
# binaryen's wasm-opt). Idempotent and quick when everything is there.
source "$(dirname "$0")/lib.sh"

rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown

want=$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  # Without --locked: its lock file names a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -x "$ROOT/vendor/node_modules/.bin/wasm-opt" ] \
   || [ "$ROOT/vendor/package-lock.json" -nt "$ROOT/vendor/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$ROOT/vendor" --no-audit --no-fund
fi
