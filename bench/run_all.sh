#!/usr/bin/env bash
# The benchmark suite's one entry command (docs/PERFORMANCE.md): builds visitd and the slot
# engine benchmark in Release (BUILD_DIR, default build-bench; -j JOBS, default 1 on this
# shared machine), then runs bench/run_all.py, which seeds its own data, starts and stops its
# own servers on loopback, and prints Markdown plus the path of a JSON copy.
#   bench/run_all.sh            a full run (about 15 minutes on 2 cores)
#   bench/run_all.sh --tiny     each part once at a tiny size (what ctest bench_suite_smoke runs)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build-bench}"
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD_DIR" --target visitd visitd_bench -j "${JOBS:-1}" >/dev/null
exec /usr/bin/python3 bench/run_all.py --build "$BUILD_DIR" "$@"
