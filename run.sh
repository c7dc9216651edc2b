#!/usr/bin/env bash
# Runs the whole Nautilus platform under the Aspire orchestrator: PostgreSQL, both Redis buses, 13 engines, the
# operator UI and the Aspire dashboard. Installs what is missing first. Extra arguments go to the AppHost,
# e.g. ./run.sh Nautilus:Infrastructure=host Nautilus:PortOffset=100
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
require_dotnet
require_host_infrastructure

echo "nautilus: building"
dotnet build Nautilus.sln -c Debug -nologo -v quiet -clp:ErrorsOnly
cat <<'TXT'
nautilus: starting. When the dashboard shows every resource Running/Healthy (about a minute):
  operator UI      http://localhost:5000          (System page: http://localhost:5000/system)
  Aspire dashboard http://localhost:18888
  engine API docs  http://localhost:<port>/docs   (risk 8200, vpin 10000, ... see README)
Stop with Ctrl+C; data stays in .nautilus/ for the next run.
TXT
exec dotnet run --project Nautilus.AppHost --no-build -- "$@"
