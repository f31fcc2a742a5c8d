#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests.
#   scripts/postgres.sh start   installs Debian's postgresql if missing, starts, prints the URL
#   scripts/postgres.sh stop
source "$(dirname "$0")/lib.sh"

PORT="${YINGJI_TEST_PG_PORT:-55432}"
DATA="${YINGJI_TEST_PG_DIR:-${TMPDIR:-/tmp}/yingji-test-pg}"

bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# initdb refuses to run as root: the cluster belongs to the postgres user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  [ -n "$(bin_dir)" ] || apt_install postgresql >&2
  local bin; bin="$(bin_dir)"
  stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA"
  as_owner "$bin/initdb" -D "$DATA" -U yingji --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_owner "$bin/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  echo "postgres://yingji@127.0.0.1:$PORT/postgres"
}

stop() {
  local bin; bin="$(bin_dir)"
  [ -n "$bin" ] && [ -f "$DATA/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w stop
  return 0
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
