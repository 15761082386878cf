#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a bounded time from the
# seeds in fuzz/corpus. Any crash, leak, sanitizer report or timeout fails the script, after all
# targets have run; the input that caused it is kept and the command to reproduce it printed.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s; grammar text jsonl timeml config)
# Environment:
#   RECKON_FUZZ_BUILD_DIR  build directory (default build/fuzz)
#   RECKON_FUZZ_WORK       where the grown corpora and findings go (default a new temporary
#                          directory, removed when nothing was found; never the repository's
#                          fuzz/corpus, which holds only seeds)
#   RECKON_FUZZ_JOBS       parallel compile jobs (default: all cores)
#   RECKON_FUZZ_ARGS       extra libFuzzer flags, e.g. "-runs=10000000" or "-jobs=1"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then targets=(grammar text jsonl timeml config); fi

"$root/scripts/install-deps.sh"

build_dir=${RECKON_FUZZ_BUILD_DIR:-$root/build/fuzz}
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRECKON_BUILD_FUZZ=ON -DRECKON_BUILD_TESTS=OFF >/dev/null
# Only the fuzz targets and the libraries they link: not the CLI, not the tests.
cmake --build "$build_dir" -j "${RECKON_FUZZ_JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

work=${RECKON_FUZZ_WORK:-}
keep_work=1
if [[ -z $work ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/reckon-fuzz.XXXXXX")
  keep_work=0
fi
echo "fuzz: corpora and findings in $work"

# Every target that tags text also gets the grammar's vocabulary.
dictionary_of() {
  case $1 in
    grammar) cat "$root/fuzz/dict/temporal.dict" ;;
    text | jsonl | timeml) cat "$root/fuzz/dict/temporal.dict" "$root/fuzz/dict/$1.dict" ;;
    config) cat "$root/fuzz/dict/toml.dict" ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for target in "${targets[@]}"; do
  dir=$work/$target
  mkdir -p "$dir/corpus" "$dir/findings"
  dictionary_of "$target" >"$dir/dict"
  echo "== fuzz_$target for ${seconds}s"
  # The first corpus directory receives what the run discovers; the seeds are only read.
  # shellcheck disable=SC2086 # RECKON_FUZZ_ARGS is a list of flags
  if "$build_dir/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -dict="$dir/dict" -artifact_prefix="$dir/findings/" -print_final_stats=1 ${RECKON_FUZZ_ARGS:-} \
    "$dir/corpus" "$root/fuzz/corpus/$target" >"$dir/log" 2>&1; then
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec)|^Done ' "$dir/log" || true
  else
    tail -n 60 "$dir/log"
    echo "fuzz_$target: FINDING (full log: $dir/log)"
    for finding in "$dir"/findings/*; do
      [[ -e $finding ]] && echo "  reproduce: $build_dir/fuzz/fuzz_$target $finding"
    done
    failed+=("$target")
  fi
done

if ((${#failed[@]} > 0)); then
  echo "fuzz: findings in ${failed[*]} (see fuzz/README.md to minimise and add a regression test)"
  exit 1
fi
echo "fuzz: no findings in ${targets[*]}"
if ((keep_work == 0)); then rm -rf "$work"; fi
