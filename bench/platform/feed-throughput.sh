#!/usr/bin/env bash
# Sustained feed → pipeline → bus → PostgreSQL: runs the whole platform (Release, host mode, ports +3000),
# drives the simulator as fast as the pipeline takes it for a while, stops it, waits until the writers' backlog is
# empty, then compares ticks accepted by the pipeline with rows the writers stored (count in = count stored). Also prints
# the CPU each process used per tick while the feed ran (bench/platform/cpu-by-process.py): a steadier figure than the
# rate on a VM whose speed drifts.
# Usage: bench/platform/feed-throughput.sh [seconds]   (NAUTILUS_BENCH_DURING='command' runs it 10 s into the feed)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/prerequisites.sh
require_dotnet
require_host_infrastructure

. bench/platform/platform.sh

seconds=${1:-30}
start_platform
wait_until_settled

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
accepted() { curl -s "http://localhost:$md/api/marketdata/stats" | json "d['trades'] + d['quotes']"; }
stored() { curl -s "http://localhost:$md/health" | json "sum(w['written'] for w in d['dependencies']['postgres']['data']['writers'] if w['table'] in ('marketdata.trade_blocks', 'marketdata.quote_blocks'))"; }
backlog() { curl -s "http://localhost:$md/health" | json "sum(w['backlog'] for w in d['dependencies']['postgres']['data']['writers'])"; }

# Quiesce the default (live-paced) simulator so both counts are taken with nothing in flight.
curl -s -X POST "http://localhost:$md/api/feeds/simulator/stop" >/dev/null
for _ in $(seq 1 600); do [ "$(backlog)" = 0 ] && break; sleep 0.5; done
before_in=$(accepted); before_stored=$(stored)
cpu="$state/cpu-before.json"
curl -s -X POST "http://localhost:$md/api/feeds/simulator/start" -H 'content-type: application/json' \
  -d '{"seed":1,"eventsPerSecond":1000000,"realtime":false}' >/dev/null
begin=$(date +%s.%N)
bench/platform/cpu-by-process.py snapshot "$cpu"
# Optional: a command to run while the feed runs (e.g. a profiler), given as NAUTILUS_BENCH_DURING.
[ -n "${NAUTILUS_BENCH_DURING:-}" ] && (sleep 10; eval "$NAUTILUS_BENCH_DURING") &
sleep "$seconds"
fed=$(( $(accepted) - before_in ))
bench/platform/cpu-by-process.py report "$cpu" "$fed" # where the CPU went while the feed ran (the drain not included)
curl -s -X POST "http://localhost:$md/api/feeds/simulator/stop" >/dev/null
end=$(date +%s.%N)
for _ in $(seq 1 600); do [ "$(backlog)" = 0 ] && break; sleep 0.5; done
drained=$(date +%s.%N)
after_in=$(accepted); after_stored=$(stored)

in=$((after_in - before_in)); out=$((after_stored - before_stored))
awk -v i="$in" -v o="$out" -v b="$begin" -v e="$end" -v d="$drained" 'BEGIN {
  printf "ticks accepted %d in %.1f s = %.0f ticks/s; stored %d (%s) after %.1f s more to drain\n",
    i, e - b, i / (e - b), o, (i == o ? "count in = count stored" : "MISMATCH"), d - e }'
