#!/usr/bin/env bash
# The tier exchange under load, on three real nodes (scripts/exchange-harness.sh):
# city → national latency of single 重大 reports (p50/p99), then the drain of a backlog of
# 100 000 reports queued at the city while its server was down.
#   bench/exchange.sh [reports-for-latency] [backlog]
# Needs release builds: cargo build --release -p server -p bench, and the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200}"
backlog="${2:-100000}"
target="${CARGO_TARGET_DIR:-target}"
load="$target/release/exchange_load"
[ -x "$load" ] || { echo "build first: cargo build --release -p server -p bench" >&2; exit 2; }
dir="$(mktemp -d)"
trap 'scripts/exchange-harness.sh stop "$dir"; rm -rf "$dir"' EXIT
db() { echo "sqlite://$dir/$1.db?mode=rwc"; }

scripts/exchange-harness.sh start "$dir"
sleep 2
"$load" latency --city "$(db ty)" --national "$(db nat)" --count "$count"

scripts/exchange-harness.sh stop-node "$dir" ty
"$load" backlog --city "$(db ty)" --count "$backlog"
expect=$(( count + backlog ))
scripts/exchange-harness.sh start-node "$dir" ty
"$load" drain --national "$(db nat)" --expect "$expect"
