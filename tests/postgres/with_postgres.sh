#!/usr/bin/env bash
# Runs a command beside a private, throwaway PostgreSQL 15: initdb into a temporary directory,
# pg_ctl on a free 127.0.0.1 port, and VISITD_TEST_POSTGRES_URL pointing at its `postgres`
# database for the command (tests create their own databases there). The server is stopped
# and the directory removed afterwards, whatever the command's outcome; its exit code is
# the command's. As root, the server runs as the `postgres` user (initdb refuses root).
#   tests/postgres/with_postgres.sh build/tests/store_tests --gtest_filter='*Postgres*'
set -euo pipefail

PG_BIN=${VISITD_PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "with_postgres: $PG_BIN/initdb not found (Debian: apt-get install postgresql)" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/visitd-pg-XXXXXX)
as_owner=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a throwaway server; max_connections covers pools of several stores per test.
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null || { cat "$dir/log" >&2; exit 1; }

export VISITD_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
export VISITD_PG_BIN="$PG_BIN"  # tests run this server's psql directly
set +e
"$@"
rc=$?
set -e
exit $rc
