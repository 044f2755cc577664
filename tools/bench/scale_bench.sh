#!/usr/bin/env bash
# One node from 1M to 50M claims (issue 19, item 4): for each size, the
# synthetic graph (Zipf degrees, the generator of load_bench and query_bench)
# as an N-Quads file, imported by `claimgraphd import` into a fresh store; beside
# it, in the same run, SQLite's load of the same claims (load_bench's
# SqliteLoad). Records the import's claims/s and peak RSS, SQLite's claims/s and
# the ratio, bytes on disk per claim, each side-by-side query shape's time and
# rows (in process, `claimgraphd query --timing`, median of RUNS after one
# warm-up), and online commits on the biggest hub against random subjects
# (hub_write_bench). Prints the table of docs/benchmarks.md and a summary line.
#
#   nice bash tools/bench/scale_bench.sh [--sizes N,N,...] [--runs R] [--writes W] [--build DIR]
#        [--dir DIR] [--keep] [--no-sqlite]
#
#   --sizes     claim counts (default 1000000,5000000,20000000,50000000; each >= 1800)
#   --runs      timed runs per shape after one warm-up (default 5)
#   --writes    claims hub_write_bench commits on each side (default 5000, batches of 50)
#   --dir       where the files and stores go (default a fresh directory under
#               /tmp, removed at the end unless --keep); each size's input and
#               store are removed once measured, unless --keep
#
# "scale" in the shape table is (ms at N / ms at the first size) / (rows at N /
# rows at the first size): above 1, the shape grew slower than its answer.
# The CTest scale_bench_smoke runs it with --sizes 2000,4000 --runs 1 --writes 100.
set -euo pipefail

SIZES=1000000,5000000,20000000,50000000
RUNS=5
WRITES=5000
B=build
DIR=""
KEEP=0
SQLITE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=${2:?}; shift 2 ;;
    --runs) RUNS=${2:?}; shift 2 ;;
    --writes) WRITES=${2:?}; shift 2 ;;
    --build) B=${2:?}; shift 2 ;;
    --dir) DIR=${2:?}; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --no-sqlite) SQLITE=0; shift ;;
    *) echo "unknown argument $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
say() { echo "[scale] $*" >&2; }
die() { say "error: $*"; exit 1; }

CGD="$B/server/claimgraphd"
DATA_TOOL="$B/tools/bench/scale_data"
HUB_TOOL="$B/tools/bench/hub_write_bench"
for x in "$CGD" "$DATA_TOOL" "$HUB_TOOL"; do [ -x "$x" ] || die "$x is not built (ninja -C $B)"; done
if [ -z "$DIR" ]; then DIR=$(mktemp -d /tmp/claimgraph-scale.XXXXXX); else mkdir -p "$DIR"; fi
cleanup() { if [ "$KEEP" = 1 ]; then say "data kept in $DIR"; else rm -rf "$DIR"; fi; }
trap cleanup EXIT

# Runs a command; prints "<wall seconds> <peak RSS KiB>" of it (the child's
# getrusage maximum: the command's own process, not this shell's).
measure() {
  python3 - "$@" << 'PY'
import resource, subprocess, sys, time
t = time.monotonic()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
if r.returncode != 0:
    sys.exit(r.returncode)
print(f"{time.monotonic() - t:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}
median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

LOAD="$DIR/load.tsv"     # size, import s, peak KiB, sqlite s, bytes on disk, claims stored
SHAPE="$DIR/shapes.tsv"  # size, shape index, rows, ms
WRITE="$DIR/writes.tsv"  # size, hub claims, hub cps, random cps
: > "$LOAD"; : > "$SHAPE"; : > "$WRITE"
IFS=',' read -r -a NS <<< "$SIZES"
T0=$(date +%s)
for N in "${NS[@]}"; do
  [ "$N" -ge 1800 ] 2> /dev/null || die "--sizes: $N is not a claim count >= 1800"
  D="$DIR/$N"
  rm -rf "$D" && mkdir -p "$D"
  say "$N claims: generating the N-Quads file$([ "$SQLITE" = 1 ] && echo ' and timing SQLite' || true)..."
  LINE=$("$DATA_TOOL" --claims "$N" --dir "$D" $([ "$SQLITE" = 1 ] || echo --no-sqlite))
  SQ=$(sed -n 's/.*sqlite_load_s=\([0-9.]*\).*/\1/p' <<< "$LINE")
  say "$N claims: claimgraphd import..."
  read -r IMPORT_S PEAK_KIB < <(measure "$CGD" import --data "$D/store" "$D/claims.nq") || die "import of $N claims failed"
  BYTES=$(du -sb "$D/store" | cut -f1)
  # Identical quads are one claim: the generator repeats a few.
  STORED=$("$CGD" stats --data "$D/store" | sed -n 's/^live claims *\([0-9]*\)$/\1/p')
  [ "${STORED:-0}" -gt $((N * 9 / 10)) ] || die "the store holds ${STORED:-no} claims of $N imported"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$IMPORT_S" "$PEAK_KIB" "$SQ" "$BYTES" "$STORED" >> "$LOAD"
  rm -f "$D/claims.nq"
  say "$N claims: imported in ${IMPORT_S} s, peak RSS $((PEAK_KIB / 1024)) MiB; the shapes..."
  i=0
  while IFS= read -r Q; do
    i=$((i + 1))
    for _ in $(seq $((RUNS + 1))); do echo "$Q"; done > "$D/q.cql"
    "$CGD" query --data "$D/store" --max-rows 1000000000 --timing --format csv --file "$D/q.cql" 2> "$D/q.err" > /dev/null ||
      { cat "$D/q.err" >&2; die "shape $i failed at $N claims"; }
    # "time: 1.234 ms (cpu 1.100 ms), 42 rows", one line per statement; the first is the warm-up.
    sed -n 's/^time: \([0-9.]*\) ms (cpu [0-9.]* ms), \([0-9]*\) rows$/\1 \2/p' "$D/q.err" | tail -n +2 > "$D/q.times"
    [ -s "$D/q.times" ] || { cat "$D/q.err" >&2; die "no timing lines for shape $i"; }
    MS=$(cut -d' ' -f1 "$D/q.times" | median)
    ROWS=$(head -1 "$D/q.times" | cut -d' ' -f2)
    # Every shape answers something on this graph: none means its names are
    # not the imported ones (the import names entities and sources by IRI).
    [ "$ROWS" -gt 0 ] || die "shape $i ($Q) answered no rows at $N claims"
    printf '%s\t%s\t%s\t%s\n' "$N" "$i" "$ROWS" "$MS" >> "$SHAPE"
  done < "$D/shapes.cql"
  say "$N claims: online writes, biggest hub against random subjects..."
  HUB=$("$HUB_TOOL" --dir "$D/store" --writes "$WRITES" --batch 50 --rounds 5 2> "$D/hub.err") ||
    { cat "$D/hub.err" >&2; die "hub_write_bench failed at $N claims"; }
  sed -n 's/.*hub_claims=\([0-9]*\).* hub_cps=\([0-9.]*\) random_cps=\([0-9.]*\).*/\1\t\2\t\3/p' <<< "$HUB" |
    sed "s/^/$N\t/" >> "$WRITE"
  [ "$KEEP" = 1 ] || rm -rf "$D"
done

python3 - "$LOAD" "$SHAPE" "$WRITE" "$(($(date +%s) - T0))" << 'PY'
import sys
load_path, shape_path, write_path, secs = sys.argv[1:5]
names = ["hub s p ?o, claims", "?s p o, distinct", "two hops from the hub", "group by predicate of the hub",
         "p+ closure", "facts with >= 3 sources", "every claim of one source"]
load = [l.split("\t") for l in open(load_path).read().splitlines()]
shapes = [l.split("\t") for l in open(shape_path).read().splitlines()]
writes = [l.split("\t") for l in open(write_path).read().splitlines()]
print("| claims | import s | claims/s | SQLite claims/s | import / SQLite | peak RSS MiB | bytes on disk / claim |")
print("|---:|---:|---:|---:|---:|---:|---:|")
rates = []
for n, imp, kib, sq, b, stored in load:
    n = int(n); imp = float(imp); sq = float(sq)
    rates.append(n / imp)
    ratio = f"{sq / imp:.2f}x" if sq > 0 else "-"
    sqr = f"{n / sq:,.0f}" if sq > 0 else "-"
    print(f"| {n:,} | {imp:.1f} | {n / imp:,.0f} | {sqr} | {ratio} | {int(kib) / 1024:,.0f} | {int(b) / n:.1f} |")
print()
print("| shape | " + " | ".join(f"{int(r[0]):,}: rows, ms" for r in load) + " | scale at the last size |")
print("|---|" + "---:|" * (len(load) + 1))
worst = 0.0
for i, name in enumerate(names, start=1):
    row = [s for s in shapes if int(s[1]) == i]
    if not row:
        continue
    cells = [f"{int(s[2]):,}, {float(s[3]):.2f}" for s in row]
    r0, m0 = int(row[0][2]), float(row[0][3])
    rl, ml = int(row[-1][2]), float(row[-1][3])
    scale = (ml / m0) / (max(rl, 1) / max(r0, 1)) if m0 > 0 else float("nan")
    worst = max(worst, scale)
    print(f"| {name} | " + " | ".join(cells) + f" | {scale:.2f} |")
print()
print("| claims | biggest hub's claims | hub commits claims/s | random claims/s | random / hub |")
print("|---:|---:|---:|---:|---:|")
ratios = []
for n, hub, hc, rc in writes:
    ratios.append(float(rc) / float(hc))
    print(f"| {int(n):,} | {int(hub):,} | {float(hc):,.0f} | {float(rc):,.0f} | {ratios[-1]:.2f}x |")
flat = max(rates) / min(rates) if rates else float("nan")
peak = max(int(l[2]) for l in load) / 1024 if load else 0
print(f"summary: {len(load)} sizes in {secs} s; import claims/s {min(rates):,.0f}-{max(rates):,.0f} "
      f"(max/min {flat:.2f}); peak RSS {peak:,.0f} MiB; hub write ratio {max(ratios):.2f}x at worst; "
      f"worst shape scale {worst:.2f}")
PY
