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
# Environment: LOAD_PORT (default 5077), LOAD_EACH_SECONDS (default 0: the mixed run only), and those of bench/server.sh
# (INLAV_DATA_DIR, BENCH_READY_TIMEOUT, BENCH_SERVER_LOG), which starts and stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh
bench_server load "${LOAD_PORT:-5077}"

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
