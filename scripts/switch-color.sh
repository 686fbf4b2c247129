#!/usr/bin/env bash
# Blue-green switch: points Traefik's public routers at the backend and frontend of one color, after checking
# that the color has a healthy backend. Traefik watches deploy/traefik/dynamic/ and applies the change at once,
# without a restart; requests already in flight finish on the old color.
#
#   scripts/switch-color.sh green        # after: DEPLOY_COLOR=green docker compose -f deploy/docker-compose.blue-green.yml up -d --wait
#   scripts/switch-color.sh blue         # and back, to roll back
#
# --force skips the health check (a color that is not running yet gets every request answered 503 by Traefik).
set -euo pipefail

fail() {
  echo "switch-color.sh: $*" >&2
  exit 1
}

color=
force=false
for argument in "$@"; do
  case $argument in
    blue|green) [ -z "$color" ] || fail "one color only"; color=$argument ;;
    --force) force=true ;;
    *) fail "usage: switch-color.sh blue|green [--force]" ;;
  esac
done
[ -n "$color" ] || fail "usage: switch-color.sh blue|green [--force]"

dynamic=${TRAEFIK_DYNAMIC_DIR:-$(cd "$(dirname "$0")/../deploy/traefik/dynamic" && pwd)}
live=$dynamic/live.yml
[ -w "$dynamic" ] || fail "cannot write to $dynamic"

if ! $force; then
  command -v "${DOCKER:-docker}" >/dev/null 2>&1 || fail "docker not found (or use --force)"
  # A color's backend is any healthy container that registers the service backend-COLOR with Traefik, whichever
  # Compose project started it (the main stack's is blue).
  healthy=$("${DOCKER:-docker}" ps --quiet --filter "label=traefik.http.services.backend-$color.loadbalancer.server.port" --filter health=healthy) \
    || fail "docker ps failed"
  [ -n "$healthy" ] || fail "no healthy backend-$color container; start that color first (docs/deployment.md, Blue-green releases)"
fi

previous=$(sed -n 's/.*name: backend-\(blue\|green\)@docker.*/\1/p' "$live" 2>/dev/null | head -n 1)
# Write beside the file and rename: Traefik never reads a half-written file.
temporary=$(mktemp "$dynamic/.live.XXXXXX")
cat >"$temporary" <<YAML
# Which color serves the public routers. Written by scripts/switch-color.sh (blue or green); Traefik reloads it
# as soon as it changes, with no restart and no dropped connection.
http:
  services:
    backend-live:
      weighted:
        services:
          - name: backend-$color@docker
            weight: 1
    frontend-live:
      weighted:
        services:
          - name: frontend-$color@docker
            weight: 1
YAML
chmod 644 "$temporary"
mv "$temporary" "$live"
echo "switch-color.sh: live color is $color (was ${previous:-unknown})"
