#!/usr/bin/env bash
# Threat-zone computation, the same scenarios three ways: native Rust, the same Rust as wasm in
# headless Chromium, and an independent numpy/scipy reference. Prints distances (to check they
# agree) and p50/p99 per computation. Needs the wasm target, wasm-bindgen-cli, chromium and
# Debian's python3-numpy/python3-scipy (scripts/setup.sh installs the first three).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
runs="${1:-2000}"

cargo run --release -q -p bench --bin threat_zones -- --runs "$runs"

cargo build --release -q -p bench-wasm --target wasm32-unknown-unknown
out="$target/bench-wasm"
wasm-bindgen --target web --out-dir "$out" "$target/wasm32-unknown-unknown/release/bench_wasm.wasm"
node bench/threat-zones.mjs "$out" "$runs"

if ! /usr/bin/python3 -c 'import numpy, scipy' 2>/dev/null; then
  apt-get install -y -q python3-numpy python3-scipy >/dev/null
fi
/usr/bin/python3 bench/threat_zones_reference.py "$runs"
