#!/usr/bin/env bash
# Runs PLOSolver.
#   scripts/run.sh                 the server and the web app on http://localhost:5001 (PORT to change), on the embedded
#                                  SQLite database in data/ with no configuration; set DATABASE_URL=postgresql://… for
#                                  PostgreSQL. Builds web/dist first when it is missing or older than web/src.
#   scripts/run.sh migrate|worker  the server's other modes: apply migrations and exit; job workers only
#   scripts/run.sh equity …        the plosolver command line (equity, evaluate, range, solve, bench, --help), e.g.
#                                    scripts/run.sh equity AsKsQhJh 7c8c9d6d --board Qs7h2d
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

case "${1:-}" in
  equity|evaluate|range|solve|bench|help|--help|-h|--version)
    cli=$(scripts/publish-cli.sh)
    exec "$cli" "$@"
    ;;
esac

# The web app, built when missing or older than its sources (the server serves web/dist at /).
if [ "${1:-}" != "migrate" ] && [ "${1:-}" != "worker" ]; then
  if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html web/package.json web/package-lock.json -newer web/dist/index.html -print -quit 2>/dev/null)" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "run.sh: Node.js 20.19+ and npm are needed to build the web app (web/); install them (apt-get install nodejs npm)" >&2
      exit 2
    fi
    echo "building the web app (web/dist)" >&2
    (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent) >&2 || { echo "run.sh: the web app did not build" >&2; exit 1; }
  fi
fi

if ! build=$(dotnet build src/PloSolver.Server -c Release --nologo -v q -clp:ErrorsOnly 2>&1); then
  echo "$build" >&2
  exit 1
fi
# A laptop run is a development run: secrets are generated, logs are readable lines. Deployments set
# ASPNETCORE_ENVIRONMENT=Production and real secrets (see docs/api.md, "Configuration").
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export DATA_DIR=${DATA_DIR:-$PWD/data}
if [ "${1:-}" != "migrate" ]; then
  echo "PLOSolver server on http://localhost:${PORT:-5001} (API reference at /api/docs; database: ${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-SQLite in $DATA_DIR})" >&2
fi
exec dotnet src/PloSolver.Server/bin/Release/net10.0/PloSolver.Server.dll "$@"
