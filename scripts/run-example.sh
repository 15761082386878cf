#!/usr/bin/env bash
# Installs what reckon needs, builds it, and runs the whole pipeline on the bundled example:
# three short articles about one (fictional) story, one of which puts a phone call on the wrong
# day. Writes examples/timeline.json and examples/timeline.md and prints the Markdown.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build/release" -DRECKON_BUILD_TESTS=OFF
reckon="$root/build/release/cli/reckon"
cd "$root/examples"
"$reckon" timeline --config reckon.toml articles -o timeline.json
"$reckon" timeline --config reckon.toml --format md articles -o timeline.md
cat timeline.md
