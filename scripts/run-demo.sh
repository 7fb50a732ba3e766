#!/usr/bin/env bash
# Sets up, builds and runs visitd on SQLite with the Northwind demo business.
# Open the printed address; logins are printed the first time the demo is created.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export VISITD_DATABASE="${VISITD_DATABASE:-$PWD/var/visitd-demo.db}"
export VISITD_LISTEN="${VISITD_LISTEN:-127.0.0.1:8080}"
# Demo mode: mails and SMS are captured at http://127.0.0.1:8080/dev/outbox, never sent.
export VISITD_DEMO_OUTBOX="${VISITD_DEMO_OUTBOX:-true}"
mkdir -p "$(dirname "$VISITD_DATABASE")"
# Appointment rooms: a TURN relay beside visitd when coturn is installed, sharing a secret kept
# in var/ (browsers on networks that block peer-to-peer media relay through it).
if command -v turnserver >/dev/null && [ -z "${VISITD_NO_TURN:-}" ]; then
  mkdir -p var
  [ -s var/turn-secret ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > var/turn-secret
  export VISITD_TURN_SECRET="${VISITD_TURN_SECRET:-$(cat var/turn-secret)}"
  TURN_PORT="${TURN_PORT:-3478}"
  export VISITD_TURN_URLS="${VISITD_TURN_URLS:-turn:127.0.0.1:$TURN_PORT?transport=udp}"
  build/visitd turn-config --port "$TURN_PORT" > var/turnserver.conf
  turnserver -c var/turnserver.conf --pidfile="$PWD/var/turnserver.pid" --userdb="$PWD/var/turndb" >var/turnserver.log 2>&1 &
  TURN_PID=$!
  trap 'kill $TURN_PID 2>/dev/null || true' EXIT
  echo "coturn on 127.0.0.1:$TURN_PORT (log var/turnserver.log)"
  build/visitd serve --demo
else
  echo "coturn not installed: rooms work peer to peer only (apt-get install coturn for a TURN relay)"
  exec build/visitd serve --demo
fi
