#!/bin/bash
# A local claimgraph cluster on loopback (docs/scale-out.md): three
# nats-servers forming one JetStream cluster and three claimgraphd nodes
# started with --cluster. For development and benchmarks. One node holds the
# writer lease; writes sent to any node are forwarded to it. `start` loads
# the example data through the first node (as tools/run.sh does offline):
# examples/schema.json as DEFINE statements, then examples/claims.jsonl and
# examples/five-eyes.nq through `claimgraph load`.
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
      --cluster "$(urls)" --node-id "$i" --lease-ttl-ms "${CG_LEASE_TTL_MS:-3000}" >> "$dir/node$i.log" 2>&1 &
    echo $! > "$dir/node$i.pid"
  done
  for i in 1 2 3; do wait_port $((base + 2000 + i - 1)) 30; done
  echo "NATS: $(urls)"
  echo "claimgraphd nodes: 127.0.0.1:$((base + 2000)) 127.0.0.1:$((base + 2001)) 127.0.0.1:$((base + 2002)) (logs in $dir)"
  if [ "${CG_CLUSTER_LOAD:-1}" != 0 ]; then load; fi
}

# examples/schema.json as ClaimQL DEFINE statements (the predicates, then the
# entities with their types and aliases): `serve --schema` is refused with
# --cluster, so the schema goes through a running node like any write.
schema_statements() {
  python3 - "$here/examples/schema.json" <<'PY'
import json, sys
schema = json.load(open(sys.argv[1]))
for p in schema["predicates"]:
    words = ["DEFINE PREDICATE", p["name"]]
    if p.get("symmetric"): words.append("SYMMETRIC")
    if p.get("inverse"): words += ["INVERSE", p["inverse"]]
    words += ["DOMAIN", p.get("domain", "ANY"), "RANGE", p.get("range", "ANY")]
    print(" ".join(words) + ";")
for e in schema.get("entities", []):
    words = ["DEFINE ENTITY", json.dumps(e["name"])]
    if e.get("type"): words += ["TYPE", e["type"]]
    if e.get("aliases"): words += ["ALIASES", ", ".join(json.dumps(a) for a in e["aliases"])]
    print(" ".join(words) + ";")
PY
}

load() {
  local node=127.0.0.1:$base_grpc
  # A new cluster's first write waits for JetStream to elect its leaders and
  # a node to take the writer lease: the DEFINEs (which write nothing the
  # second time) are tried again for up to 60 s.
  local tries=0
  until schema_statements | "$claimgraph" query --server "$node" -f - > "$dir/load.log" 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
      cat "$dir/load.log" >&2
      echo "loading the schema through $node failed; the cluster runs (tools/cluster.sh stop)" >&2
      return 1
    fi
    sleep 1
  done
  "$claimgraph" load --server "$node" "$here/examples/claims.jsonl" "$here/examples/five-eyes.nq"
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
