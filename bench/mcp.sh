#!/usr/bin/env bash
# The MCP benchmark of issue 11 (docs/performance.md, "Issue 11: MCP tool calls").
#
# Builds Release, starts the dashboard on a fresh DuckDB file in a temp folder with the real data (INLAV_DATA_DIR,
# default ../shared/data beside the repository), waits for the start-up import and the warm-up, runs the bench's MCP
# client (bench/InLav.Bench, command `mcp`: 5 warm-up and 100 measured calls of each tool, one after another) and stops
# the server. Prints the Markdown table with nproc and `uptime` before and after.
# Environment: MCP_PORT (default 5078), and those of bench/server.sh (INLAV_DATA_DIR, BENCH_READY_TIMEOUT, BENCH_SERVER_LOG).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh
bench_server mcp "${MCP_PORT:-5078}"

echo "== machine: nproc $(nproc); before: $(uptime)"
set +e
dotnet run -c Release --no-build --project bench/InLav.Bench -- mcp "$url"
rc=$?
set -e
echo "== machine: nproc $(nproc); after: $(uptime)"
exit "$rc"
