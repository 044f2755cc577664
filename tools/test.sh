#!/usr/bin/env bash
# Every test: install what is missing, then build and run the whole CTest suite
# twice — a release build and an address+undefined sanitizer build (less the
# browser test) — and a bounded fuzz run of every harness (FUZZ_SECONDS each,
# default 60). Each build
# treats a compiler warning as an error (CLAIMGRAPH_WERROR): all three are quiet.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
JOBS=${JOBS:-2}

echo "== release build =="
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLAIMGRAPH_WERROR=ON >/dev/null
cmake --build build --parallel "$JOBS"
ctest --test-dir build --output-on-failure -j "$JOBS"

echo "== address+undefined sanitizer build =="
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCLAIMGRAPH_SANITIZE=ON -DCLAIMGRAPH_WERROR=ON >/dev/null
cmake --build build-asan --parallel "$JOBS"
# Not the browser test (label browser): it checks the page, and a 10x slower
# server under the sanitizers adds nothing to that but waiting.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$JOBS" -LE browser

echo "== bounded fuzz run (clang, libFuzzer + ASan/UBSan) =="
bash tools/fuzz.sh "${FUZZ_SECONDS:-60}"
