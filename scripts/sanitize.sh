#!/usr/bin/env bash
# Sanitizer runs (CMakePresets.json), each in its own build directory, ccache shared:
#   scripts/sanitize.sh asan   AddressSanitizer + UndefinedBehaviorSanitizer (clang 14): unit
#                              tests, the SQLite integration suite and the fuzzers' smoke run
#                              (build-asan/)
#   scripts/sanitize.sh tsan   ThreadSanitizer: the room hub, worker pool, timer, outbox-claim and
#                              booking-race tests
#                              (build-tsan/)
# Any finding aborts the process under test, so the run fails. Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-asan}"
shift || true
jobs="${JOBS:-$(nproc)}"
started=$(date +%s)
case "$kind" in
  asan)
    [ -f build-asan/build.ninja ] || cmake --preset asan
    cmake --build build-asan -j "$jobs"
    # Unit tests, the SQLite integration suite and the fuzzers' smoke run. The browser tests
    # stay with the main build; PostgreSQL's suites and the cluster run instrumented only when
    # asked: ASAN_EXCLUDE='^web_' scripts/sanitize.sh asan.
    ctest --test-dir build-asan --output-on-failure -j "$jobs" -E "${ASAN_EXCLUDE:-^web_|_postgres\$|^cluster\$}" "$@"
    ;;
  tsan)
    [ -f build-tsan/build.ninja ] || cmake --preset tsan
    # Two binaries of only the concurrent tests (tests/CMakeLists.txt). tsan_primitives:
    # WorkerPool, SerialQueues, ThreadTimers (a few files: built first). tsan_tests: Hub: the
    # room hub; Outbox: claims by concurrent workers; Race: simultaneous bookings on the
    # store's connection pool and over two stores.
    cmake --build build-tsan -j "$jobs" --target tsan_primitives
    cmake --build build-tsan -j "$jobs" --target tsan_tests
    ctest --test-dir build-tsan --output-on-failure -j "$jobs" -R '^tsan:' "$@"
    ;;
  *)
    echo "usage: scripts/sanitize.sh asan|tsan [ctest arguments]" >&2
    exit 2
    ;;
esac
echo "sanitize: $kind took $(( $(date +%s) - started )) s"
