#!/usr/bin/env bash
# Builds the browser side into $SITE_ROOT: the hydrate wasm (size-optimised), its JS glue, the
# stylesheet, Leaflet and the base-map data, each text asset also precompressed.
#   scripts/build-site.sh [release|debug]
source "$(dirname "$0")/lib.sh"

mode="${1:-release}"
if [ "$mode" = release ]; then profile=wasm-release; else profile=dev; fi
out_dir="$CARGO_TARGET_DIR/wasm32-unknown-unknown/$([ "$profile" = dev ] && echo debug || echo "$profile")"

cargo build -p frontend --lib --target wasm32-unknown-unknown --profile "$profile"

rm -rf "$SITE_ROOT"
mkdir -p "$SITE_ROOT/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$SITE_ROOT/pkg" --out-name yingji \
  "$out_dir/frontend.wasm"
if [ "$mode" = release ]; then
  # binaryen from npm: Debian's older wasm-opt silently breaks hydration.
  "$ROOT/vendor/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    -o "$SITE_ROOT/pkg/yingji_bg.wasm" "$SITE_ROOT/pkg/yingji_bg.wasm"
fi
cp "$ROOT/style/main.css" "$SITE_ROOT/pkg/yingji.css"
cp "$ROOT/style/favicon.svg" "$SITE_ROOT/favicon.svg"
node "$ROOT/vendor/build-assets.mjs" assets "$SITE_ROOT"
node "$ROOT/vendor/build-assets.mjs" compress "$SITE_ROOT"
echo "site built in $SITE_ROOT ($(du -h "$SITE_ROOT/pkg/yingji_bg.wasm" | cut -f1) wasm)"
