#!/usr/bin/env bash
# Foundation numbers quoted in closing notes: wasm size (raw/gzip/brotli), server idle memory,
# time to first byte of the home page. Uses the release build (`make site` and
# `cargo build -p server --release` first).
#   bench/foundation.sh [requests]
source "$(dirname "$0")/../scripts/lib.sh"

requests="${1:-200}"
bin="$CARGO_TARGET_DIR/release/yingji"
port="${BENCH_PORT:-3199}"
db="$(mktemp -d)/bench.db"

echo "wasm  raw $(stat -c %s "$SITE_ROOT/pkg/yingji_bg.wasm") B, gzip $(stat -c %s "$SITE_ROOT/pkg/yingji_bg.wasm.gz") B, brotli $(stat -c %s "$SITE_ROOT/pkg/yingji_bg.wasm.br") B"
echo "js    raw $(stat -c %s "$SITE_ROOT/pkg/yingji.js") B, brotli $(stat -c %s "$SITE_ROOT/pkg/yingji.js.br") B"
echo "server binary $(stat -c %s "$bin") B"

YINGJI_DEMO=true YINGJI_LISTEN="127.0.0.1:$port" YINGJI_SITE_ROOT="$SITE_ROOT" \
  DATABASE_URL="sqlite://$db?mode=rwc" RUST_LOG=warn "$bin" serve &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$(dirname "$db")"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
sleep 2
echo "idle RSS after start-up: $(awk '/VmRSS/ {print $2 " kB"}' /proc/$pid/status)"

# Pages need a session: sign a demo duty officer in once.
jar="$(dirname "$db")/cookies"
curl -sf -c "$jar" -o /dev/null -H "Origin: http://127.0.0.1:$port" \
  --data-urlencode username=nat.duty --data-urlencode "password=Demo#Duty-2026" \
  "http://127.0.0.1:$port/api/identity/login"

# Time to first byte of the home page, sequential requests on a fresh connection each.
for _ in $(seq "$requests"); do
  curl -sf -b "$jar" -o /dev/null -w '%{time_starttransfer}\n' "http://127.0.0.1:$port/" || echo "home page failed" >&2
done | sort -n | awk '{ t[NR] = $1 * 1000 } END {
  printf "home page TTFB over %d requests: median %.2f ms, p95 %.2f ms, max %.2f ms\n",
    NR, t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR] }'
echo "RSS after the requests: $(awk '/VmRSS/ {print $2 " kB"}' /proc/$pid/status)"
