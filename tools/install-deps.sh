#!/usr/bin/env bash
# Installs the Debian 12 packages claimgraph builds and tests with, when missing.
# Every dependency comes from Debian; nothing is downloaded at build time.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config
  librocksdb-dev libantlr4-runtime-dev antlr4
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libgtest-dev libgmock-dev libbenchmark-dev
  libcpp-httplib-dev   # serve --http: the HTTP/JSON API and the explorer page
  libcli11-dev nlohmann-json3-dev libsimdjson-dev libfmt-dev libspdlog-dev libedit-dev libssl-dev libjemalloc-dev
  python3-grpcio python3-protobuf sqlite3 libsqlite3-dev openssl
  iso-codes   # tools/gazetteer: ISO 3166-1 and 3166-3 (the CTest gazetteer_up_to_date)
  raptor2-utils   # rapper: an RDF parser not ours checks the nquads-prov export (tests/engine/prov_nquads_test.cc)
  clang libclang-rt-14-dev   # tools/fuzz.sh: libFuzzer and the sanitizer runtimes
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "[deps] all ${#PACKAGES[@]} packages present"
  exit 0
fi
echo "[deps] installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
