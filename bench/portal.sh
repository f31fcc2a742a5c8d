#!/usr/bin/env bash
# The public portal under load: wrk against the release server's alert page and Atom feed, and
# Debian's nginx serving the same bytes from disk, in the same run on the same machine.
# Prints req/s and p99 latency for each and the ratio server/nginx.
#   bench/portal.sh [seconds] [connections]
# Needs a release build of the server (cargo build --release -p server); installs wrk and nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
connections="${2:-32}"
bin="${CARGO_TARGET_DIR:-target}/release/yingji"
[ -x "$bin" ] || { echo "build the server first: cargo build --release -p server" >&2; exit 2; }
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || apt-get install -y -q --no-install-recommends "$tool" >/dev/null
done

work="$(mktemp -d)"
chmod 755 "$work"
server_port=3197 nginx_port=3198
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

YINGJI_SITE_ROOT="${YINGJI_SITE_ROOT:-${CARGO_TARGET_DIR:-target}/site}" \
  YINGJI_LISTEN="127.0.0.1:$server_port" YINGJI_DEMO=true RUST_LOG=warn \
  DATABASE_URL="sqlite://$work/bench.db?mode=rwc" YINGJI_FILES_DIR="$work/files" \
  "$bin" serve >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$server_port/readyz" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$server_port/readyz" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

base="http://127.0.0.1:$server_port"
alert="$(curl -fs "$base/public" | grep -o '/public/alerts/[0-9a-f-]*' | head -1)"
[ -n "$alert" ] || { echo "no demo alert on the portal" >&2; exit 1; }
mkdir -p "$work/www"
curl -fs "$base$alert" -o "$work/www/alert.html"
curl -fs "$base/public/feed.atom" -o "$work/www/feed.atom"

cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx.err warn;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; application/atom+xml atom; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    etag on;
  }
}
CONF
nginx -c "$work/nginx.conf"
sleep 1

# "Requests/sec" and the 99% latency line of wrk --latency, as "req/s p99_ms".
measure() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" | awk '
    /Requests\/sec/ { rps = $2 }
    / 99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } p99 = v }
    END { printf "%.0f %.2f\n", rps, p99 }'
}

printf '%-12s %-8s %10s %10s %s\n' page via req/s p99_ms bytes
for page in alert feed; do
  case $page in
    alert) ours="$base$alert" file=alert.html ;;
    feed) ours="$base/public/feed.atom" file=feed.atom ;;
  esac
  read -r s_rps s_p99 < <(measure "$ours")
  read -r n_rps n_p99 < <(measure "http://127.0.0.1:$nginx_port/$file")
  size=$(stat -c %s "$work/www/$file")
  printf '%-12s %-8s %10s %10s %s\n' "$page" yingji "$s_rps" "$s_p99" "$size"
  printf '%-12s %-8s %10s %10s %s\n' "$page" nginx "$n_rps" "$n_p99" "$size"
  awk -v s="$s_rps" -v n="$n_rps" -v p="$page" 'BEGIN { printf "%-12s ratio yingji/nginx: %.2f of the throughput\n", p, s / n }'
done
