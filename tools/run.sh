#!/usr/bin/env bash
# The main job: install what is missing, build (release), and load the example
# data (schema, gazetteer and claims from examples/) into an embedded store in
# ./data, then verify its audit trail and print what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --parallel 2
DATA=${CLAIMGRAPH_DATA:-data}
rm -rf "$DATA"
./build/server/claimgraphd import --data "$DATA" --schema examples/schema.json examples/claims.jsonl examples/five-eyes.nq
./build/server/claimgraphd verify --data "$DATA"
./build/server/claimgraphd stats --data "$DATA"
echo
./build/server/claimgraphd query --data "$DATA" \
  'MATCH ?a shares-intel ?b AS ?c RETURN ?a, ?b, COUNT(DISTINCT ?c.source) AS sources ORDER BY sources DESC, ?a LIMIT 5'
echo
echo "The store is in $DATA. Try:"
echo "  ./build/server/claimgraphd query --data $DATA 'MATCH \"Japan\" pact+ ?x RETURN ?x WITH PROVENANCE'"
echo "  ./build/server/claimgraphd query --data $DATA 'SHOW CLAIM 1'"
echo "  ./build/server/claimgraphd export --data $DATA --format nquads"
