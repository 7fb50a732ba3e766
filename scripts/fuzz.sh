#!/usr/bin/env bash
# Runs the libFuzzer targets (fuzz/*.cpp, built by `cmake --preset asan` into build-asan/).
#   scripts/fuzz.sh smoke [SECONDS]          each target SECONDS (default 3) from its seed corpus
#   scripts/fuzz.sh long SECONDS [NAME...]   each (or the named) target SECONDS, keeping what it
#                                            finds in var/fuzz/<name>/ (not committed)
# New inputs never go into the committed corpus (fuzz/corpus/<name>/); a crash leaves its input
# as var/fuzz/crash-* and fails the run. VISITD_FUZZ_BUILD names another build directory.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-smoke}"
seconds="${2:-3}"
shift $(( $# > 2 ? 2 : $# ))
build="${VISITD_FUZZ_BUILD:-build-asan}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi
mkdir -p var/fuzz
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
status=0
for t in "${targets[@]}"; do
  bin="$build/fuzz/fuzz_$t"
  if [ ! -x "$bin" ]; then
    echo "fuzz: $bin is missing: cmake --preset asan && cmake --build $build --target fuzzers" >&2
    exit 1
  fi
  if [ "$mode" = long ]; then
    out="var/fuzz/$t"
    mkdir -p "$out"
  else
    out=$(mktemp -d)
  fi
  echo "fuzz: $t for ${seconds}s"
  if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=4096 -print_final_stats=1 \
      -artifact_prefix="var/fuzz/crash-$t-" "$out" "fuzz/corpus/$t" 2>"var/fuzz/$t.log"; then
    echo "fuzz: $t FAILED (input saved as var/fuzz/crash-$t-*)" >&2
    tail -40 "var/fuzz/$t.log" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|^#[0-9]+.*DONE" "var/fuzz/$t.log" | sed "s/^/fuzz: $t /" || true
  [ "$mode" = long ] || rm -rf "$out"
done
exit $status
