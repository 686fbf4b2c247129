#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, on a free loopback port, in a fresh directory under /tmp.
#
#   eval "$(scripts/pg-test.sh start)"   # prints: export PLOSOLVER_TEST_POSTGRES=postgresql://postgres@127.0.0.1:PORT/postgres
#                                        #         export PLOSOLVER_TEST_PGDIR=/tmp/plosolver-pg.XXXXXX
#   scripts/pg-test.sh stop "$PLOSOLVER_TEST_PGDIR"
#
# PostgreSQL refuses to run as root, so under root (CI) the cluster belongs to an unprivileged system user,
# plosolver-pg, created on first use. Authentication is `trust`, which is safe only because the server listens on
# 127.0.0.1 and on a socket in its own directory. fsync is off: the data lives for one test run.
set -euo pipefail

fail() {
  echo "pg-test.sh: $*" >&2
  exit 1
}

# Debian keeps initdb and pg_ctl out of PATH; prefer 15, the version production runs.
for bin in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  if [ -x "$bin/initdb" ]; then
    PATH="$bin:$PATH"
    break
  fi
done

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u plosolver-pg -- "$@"
  else
    "$@"
  fi
}

start() {
  command -v initdb >/dev/null || fail "initdb not found: install PostgreSQL 15 (apt-get install postgresql-15)"
  local dir port
  dir=$(mktemp -d /tmp/plosolver-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    id plosolver-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin plosolver-pg
    chown plosolver-pg "$dir"
  fi
  chmod 700 "$dir"
  as_owner initdb --pgdata="$dir/data" --username=postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; fail "initdb failed"; }
  # A port can be taken between the check and the start: try a few.
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    if as_owner pg_ctl --pgdata="$dir/data" --log="$dir/postgres.log" --wait --timeout=60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      echo "export PLOSOLVER_TEST_POSTGRES=postgresql://postgres@127.0.0.1:$port/postgres"
      echo "export PLOSOLVER_TEST_PGDIR=$dir"
      return 0
    fi
  done
  cat "$dir/postgres.log" >&2
  fail "PostgreSQL did not start"
}

stop() {
  local dir=${1:-}
  [[ $dir == /tmp/plosolver-pg.* ]] || fail "stop needs the directory that start printed (/tmp/plosolver-pg.*), got '$dir'"
  if [ -d "$dir/data" ]; then
    as_owner pg_ctl --pgdata="$dir/data" --mode=immediate --wait stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case ${1:-} in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: pg-test.sh start | stop DIR" >&2; exit 2 ;;
esac
