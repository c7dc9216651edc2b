# Sourced by run.sh and test.sh: makes sure what Nautilus needs on the machine is there, installing it with apt-get
# when we are root on Debian/Ubuntu, and otherwise stopping with a message that names the missing piece.

apt_updated=0
can_apt() { [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    echo "nautilus: apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  echo "nautilus: installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

missing() {
  echo "nautilus: $1 is missing. $2" >&2
  exit 1
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
    missing ".NET SDK 10" "Install it from https://dot.net (dotnet-install.sh --channel 10.0) and put dotnet on PATH."
  fi
}

postgres_bin_dir() {
  local p
  p=$(command -v postgres 2>/dev/null || true)
  if [ -n "$p" ] && [ -x "$(dirname "$(readlink -f "$p")")/initdb" ]; then dirname "$(readlink -f "$p")"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

require_postgres_server() {
  if [ -n "$(postgres_bin_dir)" ] && [ -x "$(postgres_bin_dir)/initdb" ]; then return; fi
  if can_apt; then
    # Nautilus runs its own cluster; stop Debian from creating and starting a system one on port 5432.
    mkdir -p /etc/postgresql-common
    grep -qs '^create_main_cluster *= *false' /etc/postgresql-common/createcluster.conf \
      || echo "create_main_cluster = false" >> /etc/postgresql-common/createcluster.conf
    apt_install postgresql
  else
    missing "The PostgreSQL server (initdb, postgres)" "Install it (Debian/Ubuntu: sudo apt-get install postgresql) or run with Nautilus__Infrastructure=containers."
  fi
  [ -n "$(postgres_bin_dir)" ] || missing "The PostgreSQL server" "apt-get install postgresql did not provide initdb."
}

require_redis_server() {
  command -v redis-server >/dev/null 2>&1 && return
  if can_apt; then apt_install redis-server; else
    missing "redis-server" "Install it (Debian/Ubuntu: sudo apt-get install redis-server) or run with Nautilus__Infrastructure=containers."
  fi
}

require_postgres_user_when_root() {
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    missing "The 'postgres' user" "PostgreSQL refuses to run as root; install the postgresql package, which creates that user."
  fi
}

require_chromium() {
  [ -x /usr/bin/chromium ] && return
  if can_apt; then apt_install chromium; else
    missing "Chromium (/usr/bin/chromium)" "The browser tests drive Debian's chromium: sudo apt-get install chromium."
  fi
}

# TimescaleDB's Apache-2 edition, built once from the vendored source and installed into the local server (Debian
# packages no TimescaleDB). Without it storage runs on native partitions, so a failure here only warns.
require_timescaledb() {
  local here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  if ! "$here/timescaledb.sh" "$here/../vendor/timescaledb/timescaledb-2.28.3-apache.tar.gz"; then
    echo "nautilus: TimescaleDB could not be built or installed (see above); storage uses native partitions" >&2
  fi
}

# Host mode needs the servers; with a container runtime chosen explicitly they are not needed.
require_host_infrastructure() {
  case "${Nautilus__Infrastructure:-auto}" in
    containers) return ;;
  esac
  require_postgres_server
  require_redis_server
  require_postgres_user_when_root
  require_timescaledb
}
