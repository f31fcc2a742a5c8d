#!/usr/bin/env bash
# Three nodes of the national system on 127.0.0.1, each with its own SQLite database and its own
# nats-server (JetStream domain = node id; the city is a leaf of the province, the province of
# the national hub): keys generated, nodes registered with each other, servers started.
#   scripts/exchange-harness.sh start DIR    # prints the nodes' addresses; leaves them running
#   scripts/exchange-harness.sh stop DIR
#   scripts/exchange-harness.sh kill-nats DIR NODE | start-nats DIR NODE | stop-node DIR NODE | start-node DIR NODE
# Needs the release server binary (cargo build --release -p server) and the built site.
source "$(dirname "$0")/lib.sh"
command -v nats-server >/dev/null || apt_install nats-server

bin="${YINGJI_BIN:-$CARGO_TARGET_DIR/release/yingji}"
cmd="${1:?start|stop|kill-nats|start-nats|stop-node|start-node}"
dir="$(realpath -m "${2:?a working directory}")"
NODES=(nat sx ty)
declare -A NAME=([nat]="国家安全生产应急救援指挥中心（测试）" [sx]="山西省安全生产应急救援指挥中心（测试）" [ty]="太原市应急管理局指挥中心（测试）")
declare -A TIER=([nat]=national [sx]=provincial [ty]=city)
declare -A REGION=([nat]=100000 [sx]=140000 [ty]=140100)
declare -A PARENT=([sx]=nat [ty]=sx)
declare -A NATS_PORT=([nat]=14222 [sx]=14223 [ty]=14224)
declare -A LEAF_PORT=([nat]=17422 [sx]=17423 [ty]=17424)
declare -A HTTP_PORT=([nat]=3301 [sx]=3302 [ty]=3303)


yj() {
  local n="$1"; shift
  YINGJI_NODE_ID="$n" YINGJI_NODE_NAME="${NAME[$n]}" YINGJI_NODE_TIER="${TIER[$n]}" \
    YINGJI_NODE_REGION="${REGION[$n]}" DATABASE_URL="sqlite://$dir/$n.db?mode=rwc" \
    YINGJI_NODE_KEY="$dir/$n.key" YINGJI_NATS_URL="nats://127.0.0.1:${NATS_PORT[$n]}" \
    YINGJI_FILES_DIR="$dir/$n-files" YINGJI_SITE_ROOT="$SITE_ROOT" \
    YINGJI_LISTEN="127.0.0.1:${HTTP_PORT[$n]}" RUST_LOG="${RUST_LOG:-warn}" "$bin" "$@"
}

start_nats() {
  local n="$1" remotes=""
  [ -n "${PARENT[$n]:-}" ] && remotes="remotes: [ { url: \"nats-leaf://127.0.0.1:${LEAF_PORT[${PARENT[$n]}]}\" } ]"
  cat >"$dir/$n.conf" <<CONF
listen: 127.0.0.1:${NATS_PORT[$n]}
server_name: $n
jetstream { store_dir: "$dir/js-$n", domain: $n }
leafnodes { listen: 127.0.0.1:${LEAF_PORT[$n]}
  $remotes }
CONF
  nats-server -c "$dir/$n.conf" >"$dir/nats-$n.log" 2>&1 &
  echo $! >"$dir/nats-$n.pid"
}

start_node() {
  local n="$1"
  if curl -fs "http://127.0.0.1:${HTTP_PORT[$n]}/readyz" >/dev/null 2>&1; then
    echo "port ${HTTP_PORT[$n]} already serves a node: stop it first" >&2; return 1
  fi
  yj "$n" serve >"$dir/node-$n.log" 2>&1 &
  echo $! >"$dir/node-$n.pid"
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:${HTTP_PORT[$n]}/readyz" >/dev/null && return 0; sleep 0.2; done
  echo "node $n did not start; see $dir/node-$n.log" >&2; return 1
}

# The pid is the background subshell's; the server or nats-server is its child: stop both.
stop_pid() {
  [ -f "$1" ] || return 0
  local pid; pid="$(cat "$1")"
  pkill -TERM -P "$pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  rm -f "$1"
}

# The registration line a node prints, with the relation it has to the node registering it.
register() {
  local at="$1" other="$2" relation="$3"
  local line; line="$(yj "$other" exchange show-key | sed "s/<parent|child|other>/$relation/")"
  eval "set -- ${line#yingji }"
  yj "$at" "$@" >/dev/null
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ ! -f "$dir/ty.key" ]; then
      for n in "${NODES[@]}"; do
        yj "$n" exchange keygen >/dev/null
        YINGJI_ADMIN_PASSWORD="Harness#Node-2026" yj "$n" user create-admin --username admin --display-name 管理员 >/dev/null
      done
      # Each node trusts the two others: parent, child or (two tiers away) relayed.
      register nat sx child; register nat ty other
      register sx nat parent; register sx ty child
      register ty sx parent; register ty nat other
    fi
    for n in "${NODES[@]}"; do start_nats "$n"; done
    sleep 1
    for n in "${NODES[@]}"; do start_node "$n"; echo "$n http://127.0.0.1:${HTTP_PORT[$n]} ($dir/$n.db)"; done
    ;;
  stop)
    for n in "${NODES[@]}"; do stop_pid "$dir/node-$n.pid"; stop_pid "$dir/nats-$n.pid"; done ;;
  kill-nats) stop_pid "$dir/nats-${3:?node}.pid" ;;
  start-nats) start_nats "${3:?node}" ;;
  stop-node) stop_pid "$dir/node-${3:?node}.pid" ;;
  start-node) start_node "${3:?node}" ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
