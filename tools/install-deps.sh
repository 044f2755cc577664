#!/usr/bin/env bash
# Installs the Debian 12 packages claimgraph builds and tests with, when missing.
# Every dependency comes from Debian; nothing is downloaded at build time.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config
  librocksdb-dev libantlr4-runtime-dev antlr4
  liblz4-dev   # storage/run_file.cc: a bulk import's spilled runs, LZ4-compressed
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libgtest-dev libgmock-dev libbenchmark-dev
  libcpp-httplib-dev   # serve --http: the HTTP/JSON API and the explorer page
  libcli11-dev nlohmann-json3-dev libsimdjson-dev libfmt-dev libspdlog-dev libedit-dev libssl-dev libjemalloc-dev
  python3-grpcio python3-protobuf sqlite3 libsqlite3-dev openssl
  python3-venv python3-pip python3-setuptools   # tools/clients/python: pip-installed into a venv by the CTest python_client_install
  iso-codes   # tools/gazetteer: ISO 3166-1 and 3166-3 (the CTest gazetteer_up_to_date)
  raptor2-utils   # rapper: an RDF parser not ours checks the nquads-prov export (tests/engine/prov_nquads_test.cc)
  clang libclang-rt-14-dev   # tools/fuzz.sh: libFuzzer and the sanitizer runtimes
  chromium chromium-driver python3-selenium   # tests/browser/explorer_test.py: the explorer in a real browser
  nats-server libnats-dev   # serve --cluster (docs/scale-out.md): the JetStream client (-lnats) and a local 3-server cluster for tools/cluster.sh and the cluster tests
)
# Not npm: web/ needs an npm (any >= 7 reads lockfileVersion 3), but a machine
# with NodeSource's nodejs has one bundled, and apt would remove that nodejs to
# install Debian's npm (which Conflicts with it). Asked for below only when none is there.

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null 2>&1 || missing+=(npm)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#missing[@]} -eq 0 ]; then
  echo "[deps] all ${#PACKAGES[@]} packages present"
else
  echo "[deps] installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, exactly what each folder's package-lock.json pins, with no
# install scripts run. Skipped when node_modules was installed from this very
# lockfile, so a build after this needs no network.
npm_ci() {
  local dir=$1
  local stamp="$dir/node_modules/.package-lock.json.src"
  if cmp -s "$dir/package-lock.json" "$stamp"; then
    echo "[deps] $dir/node_modules matches its package-lock.json"
  else
    echo "[deps] npm ci in $dir"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
ROOT="$(dirname "$0")/.."
# web/: the explorer's (cytoscape, and axe-core for the browser test); CMake
# copies cytoscape into build/web.
npm_ci "$ROOT/web"
# tools/clients/node: the Node client's (@grpc/grpc-js, @grpc/proto-loader, and
# typescript for the type check), for its CTests node_client and node_client_types.
npm_ci "$ROOT/tools/clients/node"
