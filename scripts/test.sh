#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: unit tests (core, store, http) and
# integration tests against a real `visitd serve` on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j "${JOBS:-$(nproc)}" "$@"
