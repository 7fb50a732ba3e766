#!/usr/bin/env bash
# Configures and builds visitd (Ninja, ccache when present) into build/, then the web app.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$BUILD_DIR" -j "${JOBS:-$(nproc)}"

# The fuzzers (fuzz/, libFuzzer) need clang: they build in the asan build directory, whose
# instrumented libraries the sanitizer run (scripts/sanitize.sh asan) reuses. Opt in with FUZZ=1.
if [ "${FUZZ:-0}" != 0 ] && command -v clang++-14 >/dev/null; then
  [ -f build-asan/build.ninja ] || cmake --preset asan >/dev/null
  cmake --build build-asan --target fuzzers -j "${JOBS:-$(nproc)}"
fi

# The web app: web/ -> web/dist (served by visitd). `npm ci` only when node_modules is
# missing or package-lock.json changed since the last install.
command -v npm >/dev/null || { echo "build: npm is missing; run scripts/setup.sh" >&2; exit 1; }
(
  cd web
  lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
  stamp=node_modules/.visitd-lock-sha256
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
    npm ci --no-audit --no-fund
    echo "$lock_sum" > "$stamp"
  fi
  npm run build
)
