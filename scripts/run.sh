#!/usr/bin/env bash
# The main job: set up and build, then run the demo (queries over the shared sample data), or,
# with arguments, the switchboard command with those arguments (no arguments after `--shell`
# opens the interactive shell).
#
#   scripts/run.sh                 # the demo
#   scripts/run.sh --shell         # a shell
#   scripts/run.sh -c 'SELECT 1'   # any switchboard command line
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh switchboard >&2
if [[ $# -eq 0 ]]; then
  exec build/switchboard --timer -f examples/demo.sql
elif [[ $1 == --shell ]]; then
  exec build/switchboard "${@:2}"
fi
exec build/switchboard "$@"
