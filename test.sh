#!/usr/bin/env bash
# Runs every Nautilus test from a clean clone: unit tests, the bus library against real redis-server processes, then
# the whole platform started in host mode with
# integration, fault and browser tests. Installs what is missing first. Ends with "N passed, N failed[, N skipped]"
# counted from the test results (TRX files), and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
set -e
require_dotnet
require_postgres_server
require_redis_server
require_postgres_user_when_root
require_timescaledb
require_chromium
set +e

results=artifacts/test-results
rm -rf "$results" artifacts/test
mkdir -p "$results"
started=$(date +%s)

echo "nautilus: building"
if ! dotnet build Nautilus.sln -c Debug -nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
format_failed=0
aborted=0
echo "nautilus: checking formatting (dotnet format, .editorconfig)"
if ! dotnet format Nautilus.sln --verify-no-changes --no-restore --verbosity quiet > artifacts/format.log 2>&1; then
  grep -E "error|warning" artifacts/format.log | sed 's|^|  |' | head -n 40
  echo "nautilus: formatting differs from .editorconfig: run 'dotnet format Nautilus.sln' (counted as one failure)"
  format_failed=1
  status=1
fi
echo "nautilus: checking line length (scripts/line-length.sh)"
if ! scripts/line-length.sh; then
  echo "nautilus: lines longer than .editorconfig's max_line_length (counted as one failure)"
  format_failed=$((format_failed + 1))
  status=1
fi

# One project at a time: the integration tests start the whole platform and want both cores to themselves.
projects=(tests/Nautilus.UnitTests tests/Nautilus.Messaging.Tests tests/Nautilus.Storage.Tests tests/Nautilus.Venues.Tests tests/Nautilus.IntegrationTests)
for project in "${projects[@]}"; do
  echo "nautilus: testing $project"
  # A test that hangs is stopped after 10 minutes and named (the longest test takes about one), instead of holding
  # the run until CI's limit.
  if ! dotnet test "$project" --no-build -nologo --logger "trx;LogFilePrefix=$(basename "$project")" \
    --logger "console;verbosity=minimal" --results-directory "$results" \
    --blame-hang-timeout 10m --blame-hang-dump-type none; then
    status=1
    # A run aborted by a hung or crashed test host records no failure of its own in its TRX: count it as one.
    trx=$(ls -t "$results/$(basename "$project")"*.trx 2>/dev/null | head -n 1)
    if [ -z "$trx" ] || ! grep -o '<Counters [^>]*' "$trx" | grep -q ' failed="[1-9]'; then
      echo "nautilus: $project was aborted (a test hung or crashed the host; see above): counted as one failure"
      aborted=$((aborted + 1))
    fi
  fi
done

count() { # sum one attribute of the <Counters> element over every TRX file
  local total=0 n
  for f in "$results"/*.trx; do
    [ -f "$f" ] || continue
    n=$(grep -o "<Counters [^>]*" "$f" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" || echo 0)
    total=$((total + ${n:-0}))
  done
  echo "$total"
}
passed=$(count passed); failed=$(( $(count failed) + format_failed + aborted )); notexec=$(count notExecuted)
trx_files=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$trx_files" -lt "${#projects[@]}" ]; then
  echo "nautilus: expected ${#projects[@]} test result files, found $trx_files"
  failed=$((failed + 1))
fi

[ -f artifacts/test/startup.txt ] && cat artifacts/test/startup.txt
echo "test run took $(( $(date +%s) - started )) s"
summary="$passed passed, $failed failed"
[ "$notexec" -gt 0 ] && summary="$summary, $notexec skipped"
echo "$summary"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
