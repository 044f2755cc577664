#!/bin/bash
# Cluster write throughput beside a single node, and replication lag
# (docs/benchmarks.md, "Cluster mode"): tools/cluster.sh's three nodes plus one
# single claimgraphd, all on loopback, then cluster_write_bench against them.
#   tools/bench/cluster_bench.sh [BUILD_DIR] [cluster_write_bench flags...]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}; shift || true
export CG_CLUSTER_DIR=$(mktemp -d /tmp/cg-cluster-bench.XXXXXX)
export CG_CLUSTER_PORT=${CG_CLUSTER_PORT:-15222}
export CLAIMGRAPHD=$build/server/claimgraphd
single_port=$((CG_CLUSTER_PORT + 2010))
cleanup() {
  [ -n "${single_pid:-}" ] && kill "$single_pid" 2>/dev/null && wait "$single_pid" 2>/dev/null || true
  "$here/tools/cluster.sh" stop
  rm -rf "$CG_CLUSTER_DIR"
}
trap cleanup EXIT
CG_CLUSTER_LOAD=0 "$here/tools/cluster.sh" start  # empty: the bench writes its own
"$CLAIMGRAPHD" serve --data "$CG_CLUSTER_DIR/single" --listen "127.0.0.1:$single_port" > "$CG_CLUSTER_DIR/single.log" 2>&1 &
single_pid=$!
"$build/tools/bench/cluster_write_bench" --writer "127.0.0.1:$((CG_CLUSTER_PORT + 2000))" \
  --follower "127.0.0.1:$((CG_CLUSTER_PORT + 2001))" --single "127.0.0.1:$single_port" \
  --readers "127.0.0.1:$((CG_CLUSTER_PORT + 2000)),127.0.0.1:$((CG_CLUSTER_PORT + 2001)),127.0.0.1:$((CG_CLUSTER_PORT + 2002))" "$@"
