#!/usr/bin/env bash
# Times two reckon builds on one corpus, alternating runs so that the shared machine's changes of
# speed fall on both alike, and checks that they write the same timeline.
#
#   scripts/compare-timeline-speed.sh BEFORE AFTER RUNS FILE [reckon timeline options...]
#
# Each run is single-core (`taskset -c 0`, `--threads 1`). Per build it prints the median CPU time
# (`perf stat -e task-clock`) and the median wall time of a second, separately timed run, and MB/s
# as file bytes over that wall time. Needs `perf` (Debian: linux-perf), a tool for measuring that
# the project itself does not install.
set -euo pipefail
if [[ $# -lt 4 ]]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
before=$1 after=$2 runs=$3 file=$4
shift 4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for round in $(seq "$runs"); do
  for side in before after; do
    binary=${!side}
    perf stat -x, -e task-clock -o "$work/stat" taskset -c 0 "$binary" timeline --threads 1 "$@" \
      -o "$work/$side.json" "$file" 2>/dev/null
    awk -F, '/task-clock/ {print $1}' "$work/stat" >>"$work/$side.cpu"
    start=$(date +%s%N)
    taskset -c 0 "$binary" timeline --threads 1 "$@" -o "$work/$side.json" "$file" 2>/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000)) >>"$work/$side.wall"
  done
  echo "round $round of $runs" >&2
done
bytes=$(stat -c %s "$file")
median() { sort -n "$1" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for side in before after; do
  cpu=$(median "$work/$side.cpu")
  wall=$(median "$work/$side.wall")
  awk -v side="$side" -v cpu="$cpu" -v wall="$wall" -v bytes="$bytes" 'BEGIN {
    printf "%-6s CPU %.1f ms, wall %.1f ms, %.1f MB/s\n", side, cpu, wall / 1000, bytes / 1e6 / (wall / 1e6) }'
done
if cmp -s "$work/before.json" "$work/after.json"; then echo "timelines identical"; else echo "timelines DIFFER"; exit 1; fi
