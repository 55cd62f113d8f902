#!/usr/bin/env bash
# Installs the Debian packages Switchboard needs that are missing (apt-get; sudo when not root)
# and builds build/switchboard plus the tests with CMake, Ninja and ccache.
#
#   scripts/setup.sh [extra ninja targets...]
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
while read -r package command; do
  [[ -z "$package" ]] && continue
  command=${command#[}
  command=${command%]}
  [[ -n "$command" ]] && command -v "$command" >/dev/null && continue
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' scripts/debian-packages.txt)

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}" >&2
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=${SB_JOBS:-$(nproc)}
if [[ ! -f build/build.ninja ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
ninja -C build -j "$jobs" "$@"
