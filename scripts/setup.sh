#!/usr/bin/env bash
# Installs every Debian package visitd needs to build, run and test. Idempotent: skips
# what is installed; needs root (or sudo) only when something is missing.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config git
  # libraries
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libhowardhinnant-date-dev tzdata libsqlite3-dev sqlite3 libsodium-dev libssl-dev
  # PostgreSQL: the client library the store links, and the server + contrib (btree_gist) that
  # the test run starts privately (tests/postgres/with_postgres.sh); the system cluster is unused
  libpq-dev postgresql postgresql-contrib
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  # notifications: SMTP/HTTP client, iCalendar, MIME (GMime 3), Mustache, phone numbers (runtime; headers below)
  libcurl4-openssl-dev libical-dev libgmime-3.0-dev libkainjow-mustache-dev libphonenumber8 libprotobuf-dev libabsl-dev
  # fuzzers (libFuzzer) and sanitizer builds: clang 14, its runtimes, llvm-symbolizer
  clang-14 libclang-rt-14-dev llvm-14
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev python3 python3-yaml curl jq wrk linux-perf
  # the API contract: integration exchanges are validated against docs/openapi.yaml
  python3-jsonschema
  python3-aiosmtpd python3-icalendar python3-phonenumbers
  # appointment rooms: WebSocket test clients, TURN relay (run beside visitd, tested for real)
  python3-websockets coturn
  # several instances on one PostgreSQL behind a load balancer: the cluster test starts a private
  # nginx in front of two visitd processes (tests/cluster); the system nginx service is unused
  nginx-light
  # web app browser tests (playwright-core drives Debian's Chromium; no browser download)
  chromium
)

# Node.js + npm build the web app (web/). The machine's own Node (>= 20) is used when npm is
# there; otherwise Debian's packages.
if ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

# libphonenumber-dev cannot be installed next to libboost1.81-dev in Debian 12 (it pulls
# libboost-dev 1.74), so its headers are unpacked into var/deps (the runtime library
# libphonenumber8 is installed normally above); CMakeLists.txt looks there.
unpack_phonenumber_headers() {
  local dest
  dest="$(cd "$(dirname "$0")/.." && pwd)/var/deps/libphonenumber"
  [ -f "$dest/usr/include/phonenumbers/phonenumberutil.h" ] && return 0
  [ -f /usr/include/phonenumbers/phonenumberutil.h ] && return 0
  local tmp
  tmp=$(mktemp -d)
  # A fresh machine may have empty package lists: refresh once and retry.
  (cd "$tmp" && apt-get download libphonenumber-dev >/dev/null 2>&1) ||
    { ${SUDO:-} apt-get update -q >/dev/null && (cd "$tmp" && apt-get download libphonenumber-dev >/dev/null 2>&1); } ||
    { echo "setup: cannot download libphonenumber-dev" >&2; rm -rf "$tmp"; return 1; }
  mkdir -p "$dest"
  dpkg-deb -x "$tmp"/libphonenumber-dev_*.deb "$dest"
  rm -rf "$tmp"
  echo "setup: unpacked libphonenumber headers into $dest"
}


missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root to install: ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
unpack_phonenumber_headers
