# Shared by backup.sh and restore.sh (sourced, not run): how to reach the database, either as a plain
# DATABASE_URL or through the db service of the Docker Compose deployment. Callers set SCRIPT (their name, for
# messages) and `set -euo pipefail`.

die() {
  echo "$SCRIPT: $*" >&2
  exit 1
}

# %40 → @ and so on; a literal backslash stays one.
percent_decode() {
  local text=${1//\\/\\\\}
  printf '%b' "${text//%/\\x}"
}

# Turns postgresql://user:password@host:port/database?sslmode=… into libpq's PG* variables. The password then
# travels in the environment, never on a command line that `ps` shows to every user of the host.
use_database_url() {
  local url=$1
  local pattern='^postgres(ql)?://(([^:@/]*)(:([^@/]*))?@)?([^:@/?]+)(:([0-9]+))?/([^/?]+)(\?(.*))?$'
  [[ $url =~ $pattern ]] || die "DATABASE_URL must look like postgresql://user:password@host:5432/database"
  local user=${BASH_REMATCH[3]} password=${BASH_REMATCH[5]} host=${BASH_REMATCH[6]}
  local port=${BASH_REMATCH[8]:-5432} database=${BASH_REMATCH[9]} query=${BASH_REMATCH[11]}
  export PGHOST=$host PGPORT=$port PGDATABASE
  PGDATABASE=$(percent_decode "$database")
  if [ -n "$user" ]; then
    export PGUSER
    PGUSER=$(percent_decode "$user")
  fi
  if [ -n "$password" ]; then
    export PGPASSWORD
    PGPASSWORD=$(percent_decode "$password")
  fi
  local option
  local -a options=()
  [ -n "$query" ] && IFS='&' read -r -a options <<<"$query"
  for option in "${options[@]}"; do
    case $option in
      sslmode=*) export PGSSLMODE=${option#sslmode=} ;;
      connect_timeout=*) export PGCONNECT_TIMEOUT=${option#connect_timeout=} ;;
      *) die "DATABASE_URL option '${option%%=*}' is not supported here (only sslmode and connect_timeout)" ;;
    esac
  done
  # Fail fast on an unreachable server instead of waiting for libpq's default.
  export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-10}
}

require_command() {
  command -v "$1" >/dev/null 2>&1 || die "$1 not found on PATH ($2)"
}

# The Compose deployment: deploy/docker-compose.yml next to this repository's scripts/. DOCKER may name another
# docker binary (the tests use a stand-in, as their machines have no Docker engine).
compose() {
  "${DOCKER:-docker}" compose --project-directory "$DEPLOY_DIR" -f "$DEPLOY_DIR/docker-compose.yml" "$@"
}

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../deploy" && pwd)
