#!/usr/bin/env bash
# The test command: installs what is missing, builds everything and runs every test with
# CTest. Exits non-zero when the build or any test fails.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${NOLAG_BUILD_DIR:-$top/build}

"$top/scripts/build.sh" -DNOLAG_BUILD_TESTS=ON "$@"
cd "$build_dir"
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure --timeout 600 --parallel "${NOLAG_TEST_JOBS:-$(nproc)}"
