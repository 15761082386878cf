#!/usr/bin/env bash
# Installs every Debian package reckon needs to build, test and benchmark.
# Idempotent: packages already present are left alone, and apt-get update runs only when
# something is missing. Needs root (or sudo) on Debian 12.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-dev                # Spirit X3 (header-only)
  libhowardhinnant-date-dev   # date, iso_week, tz (reads the OS tzdata)
  tzdata
  libtomlplusplus-dev         # TOML config
  catch2                      # unit tests (v2.13)
  nlohmann-json3-dev          # JSON Lines input, timeline JSON read-back
  libcli11-dev                # command-line parsing with per-subcommand --help
  libmimalloc-dev             # the allocator of reckon and the benchmarks (2 MiB pages)
  libbenchmark-dev            # bench/
  clang libclang-rt-14-dev    # libFuzzer targets and sanitizer runtimes
  python3                     # end-to-end test driver helpers
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
