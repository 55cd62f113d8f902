#!/usr/bin/env bash
# Parquet benchmark: Switchboard's reader and writer next to DuckDB on TPC-H lineitem (SF 0.1 and
# a 10x copy written by Switchboard), same thread count, medians of several runs; prints ratios
# and file sizes.
#
#   bench/parquet/run_bench.sh [BUILD_DIR]      (environment: THREADS=1 RUNS=5 OUT=/tmp/...)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-parquet}
shared=${SB_SHARED_DIR:-$root/../shared}
threads=${THREADS:-1}
runs=${RUNS:-5}
out=${OUT:-/tmp/sb_parquet_bench}
bench=$build/bench/parquet/parquet_bench
duckdb=$shared/oracle/duckdb-sql
lineitem=$shared/testdata/tpch/sf0.1/lineitem.parquet
mkdir -p "$out"

[ -x "$bench" ] || { echo "build parquet_bench first: ninja -C $build parquet_bench" >&2; exit 1; }

# median_ms of our program's output / of duckdb-sql --time's stderr.
ours_ms() { sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p' | head -1; }
duck_ms() { sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p' | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
size_of() { stat -c %s "$1"; }

big=$out/lineitem_x10.parquet
if [ ! -f "$big" ]; then
  "$bench" copy "$lineitem" "$big" 10 > /dev/null
fi

# Aggregates that need every value decoded (min/max could come from statistics).
epoch="DATE '1970-01-01'"
all_columns="sum(l_orderkey), sum(l_partkey), sum(l_suppkey), sum(l_linenumber), sum(l_quantity),
  sum(l_extendedprice), sum(l_discount), sum(l_tax), sum(strlen(l_returnflag)),
  sum(strlen(l_linestatus)), sum(l_shipdate - $epoch), sum(l_commitdate - $epoch),
  sum(l_receiptdate - $epoch), sum(strlen(l_shipinstruct)), sum(strlen(l_shipmode)),
  sum(strlen(l_comment))"

printf "%-44s %12s %12s %10s\n" "benchmark ($threads thread(s), median of $runs)" "switchboard" "duckdb" "sb/duckdb"
report() {
  printf "%-44s %10s ms %10s ms %10s\n" "$1" "$2" "$3" "$(ratio "$2" "$3")"
}

for file in "$lineitem" "$big"; do
  name=$(basename "$file" .parquet)
  ours=$("$bench" scan "$file" --runs "$runs" --threads "$threads" | ours_ms)
  duck=$("$duckdb" --threads "$threads" --time "$runs" -c "SELECT $all_columns FROM read_parquet('$file')" 2>&1 >/dev/null | duck_ms)
  report "scan all columns: $name" "$ours" "$duck"

  ours=$("$bench" scan "$file" --runs "$runs" --threads "$threads" --columns l_extendedprice \
      --filter "l_shipdate>=1995-01-01" --filter "l_shipdate<1995-02-01" | ours_ms)
  duck=$("$duckdb" --threads "$threads" --time "$runs" -c "SELECT sum(l_extendedprice) FROM read_parquet('$file') WHERE l_shipdate >= DATE '1995-01-01' AND l_shipdate < DATE '1995-02-01'" 2>&1 >/dev/null | duck_ms)
  report "scan one filtered column: $name" "$ours" "$duck"

  ours=$("$bench" scan "$file" --runs "$runs" --threads "$threads" --columns l_comment,l_shipmode \
      --filter "l_shipmode=MAIL" | ours_ms)
  duck=$("$duckdb" --threads "$threads" --time "$runs" -c "SELECT sum(strlen(l_comment)) FROM read_parquet('$file') WHERE l_shipmode = 'MAIL'" 2>&1 >/dev/null | duck_ms)
  report "scan strings, equality filter: $name" "$ours" "$duck"
done

# Writes: both engines write SF 0.1 lineitem from memory with their default codec (SNAPPY).
ours_out=$out/sb_written.parquet
duck_out=$out/duckdb_written.parquet
ours=$("$bench" write "$lineitem" "$ours_out" --runs "$runs" | ours_ms)
duck=$("$duckdb" --threads "$threads" --time "$runs" \
    -c "CREATE TABLE lineitem AS SELECT * FROM read_parquet('$lineitem')" \
    -c "COPY lineitem TO '$duck_out' (FORMAT parquet)" 2>&1 >/dev/null | duck_ms)
report "write lineitem SF 0.1 (snappy)" "$ours" "$duck"

echo
printf "%-44s %12s %12s %10s\n" "file size (bytes)" "switchboard" "duckdb" "sb/duckdb"
printf "%-44s %12s %12s %10s\n" "lineitem SF 0.1, snappy" "$(size_of "$ours_out")" "$(size_of "$duck_out")" \
  "$(ratio "$(size_of "$ours_out")" "$(size_of "$duck_out")")"
zstd_ours=$out/sb_written_zstd.parquet
zstd_duck=$out/duckdb_written_zstd.parquet
"$bench" write "$lineitem" "$zstd_ours" --runs 1 --codec zstd > /dev/null
"$duckdb" -c "COPY (SELECT * FROM read_parquet('$lineitem')) TO '$zstd_duck' (FORMAT parquet, COMPRESSION zstd)" > /dev/null
printf "%-44s %12s %12s %10s\n" "lineitem SF 0.1, zstd" "$(size_of "$zstd_ours")" "$(size_of "$zstd_duck")" \
  "$(ratio "$(size_of "$zstd_ours")" "$(size_of "$zstd_duck")")"
printf "%-44s %12s\n" "lineitem x10 (Switchboard, snappy)" "$(size_of "$big")"
