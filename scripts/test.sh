#!/usr/bin/env bash
# Installs what reckon needs, then builds and runs every test twice: once with warnings as errors,
# once under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"

run_suite() {
  local name=$1
  shift
  echo "== $name build"
  "$root/scripts/build.sh" "$root/build/$name" -DRECKON_WERROR=ON "$@"
  echo "== $name tests"
  (cd "$root/build/$name" && ctest --output-on-failure -j "$(nproc)")
}

run_suite ci
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite sanitize -DRECKON_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
