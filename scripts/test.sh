#!/usr/bin/env bash
# Sets up and builds everything, then runs the whole test suite with CTest (unit and SQL tests;
# the `soak` and `fuzz` labels are left to explicit runs). Extra arguments go to ctest, e.g.
#   scripts/test.sh -L unit        scripts/test.sh -R sql.sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=${SB_JOBS:-$(nproc)}
cd build
exec ctest --output-on-failure -j "$jobs" -LE 'soak|fuzz' "$@"
