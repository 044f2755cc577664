#!/bin/bash
# A local claimgraph cluster on loopback (docs/scale-out.md): three
# nats-servers forming one JetStream cluster and three claimgraphd nodes
# started with --cluster. For development and benchmarks. One node holds the
# writer lease; writes sent to any node are forwarded to it.
#
#   tools/cluster.sh start     start them in the background
#   tools/cluster.sh run       start them, stop them all on Ctrl-C
#   tools/cluster.sh stop      stop exactly the processes `start` recorded
#   tools/cluster.sh status
#
# Environment: CG_CLUSTER_DIR (default /tmp/cg-cluster: configs, stores,
# logs, pid files), CG_CLUSTER_PORT (default 14222: NATS clients on
# PORT..PORT+2, routes on PORT+1000.., claimgraphd gRPC on PORT+2000..),
# CLAIMGRAPHD (default build/server/claimgraphd), NATS_SERVER (default nats-server),
# CG_LEASE_TTL_MS (default 3000: a killed writer is replaced after about that).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${CG_CLUSTER_DIR:-/tmp/cg-cluster}
base=${CG_CLUSTER_PORT:-14222}
claimgraphd=${CLAIMGRAPHD:-$here/build/server/claimgraphd}
nats=${NATS_SERVER:-nats-server}

urls() {
  local out=""
  for i in 0 1 2; do out+="${out:+,}nats://127.0.0.1:$((base + i))"; done
  echo "$out"
}

wait_port() {  # port, seconds
  for _ in $(seq 1 $((10 * $2))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}

start() {
  if ls "$dir"/*.pid >/dev/null 2>&1; then echo "$dir has pid files: stop first" >&2; exit 1; fi
  mkdir -p "$dir"
  for i in 0 1 2; do
    routes=""
    for j in 0 1 2; do routes+="${routes:+, }nats-route://127.0.0.1:$((base + 1000 + j))"; done
    cat > "$dir/nats$i.conf" <<CONF
server_name: n$i
listen: 127.0.0.1:$((base + i))
max_payload: 8MB
jetstream { store_dir: "$dir/nats$i", max_file_store: 2GB }
cluster { name: claimgraph, listen: 127.0.0.1:$((base + 1000 + i)), routes: [$routes] }
CONF
    "$nats" -c "$dir/nats$i.conf" >> "$dir/nats$i.log" 2>&1 &
    echo $! > "$dir/nats$i.pid"
  done
  for i in 0 1 2; do wait_port $((base + i)) 20; done
  for i in 1 2 3; do
    "$claimgraphd" serve --data "$dir/data$i" --listen "127.0.0.1:$((base + 2000 + i - 1))" \
      --cluster "$(urls)" --node-id "$i" --lease-ttl-ms "${CG_LEASE_TTL_MS:-3000}" >> "$dir/node$i.log" 2>&1 &
    echo $! > "$dir/node$i.pid"
  done
  for i in 1 2 3; do wait_port $((base + 2000 + i - 1)) 30; done
  echo "NATS: $(urls)"
  echo "claimgraphd nodes: 127.0.0.1:$((base + 2000)) 127.0.0.1:$((base + 2001)) 127.0.0.1:$((base + 2002)) (logs in $dir)"
}

stop() {
  # The nodes first (they drain), then NATS; only the pids `start` wrote.
  for f in "$dir"/node*.pid "$dir"/nats*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
}

status() {
  for f in "$dir"/nats*.pid "$dir"/node*.pid; do
    [ -e "$f" ] || { echo "not started"; return; }
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then echo "$(basename "$f" .pid): running ($pid)"; else echo "$(basename "$f" .pid): gone"; fi
  done
}

case "${1:-}" in
  start) start ;;
  run) start; trap stop INT TERM; echo "Ctrl-C stops them all"; while true; do sleep 1; done ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|run|stop|status" >&2; exit 2 ;;
esac
