#!/usr/bin/env bash
# Installs what reckon needs, builds it, and runs it on the bundled example corpus.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build/release" -DRECKON_BUILD_TESTS=OFF
cd "$root/examples"
"$root/build/release/cli/reckon" tag --config reckon.toml --format text articles
