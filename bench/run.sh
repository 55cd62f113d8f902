#!/usr/bin/env bash
# Side-by-side benchmark: runs each query of a workload in Switchboard and in the reference
# engine (DuckDB through ../shared/oracle/duckdb-sql) on the same generated files, with the same
# thread count, a warm-up and several timed runs in one process each, checks that the results
# agree (compare-results), and prints per-query medians, the ratio Switchboard/reference and
# totals as a table and as CSV. See bench/README.md.
#
#   bench/run.sh tpch [--sf 1] [COMMON OPTIONS]
#   bench/run.sh contact-center [--days 28] [--agents 100] [--customers 20000] [COMMON OPTIONS]
#   bench/run.sh micro [COMMON OPTIONS]     (hash aggregation 10M rows/1M groups, join 10M x 1M)
#
# Common options: --threads N (2), --runs N (5), --queries a,b (all), --data DIR (generated once
# under bench-data/ beside the binary), --csv FILE (bench-results/<workload>-t<threads>.csv beside
# the binary), --timeout SECONDS per engine and query (600), --seed S (0).
# Environment: SWITCHBOARD (the binary; build/switchboard), SB_SHARED_DIR (../shared).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SB_SHARED_DIR:-$root/../shared}
sb=${SWITCHBOARD:-$root/build/switchboard}
duckdb=$shared/oracle/duckdb-sql
compare=$shared/oracle/compare-results

usage() { sed -n '2,16s/^# \{0,1\}//p' "$0" >&2; exit 2; }
[ $# -ge 1 ] || usage
workload=$1
shift

threads=2 runs=5 queries="" data="" csv="" timeout_s=600 seed=0
sf=1 days=28 agents=100 customers=20000
while [ $# -gt 0 ]; do
  case $1 in
    --threads) threads=$2 ;;
    --runs) runs=$2 ;;
    --queries) queries=$2 ;;
    --data) data=$2 ;;
    --csv) csv=$2 ;;
    --timeout) timeout_s=$2 ;;
    --seed) seed=$2 ;;
    --sf) sf=$2 ;;
    --days) days=$2 ;;
    --agents) agents=$2 ;;
    --customers) customers=$2 ;;
    *) usage ;;
  esac
  shift 2
done

[ -x "$sb" ] || { echo "no $sb: build it first (ninja -C build switchboard)" >&2; exit 1; }
[ -x "$duckdb" ] || { echo "no reference engine at $duckdb" >&2; exit 1; }

case $workload in
  tpch)
    label="tpch-sf$sf"
    generate=(datagen tpch --sf "$sf" --seed "$seed")
    query_dir=$shared/testdata/tpch/queries
    ;;
  contact-center)
    label="contact-center-d$days-a$agents-c$customers"
    # A fixed end date keeps the data (and the 7-day windows the queries use) reproducible.
    generate=(datagen contact-center --days "$days" --agents "$agents" --customers "$customers"
              --seed "$seed" --end-date 2024-06-30)
    query_dir=$root/bench/contact-center/queries
    ;;
  micro)
    label="micro"
    generate=()  # bench/micro/generate.sql, run by Switchboard
    query_dir=$root/bench/micro/queries
    ;;
  *) usage ;;
esac
spec_dir=$root/bench/$workload
# Generated data and results live beside the binary, in its build folder.
build_dir=$(dirname "$sb")
data=${data:-$build_dir/bench-data/$label-seed$seed}
csv=${csv:-$build_dir/bench-results/$label-t$threads.csv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

instantiate() { sed "s|{DATA}|$data|g" "$1" > "$2"; }

# Data: generated once per parameter set, by `switchboard datagen` or by the workload's
# generate.sql; the marker is written only after a complete run.
if [ ! -f "$data/.complete" ]; then
  echo "generating $label into $data" >&2
  rm -rf "$data"
  if [ ${#generate[@]} -gt 0 ]; then
    /usr/bin/time -f "datagen: %e s, max RSS %M KiB" "$sb" "${generate[@]}" --out "$data" >&2
  else
    mkdir -p "$data"
    instantiate "$spec_dir/generate.sql" "$work/generate.sql"
    "$sb" --threads "$threads" -f "$work/generate.sql" > /dev/null
  fi
  touch "$data/.complete"
fi

# The views over the files: bench/<workload>/setup.sql, with {DATA} replaced; the reference
# engine reads duckdb/setup.sql instead when the dialects differ.
instantiate "$spec_dir/setup.sql" "$work/setup_sb.sql"
if [ -f "$spec_dir/duckdb/setup.sql" ]; then
  instantiate "$spec_dir/duckdb/setup.sql" "$work/setup_ref.sql"
else
  cp "$work/setup_sb.sql" "$work/setup_ref.sql"
fi

# "timed out" or "failed: <first error line>", for an engine's exit status and stderr file.
failure() {
  if [ "$1" = 124 ]; then
    echo "timed out after ${timeout_s} s"
  else
    echo "failed ($1): $(grep -v '^Run Time' "$2" | head -1 | cut -c1-100 || true)"
  fi
}

rss_mib() { awk '/^[0-9]+$/ { printf "%.0f", $1 / 1024 }' "$1" 2>/dev/null; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

mkdir -p "$(dirname "$csv")"
echo "workload,query,switchboard_ms,reference_ms,ratio,switchboard_rss_mib,reference_rss_mib,result" > "$csv"
printf "%s: %s thread(s), median of %s runs after a warm-up; %s; load average %s\n" \
  "$label" "$threads" "$runs" "$(git -C "$root" rev-parse --short HEAD)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-34s %14s %14s %8s %8s %8s  %s\n" query switchboard_ms reference_ms ratio sb_MiB ref_MiB result

total_sb=0 total_ref=0 complete=1 log_ratio_sum=0 ratio_count=0
for file in "$query_dir"/*.sql; do
  name=$(basename "$file" .sql)
  if [ -n "$queries" ] && [[ ",$queries," != *",$name,"* ]]; then continue; fi
  ref_file=$file
  [ -f "$spec_dir/duckdb/$name.sql" ] && ref_file=$spec_dir/duckdb/$name.sql
  instantiate "$file" "$work/$name.sb.sql"
  instantiate "$ref_file" "$work/$name.ref.sql"
  # Per-query comparison options, from a '-- compare: OPTIONS' line of the query file.
  compare_options=$(sed -n 's/^-- compare: //p' "$file" | head -1)
  # TPC-H: the answer tolerance of ../shared/testdata/tpch/README.md; unaliased expressions
  # (q18's sum(l_quantity)) are named differently by the two dialects.
  [ "$workload" = tpch ] && compare_options="--abs-tol 0.01 --ignore-names $compare_options"

  # Switchboard: setup, then the query runs+1 times in one process; --timer prints one
  # 'Run Time: X ms' line per statement, the last runs+1 of which are the query's.
  sb_args=(--threads "$threads" --timer --format csv -f "$work/setup_sb.sql")
  for ((i = 0; i <= runs; i++)); do sb_args+=(-f "$work/$name.sb.sql"); done
  sb_ms="" result=""
  status=0
  /usr/bin/time -f %M -o "$work/$name.sb.rss" timeout "$timeout_s" "$sb" "${sb_args[@]}" \
    > "$work/$name.sb.csv" 2> "$work/$name.sb.err" || status=$?
  if [ "$status" = 0 ]; then
    sb_ms=$(sed -n 's/^Run Time: \([0-9.]*\) ms.*/\1/p' "$work/$name.sb.err" | tail -n "$runs" | median)
  else
    result="switchboard $(failure "$status" "$work/$name.sb.err")"
  fi

  # Reference: --time runs the last statement once to warm up, then runs more times.
  ref_ms=""
  status=0
  /usr/bin/time -f %M -o "$work/$name.ref.rss" timeout "$timeout_s" "$duckdb" --threads "$threads" --time "$runs" -f "$work/setup_ref.sql" \
    -f "$work/$name.ref.sql" > "$work/$name.ref.csv" 2> "$work/$name.ref.err" || status=$?
  if [ "$status" = 0 ]; then
    ref_ms=$(sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p' "$work/$name.ref.err")
  else
    result="${result:+$result; }reference $(failure "$status" "$work/$name.ref.err")"
  fi

  ratio=""
  if [ -n "$sb_ms" ] && [ -n "$ref_ms" ]; then
    # shellcheck disable=SC2086  # compare_options is a list of options
    if "$compare" "$work/$name.ref.csv" "$work/$name.sb.csv" $compare_options > "$work/$name.cmp" 2>&1; then
      result="ok"
    else
      result="DIFFERENT: $(tail -1 "$work/$name.cmp" | cut -c1-100)"
    fi
    ratio=$(awk -v a="$sb_ms" -v b="$ref_ms" 'BEGIN { printf "%.2f", a / b }')
    total_sb=$(awk -v a="$total_sb" -v b="$sb_ms" 'BEGIN { print a + b }')
    total_ref=$(awk -v a="$total_ref" -v b="$ref_ms" 'BEGIN { print a + b }')
    log_ratio_sum=$(awk -v s="$log_ratio_sum" -v r="$ratio" 'BEGIN { print s + log(r > 0 ? r : 0.01) }')
    ratio_count=$((ratio_count + 1))
  else
    complete=0
  fi
  # Peak resident memory of each engine's process (the reference's includes its Node.js host).
  sb_mib=$(rss_mib "$work/$name.sb.rss") ref_mib=$(rss_mib "$work/$name.ref.rss")
  printf "%-34s %14s %14s %8s %8s %8s  %s\n" "$name" "${sb_ms:--}" "${ref_ms:--}" "${ratio:--}" "$sb_mib" "$ref_mib" "$result"
  echo "$label,$name,$sb_ms,$ref_ms,$ratio,$sb_mib,$ref_mib,\"${result//\"/\"\"}\"" >> "$csv"
done

total_ratio=$(awk -v a="$total_sb" -v b="$total_ref" 'BEGIN { if (b > 0) printf "%.2f", a / b }')
geomean=$(awk -v s="$log_ratio_sum" -v n="$ratio_count" 'BEGIN { if (n > 0) printf "%.2f", exp(s / n) }')
note=""
[ "$complete" = 1 ] || note="(queries that failed are left out of the totals)"
printf "%-34s %14.1f %14.1f %8s  %s\n" "total" "$total_sb" "$total_ref" "${total_ratio:--}" "$note"
printf "%-34s %14s %14s %8s\n" "geometric mean of ratios" "" "" "${geomean:--}"
echo "$label,total,$total_sb,$total_ref,$total_ratio,,,\"$note\"" >> "$csv"
echo "$label,geomean,,,$geomean,,," >> "$csv"
echo "CSV: $csv"
