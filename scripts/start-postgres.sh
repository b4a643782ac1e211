#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the ministry registry tests and prints its SQLAlchemy URL.
#
#   URL=$(bash scripts/start-postgres.sh)        # start (installs Debian's postgresql if missing, as root)
#   bash scripts/start-postgres.sh stop          # stop it and remove its data folder
#
# The cluster lives in a data folder under /tmp owned by the postgres user, listens on loopback only
# (port $REVIEWER_PG_PORT, default 55432) with trust authentication for local connections, and is
# stopped by `stop` (.ci/run calls it from an EXIT trap). Progress goes to stderr; stdout is the URL.
set -euo pipefail
PORT="${REVIEWER_PG_PORT:-55432}"
DATA="${REVIEWER_PG_DATA:-/tmp/reviewer-pg-$PORT}"
DB="${REVIEWER_PG_DB:-reviewer_test}"
RUN_AS=()
log() { echo "start-postgres: $*" >&2; }

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/pg_ctl" ] && { echo "$found"; return; }
  command -v pg_ctl >/dev/null 2>&1 && dirname "$(command -v pg_ctl)"
}

if [ "$(id -u)" -eq 0 ]; then
  RUN_AS=(runuser -u postgres --)
fi

BIN=$(pg_bin || true)
if [ "${1:-start}" = "stop" ]; then
  if [ -n "$BIN" ] && [ -f "$DATA/postmaster.pid" ]; then
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    log "stopped the server on port $PORT"
  fi
  rm -rf "$DATA"
  exit 0
fi

if [ -z "$BIN" ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL is not installed; run: sudo apt-get install postgresql"
    exit 1
  fi
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  BIN=$(pg_bin)
fi
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

if [ -f "$DATA/postmaster.pid" ] && "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "a server is already running on port $PORT"
else
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$DATA"
  chmod 700 "$DATA"
  "${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  log "started PostgreSQL ($("$BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$PORT, data in $DATA"
fi
if ! "${RUN_AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  "${RUN_AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
