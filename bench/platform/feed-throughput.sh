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

seconds=${1:-30}
offset=3000
md=$((8800 + offset))
state=$(mktemp -d /tmp/nautilus-bench-XXXX)
chmod 755 "$state"
dotnet build Nautilus.sln -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null

ASPIRE_ALLOW_UNSECURED_TRANSPORT=true ASPNETCORE_URLS=http://localhost:$((18888 + offset)) \
ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:$((18889 + offset)) \
ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:$((18890 + offset)) \
  Nautilus.AppHost/bin/Release/net10.0/Nautilus.AppHost Nautilus:Infrastructure=host Nautilus:PortOffset=$offset \
  Nautilus:StateDirectory="$state" >/tmp/nautilus-bench-apphost.log 2>&1 &
apphost=$!
trap 'kill -TERM $apphost 2>/dev/null; wait $apphost 2>/dev/null; sleep 2; rm -rf "$state" 2>/dev/null || true' EXIT

for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://localhost:$md/api/feeds/simulator")" = 200 ] && break
  sleep 0.5
done
# Start-up is over when the machine is: fifteen processes JIT-compiling on two cores keep it busy for a minute or more
# after every engine answers (the tiering threads of idle engines were still the largest part of them 40 s in). Wait
# until the machine is less than 40 % busy over 5 s (at most 3 minutes), so the feed measures the platform, not its start.
busy() { # percent of the machine busy over the next 5 s, from /proc/stat
  read -r _ u n s i w q sq st _ < /proc/stat; local b1=$((u + n + s + q + sq + st)) t1=$((u + n + s + i + w + q + sq + st))
  sleep 5
  read -r _ u n s i w q sq st _ < /proc/stat; local b2=$((u + n + s + q + sq + st)) t2=$((u + n + s + i + w + q + sq + st))
  echo $(( 100 * (b2 - b1) / (t2 - t1) ))
}
settle_started=$(date +%s)
while [ $(( $(date +%s) - settle_started )) -lt 180 ]; do
  load=$(busy)
  [ "$load" -lt 40 ] && break
done
echo "start-up settled after $(( $(date +%s) - settle_started )) s (machine ${load} % busy)"

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
