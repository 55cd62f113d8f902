#!/usr/bin/env bash
# Runs the 22 TPC-H queries over views on the shared Parquet files at one scale factor and
# compares each result with the stored answer (compare-results, TPC-H's 0.01 tolerance).
#
#   test/tpch/check_answers.sh SWITCHBOARD SF     e.g. build/switchboard 0.01
set -uo pipefail
switchboard=$1
sf=$2
shared=$(cd "$(dirname "$0")/../../../shared" && pwd)
data=$shared/testdata/tpch
compare=$shared/oracle/compare-results
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

views=""
for table in customer lineitem nation orders part partsupp region supplier; do
  views+="CREATE VIEW $table AS SELECT * FROM read_parquet('$data/sf$sf/$table.parquet');"
done

passed=0
failed=0
for query in "$data"/queries/q*.sql; do
  name=$(basename "$query" .sql)
  # q18's last column is unaliased: DuckDB names it sum(l_quantity), Trino _col5.
  options=(--abs-tol 0.01)
  [[ $name == q18 ]] && options+=(--ignore-names)
  if ! "$switchboard" --format csv -c "$views" -f "$query" >"$out/$name.csv" 2>"$out/$name.err"; then
    echo "$name: $(cat "$out/$name.err")"
    failed=$((failed + 1))
  elif ! verdict=$("$compare" "$data/answers/sf$sf/$name.csv" "$out/$name.csv" "${options[@]}"); then
    echo "$name: $(tail -1 <<<"$verdict")"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
done
echo "$passed passed, $failed failed"
((failed == 0))
