#!/usr/bin/env bash
# The MCP benchmark of issue 11 (docs/performance.md, "Issue 11: MCP tool calls").
#
# Builds Release, starts the dashboard on a fresh DuckDB file in a temp folder with the real data (INLAV_DATA_DIR,
# default ../shared/data beside the repository), waits for the start-up import and the warm-up, runs the bench's MCP
# client (bench/InLav.Bench, command `mcp`: 5 warm-up and 100 measured calls of each tool, one after another) and stops
# the server. Prints the Markdown table with nproc and `uptime` before and after.
# Environment: MCP_PORT (default 5078), INLAV_DATA_DIR, MCP_READY_TIMEOUT seconds (default 900).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${MCP_PORT:-5078}"
url="http://127.0.0.1:$port"
export INLAV_DATA_DIR="${INLAV_DATA_DIR:-$(cd .. && pwd)/shared/data}"
if curl -s -o /dev/null "$url/api/v1/status"; then
  echo "mcp.sh: something already answers on $url; choose another MCP_PORT" >&2
  exit 2
fi

work="$(mktemp -d -t inlav-mcp.XXXXXX)"
export INLAV_DB="$work/mcp.duckdb"
log="$work/server.log"
dotnet build src/InLav.Web -c Release -v quiet -nologo
dotnet build bench/InLav.Bench -c Release -v quiet -nologo
setsid dotnet run --project src/InLav.Web -c Release --no-build --urls "$url" >"$log" 2>&1 &
server=$!
stop() {
  if kill -0 "$server" 2>/dev/null; then
    kill -TERM -- "-$server" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$server" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$server" 2>/dev/null || true
  fi
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT

deadline=$((SECONDS + ${MCP_READY_TIMEOUT:-900}))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/status")" = 200 ] \
    && grep -Eq 'Indicators: ([0-9]+)/\1 levels' "$log" && grep -Eq 'Geometry: ([0-9]+)/\1 levels' "$log"; do
  if ! kill -0 "$server" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then echo "mcp.sh: the server did not get ready" >&2; tail -40 "$log" >&2; exit 1; fi
  sleep 2
done

echo "== machine: nproc $(nproc); before: $(uptime)"
set +e
dotnet run -c Release --no-build --project bench/InLav.Bench -- mcp "$url"
rc=$?
set -e
echo "== machine: nproc $(nproc); after: $(uptime)"
exit "$rc"
