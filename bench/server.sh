# Sourced by the bench scripts (load.sh, mcp.sh): builds Release, starts the dashboard on a fresh embedded DuckDB file in
# a temp folder with the real data (INLAV_DATA_DIR, default ../shared/data beside the repository, as ./run does), stops it
# (and only it) on exit, and waits until /api/v1/status answers 200 (start-up import done) and the warm-up has logged every
# level of "Indicators" and "Geometry".
#
# Usage: bench_server NAME PORT  — sets $url; environment: INLAV_DATA_DIR, BENCH_READY_TIMEOUT seconds (default 900),
# BENCH_SERVER_LOG (keep the server log there).
bench_server() {
  local name="$1"
  url="http://127.0.0.1:$2"
  export INLAV_DATA_DIR="${INLAV_DATA_DIR:-$(cd .. && pwd)/shared/data}"
  if [ ! -f "$INLAV_DATA_DIR/MANIFEST.md" ]; then
    echo "$name: no data directory at $INLAV_DATA_DIR (set INLAV_DATA_DIR)" >&2
    exit 2
  fi
  if curl -s -o /dev/null "$url/api/v1/status"; then
    echo "$name: something already answers on $url; choose another port" >&2
    exit 2
  fi

  bench_work="$(mktemp -d -t "inlav-$name.XXXXXX")"
  export INLAV_DB="$bench_work/$name.duckdb"
  bench_log="$bench_work/server.log"

  echo "== build (Release)"
  dotnet build src/InLav.Web -c Release -v quiet -nologo
  dotnet build bench/InLav.Bench -c Release -v quiet -nologo

  echo "== start the server on $url (store $INLAV_DB, data $INLAV_DATA_DIR)"
  # Its own session, so that stopping it stops dotnet run and the server it started, and nothing else.
  setsid dotnet run --project src/InLav.Web -c Release --no-build --urls "$url" >"$bench_log" 2>&1 &
  bench_pid=$!
  trap bench_stop EXIT

  bench_started=$SECONDS
  bench_deadline=$((SECONDS + ${BENCH_READY_TIMEOUT:-900}))
  bench_wait_for "status ready (start-up import done)" bench_status_ready
  bench_wait_for "warm-up done (every level of Indicators and Geometry)" bench_warmed
}

bench_stop() {
  if kill -0 "$bench_pid" 2>/dev/null; then
    kill -TERM -- "-$bench_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$bench_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$bench_pid" 2>/dev/null || true
  fi
  wait "$bench_pid" 2>/dev/null || true
  if [ -n "${BENCH_SERVER_LOG:-}" ]; then cp "$bench_log" "$BENCH_SERVER_LOG"; fi
  rm -rf "$bench_work"
}

bench_wait_for() { # description, test command...
  local what="$1"; shift
  until "$@"; do
    if ! kill -0 "$bench_pid" 2>/dev/null; then echo "the server stopped while waiting for $what" >&2; tail -40 "$bench_log" >&2; exit 1; fi
    if [ "$SECONDS" -ge "$bench_deadline" ]; then echo "timed out waiting for $what" >&2; tail -40 "$bench_log" >&2; exit 1; fi
    sleep 2
  done
  echo "   $what after $((SECONDS - bench_started)) s"
}
bench_status_ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/status")" = 200 ]; }
bench_warmed() { grep -Eq 'Indicators: ([0-9]+)/\1 levels' "$bench_log" && grep -Eq 'Geometry: ([0-9]+)/\1 levels' "$bench_log"; }
