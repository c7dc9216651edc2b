#!/usr/bin/env bash
# Measures the platform itself: cold start to all-healthy (fresh state folder: initdb included), warm start
# (existing state), and the idle working set (RSS) of every engine 30 s after all are healthy. Release build, host mode,
# ports moved by an offset so it runs beside a developer's instance. Prints a Markdown table for docs/performance.md.
# Usage: bench/platform/measure.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/prerequisites.sh
require_dotnet
require_host_infrastructure

offset=3000
state=$(mktemp -d /tmp/nautilus-bench-XXXX)
chmod 755 "$state" # keep the cluster inside it (see StateDirectory.PostgresDataDirectory)
ports=(8100 8110 8200 8300 8400 8500 8600 8700 8800 8900 9000 9500 10000 5000)
dotnet build Nautilus.sln -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null

start_platform() {
  begin=$(date +%s.%N)
  # The AppHost binary itself (not through dotnet run), so the TERM of stop_platform reaches it.
  ASPIRE_ALLOW_UNSECURED_TRANSPORT=true ASPNETCORE_URLS=http://localhost:$((18888 + offset)) \
  ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:$((18889 + offset)) \
  ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:$((18890 + offset)) \
    Nautilus.AppHost/bin/Release/net10.0/Nautilus.AppHost Nautilus:Infrastructure=host \
    Nautilus:PortOffset=$offset Nautilus:StateDirectory="$state" >/tmp/nautilus-bench-apphost.log 2>&1 &
  apphost=$!
}

seconds_to_healthy() { # seconds from $begin until every engine and the UI answer /health with 200
  local pending=1
  for _ in $(seq 1 600); do
    pending=0
    for p in "${ports[@]}"; do
      [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://localhost:$((p + offset))/health")" = 200 ] || pending=1
    done
    [ "$pending" -eq 0 ] && break
    sleep 0.2
  done
  [ "$pending" -eq 0 ] || { echo "platform did not become healthy; see /tmp/nautilus-bench-apphost.log" >&2; return 1; }
  awk -v a="$(date +%s.%N)" -v b="$begin" 'BEGIN { printf "%.1f", a - b }'
}

stop_platform() {
  kill -TERM "$apphost"; wait "$apphost" 2>/dev/null || true
  # Every port free again before the next start, or the next start would measure the old processes.
  for p in "${ports[@]}" 5432 6380 6381; do
    while (exec 3<>"/dev/tcp/127.0.0.1/$((p + offset))") 2>/dev/null; do sleep 0.2; done
  done
}

start_platform
cold=$(seconds_to_healthy) || { stop_platform; exit 1; }
sleep 30
rss_rows=""
for pid in $(pgrep -f 'Nautilus\.[A-Za-z]+\.Engine$|Nautilus\.Web$'); do
  name=$(basename "$(readlink -f /proc/$pid/exe)")
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  rss_rows+="| $name | $rss |"$'\n'
done
stop_platform
start_platform
warm=$(seconds_to_healthy) || { stop_platform; exit 1; }
stop_platform
rm -rf "$state"

echo "| measurement | value |"
echo "|---|---|"
printf '| cold start to all healthy (fresh state, initdb) | %.1f s |\n' "$cold"
printf '| warm start to all healthy (existing state) | %.1f s |\n' "$warm"
echo
echo "| process (idle, 30 s after healthy) | RSS MB |"
echo "|---|---|"
printf '%s' "$rss_rows" | sort
