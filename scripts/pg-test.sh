#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the server tests.
#
#   eval "$(scripts/pg-test.sh start)"   # starts one on a free loopback port in a temp dir and prints
#                                        #   export PLOSOLVER_TEST_POSTGRES=postgresql://postgres@127.0.0.1:PORT/postgres
#                                        #   export PLOSOLVER_TEST_PGDIR=/tmp/plosolver-pg.XXXX
#   scripts/pg-test.sh stop "$PLOSOLVER_TEST_PGDIR"   # stops it and deletes the directory
#
# PostgreSQL refuses to run as root, so as root (CI) the cluster belongs to a system user made for it
# (plosolver-pg). Trust authentication is enough: the server listens on 127.0.0.1 and a private socket only.
# Durability is switched off (fsync, synchronous_commit): the data lives for one test run.
set -euo pipefail

for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  [ -x "$dir/initdb" ] && PATH="$dir:$PATH" && break
done
export PATH

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u plosolver-pg -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "pg-test.sh: no free port found" >&2
  return 1
}

case "${1:-}" in
  start)
    command -v initdb >/dev/null || { echo "pg-test.sh: initdb not found (install postgresql-15)" >&2; exit 2; }
    dir=$(mktemp -d /tmp/plosolver-pg.XXXXXX)
    if [ "$(id -u)" -eq 0 ]; then
      id plosolver-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin plosolver-pg
      chown plosolver-pg "$dir"
    fi
    chmod 700 "$dir"
    as_owner initdb -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    as_owner pg_ctl -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/postgres.log" >&2; exit 1; }
    echo "pg-test.sh: PostgreSQL $(postgres --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
    echo "export PLOSOLVER_TEST_POSTGRES=postgresql://postgres@127.0.0.1:$port/postgres"
    echo "export PLOSOLVER_TEST_PGDIR=$dir"
    ;;
  stop)
    dir=${2:?usage: pg-test.sh stop DIR}
    case "$dir" in /tmp/plosolver-pg.*) ;; *) echo "pg-test.sh: refusing to delete $dir" >&2; exit 2 ;; esac
    if [ -d "$dir/data" ]; then
      as_owner pg_ctl -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-test.sh start | stop DIR" >&2
    exit 2
    ;;
esac
