#!/usr/bin/env bash
# Duty desk numbers quoted in closing notes (release build first: `make site` and
#   cargo build --release -p server -p bench):
#   bench/duty-desk.sh render [sqlite|postgres]  server render time of /duty over 100 000 incidents
#   bench/duty-desk.sh live [clients...]         change-to-stream latency with that many tabs
#   bench/duty-desk.sh map                       map frame rate with 50 000 active incidents
source "$(dirname "$0")/../scripts/lib.sh"

bin="$CARGO_TARGET_DIR/release/yingji"
tools="$CARGO_TARGET_DIR/release"
port="${BENCH_PORT:-3199}"
work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# Thousands of streams need thousands of sockets on both ends.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

start() {
  YINGJI_DEMO=true YINGJI_LISTEN="127.0.0.1:$port" YINGJI_SITE_ROOT="$SITE_ROOT" \
    DATABASE_URL="$1" RUST_LOG=warn "$bin" serve &
  pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return; sleep 0.1; done
  echo "server did not start" >&2; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

sign_in() {
  curl -sf -c "$work/jar" -o /dev/null -H "Origin: http://127.0.0.1:$port" \
    --data-urlencode username=nat.duty --data-urlencode "password=Demo#Duty-2026" \
    "http://127.0.0.1:$port/api/identity/login"
}

database() {
  case "$1" in
    sqlite) echo "sqlite://$work/bench.db?mode=rwc" ;;
    postgres)
      "$ROOT/scripts/postgres.sh" start >/dev/null
      local name="yingji_bench_$$"
      psql -q -h 127.0.0.1 -p 55432 -U yingji -d postgres -c "CREATE DATABASE $name" >/dev/null
      echo "postgres://yingji@127.0.0.1:55432/$name" ;;
  esac
}

# Seeds `count` incidents (`active` open) into a node that has started once (demo units).
seeded() {
  local url; url="$(database "$1")"
  start "$url"; stop
  "$tools/seed_incidents" --database-url "$url" --count "$2" --active "$3"
  start "$url"
}

render() {
  local backend="${1:-sqlite}"
  seeded "$backend" 100000 2000
  sign_in
  curl -s -b "$work/jar" -o /dev/null "http://127.0.0.1:$port/duty" # warm
  for _ in $(seq 30); do
    curl -s -b "$work/jar" -o /dev/null -w "%{time_starttransfer}\n" "http://127.0.0.1:$port/duty"
  done | sort -n | awk -v b="$backend" '{t[NR]=$1} END {printf "%s: /duty over 100000 incidents (2000 active): median %.0f ms, p95 %.0f ms, max %.0f ms\n", b, t[int(NR/2)+1]*1000, t[int(NR*0.95)]*1000, t[NR]*1000}'
  stop
}

live() {
  start "$(database sqlite)"
  for clients in "${@:-1000 10000}"; do
    for n in $clients; do "$tools/live_load" --url "http://127.0.0.1:$port" --clients "$n" --changes 20; done
  done
  stop
}

map() {
  seeded sqlite 50000 50000
  BENCH_URL="http://127.0.0.1:$port" node "$ROOT/bench/map-fps.mjs"
  stop
}

mode="${1:-render}"; shift || true
"$mode" "$@"
