#!/usr/bin/env bash
# Backs up the PLOSolver database: pg_dump | gzip into BACKUP_DIR/plosolver-YYYYmmdd-HHMMSS.sql.gz, then deletes
# backups older than the retention period (30 days).
#
#   scripts/backup.sh                       # through Docker Compose (the db service of deploy/docker-compose.yml)
#   scripts/backup.sh --url postgresql://user:pass@host:5432/plosolver   # any PostgreSQL, with the local pg_dump
#   DATABASE_URL=postgresql://… scripts/backup.sh                       # the same
#
# Options: --dir DIR (default deploy/backups, the directory mounted into the db container), --keep-days N (30).
# Prints the backup's path on stdout. Exits non-zero, leaving no partial file, if anything fails.
set -euo pipefail
SCRIPT=backup.sh
source "$(dirname "$0")/lib/database.sh"

url=${DATABASE_URL:-}
dir=${BACKUP_DIR:-$DEPLOY_DIR/backups}
keep_days=30
while [ $# -gt 0 ]; do
  case $1 in
    --url) [ $# -ge 2 ] || die "--url needs a value"; url=$2; shift 2 ;;
    --dir) [ $# -ge 2 ] || die "--dir needs a value"; dir=$2; shift 2 ;;
    --keep-days) [ $# -ge 2 ] || die "--keep-days needs a value"; keep_days=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ $keep_days =~ ^[1-9][0-9]*$ ]] || die "--keep-days must be a whole number of days, at least 1, got '$keep_days'"
mkdir -p "$dir" 2>/dev/null || die "cannot create the backup directory $dir"
[ -w "$dir" ] || die "cannot write to the backup directory $dir"

file="$dir/plosolver-$(date -u +%Y%m%d-%H%M%S).sql.gz"
[ -e "$file" ] && die "$file already exists (two backups in the same second?)"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

# Plain SQL without owners or grants, so it restores into any database whose user may create tables.
dump_options=(--format=plain --no-owner --no-privileges --quote-all-identifiers)
if [ -n "$url" ]; then
  use_database_url "$url"
  require_command pg_dump "install the PostgreSQL client, e.g. apt-get install postgresql-client-15"
  pg_dump "${dump_options[@]}" | gzip -6 >"$partial" || die "pg_dump of $PGDATABASE on $PGHOST:$PGPORT failed"
else
  require_command "${DOCKER:-docker}" "or give --url / DATABASE_URL to back up without Docker"
  # shellcheck disable=SC2016  # $POSTGRES_USER and $POSTGRES_DB are the db container's own variables.
  compose exec -T db sh -c 'exec pg_dump -U "$POSTGRES_USER" -d "$POSTGRES_DB" "$@"' pg_dump "${dump_options[@]}" \
    | gzip -6 >"$partial" || die "pg_dump through docker compose (service db) failed"
fi
gzip -t "$partial" || die "the new backup $partial is not a valid gzip file"
mv "$partial" "$file"
trap - EXIT

# Rotation only after a good backup, and never the one just written.
find "$dir" -maxdepth 1 -type f -name 'plosolver-*.sql.gz' ! -path "$file" -mmin +$((keep_days * 24 * 60)) -print -delete \
  | sed "s|^|$SCRIPT: removed old backup |" >&2
echo "$file"
