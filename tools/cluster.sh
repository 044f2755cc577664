#!/bin/bash
# A local claimgraph cluster on loopback (docs/scale-out.md): three
# nats-servers forming one JetStream cluster and three claimgraphd nodes
# started with --cluster. For development and benchmarks. One node holds the
# writer lease; writes sent to any node are forwarded to it. Every node is
# started as tools/run.sh starts its server: --schema examples/gazetteer.json
# (brought into the store through the cluster by the writer) and --rules
# examples/ingest/rules.json (IngestDocument). `start` loads the example data
# as tools/run.sh does: examples/claims.jsonl and examples/five-eyes.nq through
# `claimgraph load` on the first node, and the five articles of
# examples/corpus through `claimgraph ingest` on the second (forwarded to the
# writer, which extracts them).
#
#   tools/cluster.sh start     start them in the background, load the examples
#   tools/cluster.sh load      load the examples (again: nothing new is written)
#   tools/cluster.sh run       start them, stop them all on Ctrl-C
#   tools/cluster.sh stop      stop exactly the processes `start` recorded
#   tools/cluster.sh status
#
# Environment: CG_CLUSTER_DIR (default /tmp/cg-cluster: configs, stores,
# logs, pid files), CG_CLUSTER_PORT (default 14222: NATS clients on
# PORT..PORT+2, routes on PORT+1000.., claimgraphd gRPC on PORT+2000..),
# CLAIMGRAPHD (default build/server/claimgraphd), CLAIMGRAPH (the client,
# default build/tools/claimgraph/claimgraph), NATS_SERVER (default nats-server),
# CG_LEASE_TTL_MS (default 3000: a killed writer is replaced after about that),
# CG_CLUSTER_LOAD (default 1; 0: `start` leaves the cluster empty).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${CG_CLUSTER_DIR:-/tmp/cg-cluster}
base=${CG_CLUSTER_PORT:-14222}
claimgraphd=${CLAIMGRAPHD:-$here/build/server/claimgraphd}
claimgraph=${CLAIMGRAPH:-$here/build/tools/claimgraph/claimgraph}
nats=${NATS_SERVER:-nats-server}
base_grpc=$((base + 2000))

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
      --cluster "$(urls)" --node-id "$i" --lease-ttl-ms "${CG_LEASE_TTL_MS:-3000}" \
      --schema "$here/examples/gazetteer.json" --rules "$here/examples/ingest/rules.json" >> "$dir/node$i.log" 2>&1 &
    echo $! > "$dir/node$i.pid"
  done
  for i in 1 2 3; do wait_port $((base + 2000 + i - 1)) 30; done
  echo "NATS: $(urls)"
  echo "claimgraphd nodes: 127.0.0.1:$((base + 2000)) 127.0.0.1:$((base + 2001)) 127.0.0.1:$((base + 2002)) (logs in $dir)"
  if [ "${CG_CLUSTER_LOAD:-1}" != 0 ]; then load; fi
}

load() {
  local node=127.0.0.1:$base_grpc other=127.0.0.1:$((base_grpc + 1))
  # A new cluster elects its JetStream leaders and a writer, which then
  # brings the store up to --schema: the claims wait for that (a claim with
  # a predicate the store lacks would define it otherwise), up to 60 s.
  local tries=0
  until "$claimgraph" query --server "$node" "SHOW PREDICATES" > "$dir/load.log" 2>&1 &&
      grep -q shares-intel "$dir/load.log"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
      cat "$dir/load.log" >&2
      echo "the schema did not reach $node within 60 s; the cluster runs (tools/cluster.sh stop; logs in $dir)" >&2
      return 1
    fi
    sleep 1
  done
  "$claimgraph" load --server "$node" "$here/examples/claims.jsonl" "$here/examples/five-eyes.nq"
  "$claimgraph" ingest --server "$other" --manifest "$here/examples/corpus/MANIFEST.tsv" "$here"/examples/corpus/*.txt
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
  load) load ;;
  run) trap stop EXIT; trap 'exit 130' INT TERM; start; echo "Ctrl-C stops them all"; while true; do sleep 1; done ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|run|load|stop|status" >&2; exit 2 ;;
esac
