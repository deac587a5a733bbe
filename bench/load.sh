#!/usr/bin/env bash
# The HTTP load test of issue 9 (see docs/performance.md, "Issue 9: load and the door").
#
# Builds Release, starts the dashboard on a fresh embedded DuckDB file in a temp folder with the real data (INLAV_DATA_DIR,
# default ../shared/data beside the repository, as ./run does), waits until /api/v1/status answers 200 (start-up import
# done) and the server's warm-up has logged every level of "Indicators" and "Geometry", runs the bench's load client
# (bench/InLav.Bench, command `load`) on loopback, stops the server, and prints the client's Markdown table with the
# machine's nproc and `uptime` load averages before and after. Exits with the client's code (1 when a request failed).
#
# With LOAD_EACH_SECONDS=N, each endpoint is then also loaded alone for N seconds (after 5 s of warm-up), same clients.
#
# Usage: bench/load.sh [load client options: --clients 32 --seconds 60 --warmup 10 --mix explorer=2,profile=2,... --only ENDPOINT]
# Environment: LOAD_PORT (default 5077), INLAV_DATA_DIR, LOAD_READY_TIMEOUT seconds (default 900), LOAD_SERVER_LOG (keep
# the server log there), LOAD_EACH_SECONDS (default 0: the mixed run only).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${LOAD_PORT:-5077}"
url="http://127.0.0.1:$port"
export INLAV_DATA_DIR="${INLAV_DATA_DIR:-$(cd .. && pwd)/shared/data}"
if [ ! -f "$INLAV_DATA_DIR/MANIFEST.md" ]; then
  echo "load.sh: no data directory at $INLAV_DATA_DIR (set INLAV_DATA_DIR)" >&2
  exit 2
fi
if curl -s -o /dev/null "$url/api/v1/status"; then
  echo "load.sh: something already answers on $url; choose another LOAD_PORT" >&2
  exit 2
fi

work="$(mktemp -d -t inlav-load.XXXXXX)"
export INLAV_DB="$work/load.duckdb"
log="$work/server.log"

echo "== build (Release)"
dotnet build src/InLav.Web -c Release -v quiet -nologo
dotnet build bench/InLav.Bench -c Release -v quiet -nologo

echo "== start the server on $url (store $INLAV_DB, data $INLAV_DATA_DIR)"
# Its own session, so that stopping it stops dotnet run and the server it started, and nothing else.
setsid dotnet run --project src/InLav.Web -c Release --no-build --urls "$url" >"$log" 2>&1 &
server=$!
stop() {
  if kill -0 "$server" 2>/dev/null; then
    kill -TERM -- "-$server" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$server" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$server" 2>/dev/null || true
  fi
  wait "$server" 2>/dev/null || true
  if [ -n "${LOAD_SERVER_LOG:-}" ]; then cp "$log" "$LOAD_SERVER_LOG"; fi
  rm -rf "$work"
}
trap stop EXIT

started=$SECONDS
deadline=$((SECONDS + ${LOAD_READY_TIMEOUT:-900}))
wait_for() { # description, test command...
  local what="$1"; shift
  until "$@"; do
    if ! kill -0 "$server" 2>/dev/null; then echo "load.sh: the server stopped while waiting for $what" >&2; tail -40 "$log" >&2; exit 1; fi
    if [ "$SECONDS" -ge "$deadline" ]; then echo "load.sh: timed out waiting for $what" >&2; tail -40 "$log" >&2; exit 1; fi
    sleep 2
  done
  echo "   $what after $((SECONDS - started)) s"
}
status_ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/status")" = 200 ]; }
warmed() { grep -Eq 'Indicators: ([0-9]+)/\1 levels' "$log" && grep -Eq 'Geometry: ([0-9]+)/\1 levels' "$log"; }
wait_for "status ready (start-up import done)" status_ready
wait_for "warm-up done (every level of Indicators and Geometry)" warmed

echo "== machine: nproc $(nproc); before: $(uptime)"
set +e
dotnet run -c Release --no-build --project bench/InLav.Bench -- load --url "$url" "$@"
rc=$?
if [ "${LOAD_EACH_SECONDS:-0}" -gt 0 ]; then
  for endpoint in explorer profile indicator-comune indicator-province geo query-province; do
    echo "== $endpoint alone, ${LOAD_EACH_SECONDS} s; load: $(uptime | sed 's/.*load average/load average/')"
    dotnet run -c Release --no-build --project bench/InLav.Bench -- load --url "$url" "$@" --only "$endpoint" --seconds "$LOAD_EACH_SECONDS" --warmup 5 \
      | grep -E '^\| (endpoint|---|'"$endpoint"' )|^errors|^load:'
    each=${PIPESTATUS[0]}
    [ "$each" -eq 0 ] || rc=$each
  done
fi
set -e
echo "== machine: nproc $(nproc); after: $(uptime)"
exit "$rc"
