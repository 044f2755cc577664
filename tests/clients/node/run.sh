#!/usr/bin/env bash
# The Node client's checks, for CTest (tests/clients/CMakeLists.txt):
#   run.sh test|types SOURCE_DIR BUILD_DIR NODE PYTHON3
# test: client.test.mjs against a live claimgraphd (live_server.py starts it);
# types: tsc --strict on typecheck.mts against the client's index.d.ts.
# Both need tools/clients/node/node_modules, which tools/install-deps.sh puts
# there with npm ci from the lockfile: without them (or without node) this is
# skipped (77), and a failure under CI=true, as the browser test does.
set -euo pipefail
what=$1 src=$2 build=$3 node=$4 python=$5
modules=$src/tools/clients/node/node_modules
missing=""
command -v "$node" >/dev/null 2>&1 || missing="node"
[ -d "$modules/@grpc/grpc-js" ] && [ -d "$modules/@grpc/proto-loader" ] && [ -d "$modules/typescript" ] \
  || missing="${missing:+$missing and }$modules"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: $missing missing (required when CI=true; tools/install-deps.sh installs them)" >&2
    exit 1
  fi
  echo "SKIP: $missing missing (run tools/install-deps.sh, or npm ci --ignore-scripts in tools/clients/node)" >&2
  exit 77
fi
case $what in
  test) exec "$python" "$src/tests/clients/live_server.py" --build "$build" --source "$src" -- \
          "$node" --test --test-reporter=spec "$src/tests/clients/node/client.test.mjs" ;;
  types) exec "$node" "$modules/typescript/bin/tsc" -p "$src/tests/clients/node/tsconfig.json" ;;
  *) echo "usage: run.sh test|types SOURCE_DIR BUILD_DIR NODE PYTHON3" >&2; exit 2 ;;
esac
