#!/usr/bin/env bash
# Installs what reckon needs, then builds and runs every test twice: once with warnings as errors,
# once under AddressSanitizer and UndefinedBehaviorSanitizer; then runs each fuzz target briefly.
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

# Every libFuzzer target (clang, ASan + UBSan) for 30 s from the seeds in fuzz/corpus; any crash,
# leak or sanitizer report fails the run (fuzz/README.md says how to reproduce it).
echo "== fuzz"
"$root/scripts/fuzz.sh" 30
