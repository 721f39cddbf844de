#!/usr/bin/env bash
# Configures and builds NoLag Qt into ./build (or $NOLAG_BUILD_DIR) with CMake and Ninja.
# Extra arguments are passed to the CMake configure step, e.g. -DNOLAG_DEVELOPER_MODE=ON.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${NOLAG_BUILD_DIR:-$top/build}

"$top/scripts/setup-debian.sh"
cmake -S "$top" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=${NOLAG_BUILD_TYPE:-RelWithDebInfo} "$@"
cmake --build "$build_dir" --parallel "${NOLAG_JOBS:-$(nproc)}"
