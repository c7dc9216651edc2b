#!/usr/bin/env bash
# Builds the TimescaleDB extension from a source tarball for the PostgreSQL server on this machine and installs it
# into that server's library and extension folders. The build is cached under the state folder, keyed by the
# tarball's checksum and the server's version, so a machine builds it once; later calls only install (a few files).
#
# Usage: scripts/timescaledb.sh SOURCE [STATE_DIR]
#   SOURCE     a TimescaleDB source tarball: a path, or an https URL (a release's "Source code (tar.gz)")
#   STATE_DIR  where the cache lives; default .nautilus/ at the repository root
# Apache-only sources (no tsl/ folder, as ../shared/vendor/timescaledb ships) build the Apache-2 edition; full
# sources build the community edition when configured without APACHE_ONLY (set TIMESCALEDB_APACHE_ONLY=OFF).
# Its last line names the installed version. Needs cmake and a C compiler (installed with apt-get when root), and write
# access to the server's folders (root on Debian).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/prerequisites.sh"

source_arg=${1:?usage: scripts/timescaledb.sh SOURCE [STATE_DIR]}
state=${2:-"$here/../.nautilus"}
mkdir -p "$state"
state=$(cd "$state" && pwd)

bin=$(postgres_bin_dir)
[ -n "$bin" ] && [ -x "$bin/pg_config" ] || missing "The PostgreSQL server (pg_config)" "Run ./test.sh or ./run.sh first."
pg_version=$("$bin/pg_config" --version | awk '{print $2}')
pg_major=${pg_version%%.*}
pkglibdir=$("$bin/pg_config" --pkglibdir)
extdir="$("$bin/pg_config" --sharedir)/extension"

work="$state/timescaledb"
mkdir -p "$work"
case "$source_arg" in
  http://*|https://*)
    tarball="$work/download-$(printf '%s' "$source_arg" | sha256sum | cut -c1-12).tar.gz"
    [ -s "$tarball" ] || { echo "nautilus: downloading $source_arg"; curl -fsSL -o "$tarball.part" "$source_arg"; mv "$tarball.part" "$tarball"; } ;;
  *) tarball=$(readlink -f "$source_arg") ;;
esac
[ -s "$tarball" ] || missing "TimescaleDB source $source_arg" "Pass a source tarball or its URL."

sha=$(sha256sum "$tarball" | cut -c1-12)
build_key="pg${pg_version}-${sha}"
cache="$work/$build_key"

if [ ! -f "$cache/done" ]; then
  command -v cmake >/dev/null 2>&1 || { can_apt && apt_install cmake; } || missing "cmake" "apt-get install cmake"
  command -v cc >/dev/null 2>&1 || { can_apt && apt_install gcc make; } || missing "a C compiler" "apt-get install gcc make"
  rm -rf "$cache" && mkdir -p "$cache"

  # The server headers: the -dev package when installed, else that package at the server's exact version unpacked
  # here (installing it would pull in clang and llvm, and may upgrade the server).
  include_server=$("$bin/pg_config" --includedir-server)
  include=$("$bin/pg_config" --includedir)
  if [ ! -f "$include_server/postgres.h" ]; then
    can_apt || missing "PostgreSQL $pg_major server headers" "Install postgresql-server-dev-$pg_major."
    deb_version=$(dpkg-query -W -f='${Version}' "postgresql-$pg_major")
    headers="$work/headers-$deb_version"
    if [ ! -f "$headers/done" ]; then
      rm -rf "$headers" && mkdir -p "$headers"
      [ "$apt_updated" -eq 1 ] || { apt-get update -qq; apt_updated=1; }
      (cd "$headers" && apt-get download -qq "postgresql-server-dev-$pg_major=$deb_version" && dpkg -x ./*.deb root)
      touch "$headers/done"
    fi
    include_server="$headers/root/usr/include/postgresql/$pg_major/server"
    # The client headers TimescaleDB also looks for (pg_config.h) ship with the server's too.
    include="$include_server"
  fi

  echo "nautilus: building TimescaleDB from $(basename "$tarball") for PostgreSQL $pg_version (about two minutes, once)"
  tar -xzf "$tarball" -C "$cache"
  src=$(find "$cache" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  apache_only=${TIMESCALEDB_APACHE_ONLY:-$([ -d "$src/tsl" ] && echo OFF || echo ON)}
  cmake -S "$src" -B "$cache/build" -DCMAKE_BUILD_TYPE=Release -DAPACHE_ONLY="$apache_only" \
    -DREGRESS_CHECKS=OFF -DTAP_CHECKS=OFF -DWARNINGS_AS_ERRORS=OFF -DUSE_OPENSSL=0 -DSEND_TELEMETRY_DEFAULT=OFF \
    -DPG_CONFIG="$bin/pg_config" -DPG_INCLUDEDIR_SERVER="$include_server" -DPG_INCLUDEDIR="$include" \
    -DCMAKE_INSTALL_PREFIX="$cache/install" > "$cache/cmake.log" 2>&1 \
    || { tail -n 30 "$cache/cmake.log"; exit 1; }
  cmake --build "$cache/build" -j"$(nproc)" > "$cache/build.log" 2>&1 || { tail -n 30 "$cache/build.log"; exit 1; }
  mkdir -p "$cache/lib" "$cache/extension"
  find "$cache/build" -name 'timescaledb*.so' -exec cp {} "$cache/lib/" \;
  cp "$cache/build/timescaledb.control" "$cache/extension/"
  find "$cache/build/sql" -maxdepth 1 -name 'timescaledb--*.sql' -exec cp {} "$cache/extension/" \;
  rm -rf "$src" "$cache/build"
  touch "$cache/done"
fi

# Install: the server loads libraries only from its own pkglibdir and extensions from its own share folder.
if [ ! -w "$pkglibdir" ] || [ ! -w "$extdir" ]; then
  missing "Write access to $pkglibdir and $extdir" "Run as root to install TimescaleDB into the PostgreSQL server."
fi
for f in "$cache"/lib/*; do cmp -s "$f" "$pkglibdir/$(basename "$f")" || install -m 0755 "$f" "$pkglibdir/"; done
for f in "$cache"/extension/*; do cmp -s "$f" "$extdir/$(basename "$f")" || install -m 0644 "$f" "$extdir/"; done
echo "nautilus: TimescaleDB $(grep -o "default_version = '[^']*'" "$extdir/timescaledb.control" | cut -d"'" -f2) installed for PostgreSQL $pg_version"
