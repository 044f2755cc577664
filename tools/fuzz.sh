#!/usr/bin/env bash
# A bounded fuzz run: builds the libFuzzer harnesses with clang (ASan + UBSan,
# in build-fuzz), seeds each from the golden statements and the example files,
# and runs each for SECONDS (default 60). A crash fails the run; its input is
# left in build-fuzz/crashes/ -- fix the bug, then copy the input into
# tests/fuzz/regressions/<target>/ so fuzz_regression_test keeps it fixed.
#
#   bash tools/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAIMGRAPH_FUZZ=ON -DCLAIMGRAPH_WERROR=ON >/dev/null
cmake --build build-fuzz --parallel 2 --target claimql_fuzz nquads_fuzz nquads_prov_fuzz jsonl_fuzz ingest_fuzz

SEEDS=build-fuzz/seeds
rm -rf "$SEEDS" && mkdir -p "$SEEDS"/{claimql,nquads,nquads_prov,jsonl,ingest} build-fuzz/crashes build-fuzz/corpus
python3 - "$SEEDS" <<'PY'
import glob, os, sys
seeds = sys.argv[1]
n = 0
for path in sorted(glob.glob("tests/claimql/*.cql")):
    statement = []
    for line in open(path, encoding="utf-8"):
        if not statement and line.startswith("--"):
            continue
        statement.append(line)
        if line.rstrip().endswith(";"):
            open(f"{seeds}/claimql/{n:04d}.cql", "w", encoding="utf-8").write("".join(statement).rstrip().rstrip(";"))
            n += 1
            statement = []
for i, line in enumerate(open("examples/claims.jsonl", encoding="utf-8")):
    open(f"{seeds}/jsonl/{i:03d}.jsonl", "w", encoding="utf-8").write(line)
for i, line in enumerate(open("examples/five-eyes.nq", encoding="utf-8")):
    open(f"{seeds}/nquads/{i:03d}.nq", "w", encoding="utf-8").write(line)
for path in sorted(glob.glob("examples/corpus/*.txt")):
    data = open(path, "rb").read()
    # whole articles are long; their paragraphs make better seeds
    for j, para in enumerate(data.split(b"\n\n")[:40]):
        if para.strip():
            open(f"{seeds}/ingest/{os.path.basename(path)}.{j:02d}", "wb").write(para)
for target in ("claimql", "nquads", "nquads_prov", "jsonl", "ingest"):
    for path in glob.glob(f"tests/fuzz/regressions/{target}/*"):
        if not path.endswith("README"):
            open(f"{seeds}/{target}/regression-{os.path.basename(path)}", "wb").write(open(path, "rb").read())
PY

status=0
for target in claimql nquads nquads_prov jsonl ingest; do
  mkdir -p "build-fuzz/corpus/$target"
  echo "== fuzzing $target for ${SECONDS_EACH}s"
  log="build-fuzz/$target.log"
  if CLAIMGRAPH_SOURCE_DIR="$PWD" "./build-fuzz/tests/fuzz/${target}_fuzz" -max_total_time="$SECONDS_EACH" \
      -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build-fuzz/crashes/$target-" "build-fuzz/corpus/$target" "$SEEDS/$target" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "   ok: $runs executions, no crash"
  else
    echo "   CRASH (see $log and build-fuzz/crashes/):"
    tail -40 "$log"
    status=1
  fi
done
exit $status
