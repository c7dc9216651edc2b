# Sourced by the platform benchmarks: start_platform runs the whole platform (Release, host mode, ports +3000, fresh state
# in $state) until the script exits; wait_until_settled waits for its start-up to be over.
offset=3000
md=$((8800 + offset))

start_platform() {
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
}

# A bus's connection string, as the engines get it (the password is in the state directory).
bus_connection() { # $1: marketdata-bus or engine-logic-bus
  local port
  case "$1" in marketdata-bus) port=$((6380 + offset)) ;; engine-logic-bus) port=$((6381 + offset)) ;; esac
  echo "localhost:$port,password=$(cat "$state/secrets/$1.password")"
}

busy() { # percent of the machine busy over the next 5 s, from /proc/stat
  read -r _ u n s i w q sq st _ < /proc/stat; local b1=$((u + n + s + q + sq + st)) t1=$((u + n + s + i + w + q + sq + st))
  sleep 5
  read -r _ u n s i w q sq st _ < /proc/stat; local b2=$((u + n + s + q + sq + st)) t2=$((u + n + s + i + w + q + sq + st))
  echo $(( 100 * (b2 - b1) / (t2 - t1) ))
}

# Start-up is over when the machine is: fifteen processes JIT-compiling on two cores keep it busy for a minute or more
# after every engine answers (the tiering threads of idle engines were still the largest part of them 40 s in). Waits
# until the machine is less than $1 % busy (default 40) over 5 s, at most 3 minutes, so a benchmark measures the
# platform, not its start.
wait_until_settled() {
  local below=${1:-40} started load
  started=$(date +%s)
  while [ $(( $(date +%s) - started )) -lt 180 ]; do
    load=$(busy)
    [ "$load" -lt "$below" ] && break
  done
  echo "start-up settled after $(( $(date +%s) - started )) s (machine ${load} % busy)"
}
