#!/usr/bin/env bash
# One large result streamed over gRPC (`claimgraph query --format csv`) and
# over HTTP (`curl POST /v1/query`, JSON lines) from the same claimgraphd, side
# by side: wall time and the server's CPU for each, ROUNDS times.
#   bash tools/bench/http_stream_bench.sh [BUILD_DIR]   (N=100 nodes -> N*(N-1)^2 rows; ROUNDS=3)
set -uo pipefail
B=${1:-build}
N=${N:-100}
ROUNDS=${ROUNDS:-3}
D=$(mktemp -d)
GRPC=127.0.0.1:$((20000 + RANDOM % 20000))
HTTP=127.0.0.1:$((40000 + RANDOM % 20000))
"$B/server/claimgraphd" serve --data "$D/data" --listen "$GRPC" --http "$HTTP" --max-rows 100000000 > "$D/log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$D"' EXIT
for _ in $(seq 50); do curl -sf "http://$HTTP/v1/stats" > /dev/null && break; sleep 0.1; done
echo "[bench] $N nodes that all know each other: $((N * (N - 1))) claims"
curl -sf -d '{"statement": "DEFINE PREDICATE knows"}' "http://$HTTP/v1/query" > /dev/null
python3 -c '
import json, sys
n = int(sys.argv[1])
print(json.dumps({"claims": [{"subject": f"n{i}", "predicate": "knows", "object_entity": f"n{j}", "source": "bench"}
                             for i in range(n) for j in range(n) if i != j]}))' "$N" > "$D/assert.json"
curl -sf -H 'Content-Type: application/json' --data-binary @"$D/assert.json" "http://$HTTP/v1/assert" > /dev/null
Q='MATCH ?a knows ?b, ?b knows ?c RETURN ?a, ?b, ?c'
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
TCK=$(getconf CLK_TCK)
secs() { python3 -c "print(f'{($2 - $1):.2f}')" "$1" "$2"; }
GRPC_CPU=(); HTTP_CPU=()
for round in $(seq "$ROUNDS"); do
  c0=$(cpu); t0=$(date +%s.%N)
  "$B/tools/claimgraph/claimgraph" query --server "$GRPC" --format csv "$Q" > "$D/grpc.out"
  t1=$(date +%s.%N); c1=$(cpu)
  curl -sf -H 'Content-Type: application/json' -d "{\"statement\": \"$Q\"}" "http://$HTTP/v1/query" > "$D/http.out"
  t2=$(date +%s.%N); c2=$(cpu)
  echo "[bench] round $round/$ROUNDS: $(($(wc -l < "$D/grpc.out") - 1)) rows;" \
    "gRPC $(secs "$t0" "$t1") s wall, server CPU $(secs "$c0/$TCK" "$c1/$TCK") s;" \
    "HTTP $(secs "$t1" "$t2") s wall, server CPU $(secs "$c1/$TCK" "$c2/$TCK") s, $(($(stat -c %s "$D/http.out") / 1000000)) MB"
  GRPC_CPU+=("$(secs "$c0/$TCK" "$c1/$TCK")"); HTTP_CPU+=("$(secs "$c1/$TCK" "$c2/$TCK")")
done
python3 -c '
import statistics, sys
g, h = [float(x) for x in sys.argv[1].split()], [float(x) for x in sys.argv[2].split()]
rows = int(sys.argv[3])
mg, mh = statistics.median(g), statistics.median(h)
print(f"[bench] summary: server CPU per row, median of {len(g)}: gRPC {mg / rows * 1e6:.2f} us, HTTP {mh / rows * 1e6:.2f} us ({mh / mg:.1f}x)")
' "${GRPC_CPU[*]}" "${HTTP_CPU[*]}" "$((N * (N - 1) * (N - 1)))"
