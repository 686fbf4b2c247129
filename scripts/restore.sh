#!/usr/bin/env bash
# Restores a backup made by backup.sh, replacing everything in the database's public schema.
#
#   scripts/restore.sh --yes deploy/backups/plosolver-20260101-030000.sql.gz      # through Docker Compose
#   scripts/restore.sh --yes --url postgresql://user:pass@host:5432/plosolver FILE  # any PostgreSQL (or DATABASE_URL)
#
# Through Compose it stops the backend first (no writes while the data is replaced) and starts it again at the end,
# whether the restore worked or not. The schema is dropped and the dump loaded in one transaction: if anything
# fails, the database is left exactly as it was. With a plain URL, stopping the application is up to you.
# --yes is required: this overwrites the database.
set -euo pipefail
SCRIPT=restore.sh
source "$(dirname "$0")/lib/database.sh"

url=${DATABASE_URL:-}
file=
confirmed=false
while [ $# -gt 0 ]; do
  case $1 in
    --url) [ $# -ge 2 ] || die "--url needs a value"; url=$2; shift 2 ;;
    --yes) confirmed=true; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) [ -z "$file" ] || die "one backup file only, got '$file' and '$1'"; file=$1; shift ;;
  esac
done
[ -n "$file" ] || die "which backup? usage: restore.sh --yes [--url URL] FILE.sql.gz"
[ -f "$file" ] || die "backup file not found: $file"
[ -r "$file" ] || die "backup file not readable: $file"
# Check the whole file before touching anything.
gzip -t "$file" 2>/dev/null || die "$file is not a complete gzip file (truncated or not a backup)"
$confirmed || die "this replaces every table in the database with the backup's; run again with --yes"

# Dropping the schema removes the tables the backup does not know (a newer migration's) along with their data.
prelude='SET client_min_messages = warning; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;'
psql_options=(--no-psqlrc --quiet --single-transaction --set ON_ERROR_STOP=1 --output /dev/null)

if [ -n "$url" ]; then
  use_database_url "$url"
  require_command psql "install the PostgreSQL client, e.g. apt-get install postgresql-client-15"
  { echo "$prelude"; gzip -dc "$file"; } | psql "${psql_options[@]}" \
    || die "restoring $file into $PGDATABASE on $PGHOST:$PGPORT failed; the database is unchanged"
  echo "$SCRIPT: restored $file into $PGDATABASE on $PGHOST:$PGPORT" >&2
  exit 0
fi

require_command "${DOCKER:-docker}" "or give --url / DATABASE_URL to restore without Docker"
running=$(compose ps --status running --services 2>/dev/null) || die "docker compose ps failed: is the deployment up?"
grep -qx db <<<"$running" || die "the db service is not running (docker compose --profile app up -d db)"
if grep -qx backend <<<"$running"; then
  # Whatever happens from here on, the backend comes back.
  trap 'compose start backend >/dev/null || echo "$SCRIPT: could not start the backend again: docker compose start backend" >&2' EXIT
  compose stop backend >/dev/null || die "could not stop the backend (docker compose stop backend)"
  echo "$SCRIPT: backend stopped" >&2
fi
# shellcheck disable=SC2016  # $POSTGRES_USER and $POSTGRES_DB are the db container's own variables.
{ echo "$prelude"; gzip -dc "$file"; } \
  | compose exec -T db sh -c 'exec psql -U "$POSTGRES_USER" -d "$POSTGRES_DB" "$@"' psql "${psql_options[@]}" \
  || die "restoring $file through docker compose failed; the database is unchanged"
echo "$SCRIPT: restored $file" >&2
