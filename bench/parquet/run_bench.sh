#!/usr/bin/env bash
# Parquet benchmark: Switchboard's reader and writer next to DuckDB on the same TPC-H lineitem
# file (`switchboard datagen tpch --sf $SF`, SF 1 by default), same thread count, medians of
# several runs measured in the same invocation; prints ratios and both writers' file sizes.
#
#   bench/parquet/run_bench.sh [BUILD_DIR]
#   environment: SF=1 THREADS=1 RUNS=5 OUT=/tmp/sb_parquet_bench SWITCHBOARD=<binary>
#
# BUILD_DIR holds parquet_bench (ninja -C BUILD_DIR parquet_bench); SWITCHBOARD is the binary
# that generates the data (default BUILD_DIR/switchboard, else build/switchboard).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-parquet}
shared=${SB_SHARED_DIR:-$root/../shared}
sf=${SF:-1}
threads=${THREADS:-1}
runs=${RUNS:-5}
out=${OUT:-/tmp/sb_parquet_bench}
bench=$build/bench/parquet/parquet_bench
duckdb=$shared/oracle/duckdb-sql
switchboard=${SWITCHBOARD:-$build/switchboard}
[ -x "$switchboard" ] || switchboard=$root/build/switchboard
mkdir -p "$out"

[ -x "$bench" ] || { echo "build parquet_bench first: ninja -C $build parquet_bench" >&2; exit 1; }

data=$out/tpch-sf$sf
lineitem=$data/lineitem.parquet
if [ ! -f "$data/.complete" ]; then
  [ -x "$switchboard" ] || { echo "no switchboard binary to generate the data ($switchboard)" >&2; exit 1; }
  "$switchboard" datagen tpch --sf "$sf" --out "$data" > /dev/null
  touch "$data/.complete"
fi

# median_ms of parquet_bench's stdout / of duckdb-sql --time's stderr.
median_ms() { sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p' | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
size_of() { stat -c %s "$1"; }
rows=$("$duckdb" -c "SELECT count(*) FROM read_parquet('$lineitem')" | tail -1)
rate() { awk -v r="$rows" -v ms="$1" 'BEGIN { printf "%.1f", r / ms / 1000 }'; }  # Mrows/s

echo "lineitem SF $sf: $rows rows, $(size_of "$lineitem") bytes ($lineitem)"
printf "%-40s %14s %14s %10s %16s\n" "benchmark ($threads thread(s), median of $runs)" \
  "switchboard" "duckdb" "sb/duckdb" "sb Mrows/s"
report() {
  printf "%-40s %11s ms %11s ms %10s %16s\n" "$1" "$2" "$3" "$(ratio "$2" "$3")" "$(rate "$2")"
}

# Aggregates that need every value decoded (min/max could come from statistics).
epoch="DATE '1970-01-01'"
all_columns="sum(l_orderkey), sum(l_partkey), sum(l_suppkey), sum(l_linenumber), sum(l_quantity),
  sum(l_extendedprice), sum(l_discount), sum(l_tax), sum(strlen(l_returnflag)),
  sum(strlen(l_linestatus)), sum(l_shipdate - $epoch), sum(l_commitdate - $epoch),
  sum(l_receiptdate - $epoch), sum(strlen(l_shipinstruct)), sum(strlen(l_shipmode)),
  sum(strlen(l_comment))"

ours=$("$bench" scan "$lineitem" --runs "$runs" --threads "$threads" | median_ms)
duck=$("$duckdb" --threads "$threads" --time "$runs" \
    -c "SELECT $all_columns FROM read_parquet('$lineitem')" 2>&1 >/dev/null | median_ms)
report "scan all 16 columns" "$ours" "$duck"

ours=$("$bench" scan "$lineitem" --runs "$runs" --threads "$threads" --columns l_extendedprice \
    --filter "l_shipdate>=1995-01-01" --filter "l_shipdate<1995-02-01" | median_ms)
duck=$("$duckdb" --threads "$threads" --time "$runs" -c "SELECT sum(l_extendedprice) FROM \
    read_parquet('$lineitem') WHERE l_shipdate >= DATE '1995-01-01' AND l_shipdate < DATE '1995-02-01'" \
    2>&1 >/dev/null | median_ms)
report "scan one column, filtered (1 month)" "$ours" "$duck"

ours=$("$bench" scan "$lineitem" --runs "$runs" --threads "$threads" --columns l_comment,l_shipmode \
    --filter "l_shipmode=MAIL" | median_ms)
duck=$("$duckdb" --threads "$threads" --time "$runs" -c "SELECT sum(strlen(l_comment)) FROM \
    read_parquet('$lineitem') WHERE l_shipmode = 'MAIL'" 2>&1 >/dev/null | median_ms)
report "scan strings, equality filter" "$ours" "$duck"

# Writes: both engines write lineitem from memory (Switchboard single-threaded).
for codec in snappy zstd; do
  ours_out=$out/sb_written_$codec.parquet
  duck_out=$out/duckdb_written_$codec.parquet
  ours=$("$bench" write "$lineitem" "$ours_out" --runs "$runs" --codec "$codec" | median_ms)
  duck=$("$duckdb" --threads "$threads" --time "$runs" \
      -c "CREATE TABLE lineitem AS SELECT * FROM read_parquet('$lineitem')" \
      -c "COPY lineitem TO '$duck_out' (FORMAT parquet, COMPRESSION $codec)" 2>&1 >/dev/null | median_ms)
  report "write lineitem ($codec)" "$ours" "$duck"
done

echo
printf "%-40s %14s %14s %10s\n" "file size (bytes)" "switchboard" "duckdb" "sb/duckdb"
for codec in snappy zstd; do
  ours_size=$(size_of "$out/sb_written_$codec.parquet")
  duck_size=$(size_of "$out/duckdb_written_$codec.parquet")
  printf "%-40s %14s %14s %10s\n" "lineitem SF $sf, $codec" "$ours_size" "$duck_size" \
    "$(ratio "$ours_size" "$duck_size")"
done
