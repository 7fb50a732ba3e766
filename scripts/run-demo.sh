#!/usr/bin/env bash
# Sets up, builds and runs visitd on SQLite with the Northwind demo business.
# Open the printed address; logins are printed the first time the demo is created.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export VISITD_DATABASE="${VISITD_DATABASE:-$PWD/var/visitd-demo.db}"
export VISITD_LISTEN="${VISITD_LISTEN:-127.0.0.1:8080}"
mkdir -p "$(dirname "$VISITD_DATABASE")"
exec build/visitd serve --demo
