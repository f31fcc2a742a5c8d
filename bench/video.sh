#!/usr/bin/env bash
# The consultation SFU under load on 127.0.0.1: participants per room and rooms per node, with
# the delay through the server. Each line is one run of bench/src/bin/video_load.rs.
#   bench/video.sh [seconds]
# Needs a release build: cargo build --release -p bench
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
load="${CARGO_TARGET_DIR:-target}/release/video_load"
[ -x "$load" ] || { echo "build first: cargo build --release -p bench" >&2; exit 2; }
# One room, more and more participants (each receives all the others: n·(n−1) streams).
for n in 2 4 6 8 10 12; do
  "$load" --rooms 1 --participants "$n" --seconds "$seconds"
done
# More and more rooms of four, at ~290 kbit/s per stream (1200 B frames, one packet each)...
for r in 2 4 8 12 16 24; do
  "$load" --rooms "$r" --participants 4 --seconds "$seconds"
done
# ...and at ~1 Mbit/s per stream (4000 B frames, three packets each).
for r in 4 8 12; do
  "$load" --rooms "$r" --participants 4 --seconds "$seconds" --bytes 4000
done
