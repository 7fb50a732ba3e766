#!/usr/bin/env bash
# Load driver: wrk against a real `visitd serve` (demo data, temporary database, loopback,
# bounded to DURATION seconds per endpoint). Usage: bench/http_load.sh [build-dir]
# Prints wrk's summary for the public business page, a 7-day slots query ("any provider")
# and /healthz.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
DIR=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
export VISITD_DATABASE="$DIR/bench.db" VISITD_LISTEN=127.0.0.1:0 VISITD_LOG_LEVEL=warn
"$BUILD/visitd" demo >/dev/null
"$BUILD/visitd" serve >"$DIR/out" 2>"$DIR/err" &
PID=$!
for _ in $(seq 1 100); do grep -q listening "$DIR/out" 2>/dev/null && break; sleep 0.1; done
BASE=$(sed -n 's/^visitd listening on //p' "$DIR/out" | head -1)
SVC=$(curl -s "$BASE/api/v1/public/businesses/northwind" | sed -n 's/.*"services":\[{"id":"\([^"]*\)".*/\1/p')
FROM=$(date -u +%F); TO=$(date -u -d '+6 days' +%F)
echo "machine: $(lscpu | sed -n 's/Model name: *//p'), $(nproc) cores; wrk -t2 -c$CONNECTIONS -d${DURATION}s"
for path in "/healthz" "/api/v1/public/businesses/northwind" \
            "/api/v1/public/businesses/northwind/slots?serviceId=$SVC&from=$FROM&to=$TO&timeZone=America/New_York"; do
  echo "== GET $path"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE$path" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
done
