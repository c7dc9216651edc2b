#!/usr/bin/env bash
# Order submit -> pre-trade check -> paper fill -> position update through the running platform (Release, host mode, ports
# +3000, the simulator feed quoting at its default pace): bench/Nautilus.Bench.Trading publishes ORDER_REQUESTs as a strategy
# does and times each to its POSITION_CHANGE, with the Risk and Execution steps apart, then the CPU each process used per order.
# Usage: bench/platform/order-latency.sh [orders/s] [seconds] [symbol]   (defaults 100, 30, AAPL)
# NAUTILUS_BENCH_NO_DASHBOARD=1 stops the Aspire dashboard first: the engines then export their telemetry to no one, which
# shows what the development dashboard's ingestion of it costs on this machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/prerequisites.sh
require_dotnet
require_host_infrastructure
. bench/platform/platform.sh

start_platform
[ -n "${NAUTILUS_BENCH_NO_DASHBOARD:-}" ] && pkill -f Aspire.Dashboard || true
wait_until_settled
cpu="$state/cpu-before.json"
bench/platform/cpu-by-process.py snapshot "$cpu"
bench/Nautilus.Bench.Trading/bin/Release/net10.0/Nautilus.Bench.Trading "$(bus_connection marketdata-bus)" \
  "$(bus_connection engine-logic-bus)" "http://localhost:$md" \
  "${1:-100}" "${2:-30}" "${3:-AAPL}"
bench/platform/cpu-by-process.py report "$cpu" $(( ${1:-100} * (${2:-30} + 5) )) | sed -e 's/µs\/tick/µs per order/' -e 's/per tick of the feed/per order sent (the idle feed'"'"'s work included)/'
