#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests (Debian packages; initdb refuses root, so it runs as postgres),
# on 127.0.0.1:${PGPORT:-55432}, trust auth on loopback only, data in a temp folder.
# Usage: source build/postgres.sh start   → exports INLAV_TEST_POSTGRES;   build/postgres.sh stop
set -euo pipefail
action=${1:-start}
PGPORT=${PGPORT:-55432}
state=/tmp/inlav-postgres-$PGPORT
if [ "$action" = "stop" ]; then
  if [ -f "$state/dir" ]; then
    PGBIN=$(cat "$state/bin"); runuser -u postgres -- "$PGBIN/pg_ctl" -D "$(cat "$state/dir")/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$(cat "$state/dir")" "$state"
  fi
  return 0 2>/dev/null || exit 0
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "setup: installing PostgreSQL (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ -f "$state/dir" ] && runuser -u postgres -- "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q; then
  echo "PostgreSQL already running on 127.0.0.1:$PGPORT"
else
  rm -rf "$state"; mkdir -p "$state"
  root=$(mktemp -d /tmp/inlav-pg-XXXXXX); chown postgres: "$root"; chmod 700 "$root"
  echo "$root" > "$state/dir"; echo "$PGBIN" > "$state/bin"
  runuser -u postgres -- "$PGBIN/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$root/data" -l "$root/log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $root -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') started on 127.0.0.1:$PGPORT"
fi
export INLAV_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
