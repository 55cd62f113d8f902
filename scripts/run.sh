#!/usr/bin/env bash
# The main job: set up and build, then run the demo (examples/demo/: queries over the shared
# TPC-H sample data), or, with arguments, the switchboard command with those arguments
# (`--shell` opens the interactive shell).
#
#   scripts/run.sh                 # the demo
#   scripts/run.sh --shell         # a shell
#   scripts/run.sh -c 'SELECT 1'   # any switchboard command line
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh switchboard >&2
if [[ $# -eq 0 ]]; then
  for query in examples/demo/[0-9]*.sql; do
    echo
    sed -n '1s/^-- //p' "$query"
    build/switchboard --timer -f examples/demo/setup.sql -f "$query"
  done
  exit 0
elif [[ $1 == --shell ]]; then
  echo "Type .read examples/demo/setup.sql for the demo's tables, .help for commands." >&2
  exec build/switchboard "${@:2}"
fi
exec build/switchboard "$@"
