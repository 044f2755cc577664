#!/usr/bin/env bash
# The main job: install what is missing, build (release), load the example
# data into an embedded store in ./data -- the generated gazetteer
# (examples/gazetteer.json: the predicates, every ISO 3166 state, former
# states, groups and agencies; a superset of examples/schema.json), the
# hand-annotated claims, and the five example articles through the ingestion
# pipeline (examples/corpus, rules in examples/ingest/rules.json) -- verify its
# audit trail, and serve it on 127.0.0.1:7687 (gRPC) and 127.0.0.1:7688 (HTTP:
# the JSON API and the explorer page) until Ctrl-C, IngestDocument
# enabled with the same gazetteer. (docs/ingest.md, "The gazetteer", has why
# and what it changes on the example corpus.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --parallel 2
DATA=${CLAIMGRAPH_DATA:-data}
LISTEN=${CLAIMGRAPH_LISTEN:-127.0.0.1:7687}
HTTP=${CLAIMGRAPH_HTTP:-127.0.0.1:7688}
rm -rf "$DATA"
SCHEMA=examples/gazetteer.json
./build/server/claimgraphd import --data "$DATA" --schema "$SCHEMA" examples/claims.jsonl examples/five-eyes.nq
./build/server/claimgraphd ingest --data "$DATA" --schema "$SCHEMA" --rules examples/ingest/rules.json \
  --manifest examples/corpus/MANIFEST.tsv --quiet examples/corpus/*.txt
./build/server/claimgraphd verify --indexes --data "$DATA"
./build/server/claimgraphd stats --data "$DATA"
cat <<MSG

claimgraphd is starting on $LISTEN (gRPC) and http://$HTTP/ (the HTTP/JSON API
and the explorer page, when built) with the example data (store: $DATA).
Ask over HTTP:
  curl -s -d '{"statement": "MATCH ?x member-of \"Quad\" RETURN ?x"}' http://$HTTP/v1/query
Open the console in another terminal:
  ./build/tools/claimgraph/claimgraph shell --server $LISTEN
or run one statement:
  ./build/tools/claimgraph/claimgraph query --server $LISTEN 'MATCH ?who shares-intel "Japan" RETURN ?who WITH PROVENANCE'
or ingest another article (prints the claims found with their quotes):
  ./build/tools/claimgraph/claimgraph ingest --server $LISTEN --publisher "..." --published 2024-01-31 --dry-run FILE.txt
Stop the server with Ctrl-C (it drains in-flight calls and flushes the store).

MSG
exec ./build/server/claimgraphd serve --data "$DATA" --listen "$LISTEN" --http "$HTTP" \
  --schema "$SCHEMA" --rules examples/ingest/rules.json
