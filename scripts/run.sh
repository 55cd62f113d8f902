#!/usr/bin/env bash
# The main job: set up and build, then run the demo: a generated contact-center world
# (`switchboard datagen contact-center` into build/demo/data) ingested into an Iceberg warehouse
# (build/demo/warehouse, made afresh) and queried together with the raw exports
# (examples/demo/). With arguments, runs the switchboard command with them instead
# (`--shell` opens the interactive shell on the demo's warehouse).
#
#   scripts/run.sh                 # the demo
#   scripts/run.sh --shell         # a shell
#   scripts/run.sh -c "SELECT 1"   # any switchboard arguments
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh switchboard >&2
demo=build/demo
if [[ $# -eq 0 ]]; then
  if [[ ! -f $demo/data/manifest.json ]]; then
    build/switchboard datagen contact-center --days 7 --agents 25 --customers 1000 --out $demo/data >&2
  fi
  rm -rf $demo/warehouse
  for query in examples/demo/[0-9]*.sql; do
    echo
    sed -n '1s/^-- //p' "$query"
    build/switchboard --warehouse $demo/warehouse -f examples/demo/setup.sql -f "$query"
  done
  exit 0
elif [[ $1 == --shell ]]; then
  echo "Type .read examples/demo/setup.sql for the demo's views, .tables to list tables, .help for commands." >&2
  exec build/switchboard --warehouse $demo/warehouse "${@:2}"
fi
exec build/switchboard "$@"
