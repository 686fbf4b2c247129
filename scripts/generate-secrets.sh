#!/usr/bin/env bash
# Writes the secret files docker-compose.yml mounts (deploy/secrets/*), each a fresh random value, and never
# overwrites one that exists: rerunning it only fills in what is missing.
#
#   scripts/generate-secrets.sh [--dashboard-user NAME]    # default user for the Traefik dashboard: admin
#
# database_url is built from postgres_password and deploy/.env's POSTGRES_USER and POSTGRES_DB (defaults plosolver),
# so the two always agree. Prints the dashboard password once, as only its hash is stored.
set -euo pipefail

fail() {
  echo "generate-secrets.sh: $*" >&2
  exit 1
}

dashboard_user=admin
while [ $# -gt 0 ]; do
  case $1 in
    --dashboard-user) [ $# -ge 2 ] || fail "--dashboard-user needs a value"; dashboard_user=$2; shift 2 ;;
    *) fail "unknown argument '$1'" ;;
  esac
done
[[ $dashboard_user =~ ^[A-Za-z0-9._-]+$ ]] || fail "--dashboard-user may hold letters, digits, . _ - only"
command -v openssl >/dev/null || fail "openssl not found (apt-get install openssl)"

deploy=$(cd "$(dirname "$0")/../deploy" && pwd)
secrets=$deploy/secrets
mkdir -p "$secrets"
# The directory keeps other host users out. The files themselves are world-readable because Compose bind-mounts
# them as they are, and the services read them under their own uids (backend 1001, postgres 999, grafana 472);
# each file is mounted only into the containers that list it.
chmod 700 "$secrets"

# URL-safe, so a password can sit in DATABASE_URL without escaping.
random() {
  openssl rand -base64 "$1" | tr '+/' '-_' | tr -d '=\n'
}

write() {
  local name=$1 value=$2
  if [ -s "$secrets/$name" ]; then
    echo "generate-secrets.sh: keeping $secrets/$name" >&2
    return
  fi
  (umask 022 && printf '%s' "$value" >"$secrets/$name")
  echo "generate-secrets.sh: wrote $secrets/$name" >&2
}

setting() {
  local value
  value=$(sed -n "s/^$1=//p" "$deploy/.env" 2>/dev/null | tail -n 1)
  echo "${value:-$2}"
}

write postgres_password "$(random 24)"
write discourse_db_password "$(random 24)"
write secret_key "$(random 48)"
write jwt_secret_key "$(random 48)"
write grafana_admin_password "$(random 18)"
write database_url "postgresql://$(setting POSTGRES_USER plosolver):$(cat "$secrets/postgres_password")@db:5432/$(setting POSTGRES_DB plosolver)"
if [ ! -s "$secrets/traefik_dashboard_users" ]; then
  password=$(random 18)
  write traefik_dashboard_users "$dashboard_user:$(openssl passwd -apr1 "$password")"
  echo "Traefik dashboard: user $dashboard_user, password $password (shown once)"
else
  echo "generate-secrets.sh: keeping $secrets/traefik_dashboard_users" >&2
fi
