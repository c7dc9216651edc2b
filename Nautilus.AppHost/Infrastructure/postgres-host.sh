#!/usr/bin/env bash
# Host-mode PostgreSQL: initialise the cluster once, clear what a crash left behind, then exec the server so the
# orchestrator's stop signal reaches it directly. As root, the server runs as the postgres user (it refuses root).
# Usage: postgres-host.sh BIN_DIR DATA_DIR PORT SOCKET_DIR PASSWORD_FILE [timescaledb|plain]
set -euo pipefail
bin_dir=$1 data_dir=$2 port=$3 socket_dir=$4 password_file=$5 flavour=${6:-plain}

extra=()
if [ "$flavour" = timescaledb ]; then
  # Loaded only when preloaded; the engines' first migration then creates the extension in the database.
  extra=(-c shared_preload_libraries=timescaledb -c timescaledb.telemetry_level=off)
fi

as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
  as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fi

mkdir -p "$data_dir" "$socket_dir"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data_dir" "$socket_dir"; fi
chmod 700 "$data_dir"

if [ ! -s "$data_dir/PG_VERSION" ]; then
  # A half-made cluster (initdb interrupted) is ours to discard: initdb refuses a non-empty folder.
  find "$data_dir" -mindepth 1 -delete
  echo "nautilus: initdb of a new cluster in $data_dir"
  pw_copy=$(mktemp)
  cp "$password_file" "$pw_copy"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pw_copy"; fi
  "${as_postgres[@]}" "$bin_dir/initdb" -D "$data_dir" -U postgres --pwfile="$pw_copy" \
    --auth-host=scram-sha-256 --auth-local=scram-sha-256 --encoding=UTF8 --locale=C
  rm -f "$pw_copy"
fi

pid_file="$data_dir/postmaster.pid"
if [ -f "$pid_file" ]; then
  old_pid=$(head -n 1 "$pid_file" || true)
  if [ -n "$old_pid" ] && tr '\0' ' ' < "/proc/$old_pid/cmdline" 2>/dev/null | grep -qF -- "$data_dir"; then
    # Our own server outlived an earlier orchestrator (killed AppHost): stop it cleanly and take over.
    echo "nautilus: stopping PostgreSQL left running by an earlier run (pid $old_pid)"
    "${as_postgres[@]}" "$bin_dir/pg_ctl" -D "$data_dir" stop -m fast -w -t 30 || kill -TERM "$old_pid" || true
  else
    echo "nautilus: removing stale postmaster.pid (pid ${old_pid:-?} is not a PostgreSQL on this cluster)"
    rm -f "$pid_file"
  fi
fi

exec "${as_postgres[@]}" "$bin_dir/postgres" -D "$data_dir" -p "$port" -k "$socket_dir" \
  -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c logging_collector=off "${extra[@]}"
