#!/usr/bin/env bash
# The command hall's drivers against the simulated devices on 127.0.0.1: time to apply a 16-tile
# scene, and commands per second one device actor sustains for each protocol.
#   bench/hall.sh [scene-runs] [rate-seconds]
# Needs a release build: cargo build --release -p bench
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-200}"
seconds="${2:-5}"
load="${CARGO_TARGET_DIR:-target}/release/hall_load"
[ -x "$load" ] || { echo "build first: cargo build --release -p bench" >&2; exit 2; }
"$load" scene --runs "$runs"
"$load" rate --seconds "$seconds"
