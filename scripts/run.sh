#!/usr/bin/env bash
# The main job: installs what is missing, builds, and starts nolag-local with the demo
# project on 127.0.0.1. Stop it with Ctrl+C.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${NOLAG_BUILD_DIR:-$top/build}

"$top/scripts/build.sh"
data_dir=${NOLAG_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/nolag-local/demo}
mkdir -p "$data_dir"
exec "$build_dir/server/nolag-local" --demo --data "$data_dir" --listen 127.0.0.1:8080 "$@"
