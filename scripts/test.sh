#!/usr/bin/env bash
# Sets up and builds everything, then runs the whole test suite with CTest (unit and SQL tests;
# the `soak` and `fuzz` labels are left to explicit runs). Extra arguments go to ctest, e.g.
#   scripts/test.sh -L unit        scripts/test.sh -R sql.sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
# The tests read ../shared (test data and the reference engine) beside the checkout. A clone made
# elsewhere (a temporary folder) links it from beside the repository it was cloned from.
if [[ ! -e ../shared ]]; then
  origin=$(git config --get remote.origin.url || true)
  if [[ -n "$origin" && -d "$origin/../shared" ]]; then
    ln -s "$(cd "$origin/../shared" && pwd)" ../shared
    echo "Linked ../shared to $(readlink ../shared)" >&2
  fi
fi
scripts/setup.sh
jobs=${SB_JOBS:-$(nproc)}
cd build
exec ctest --output-on-failure -j "$jobs" -LE 'soak|fuzz' "$@"
