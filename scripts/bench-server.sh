#!/usr/bin/env bash
# Load-tests the running stack with wrk (Debian package `wrk`) on loopback: starts the server in Production mode
# with the full middleware (auth, metrics, request logging at Warning, rate limits raised), signs a user in, warms
# up for 40 s and runs bench/http/equity.lua anonymously and with a bearer token, then a preflop request on one connection
# (bench/http/preflop.lua: request latency against the engine's own time) and logins (bench/http/login.lua: the
# password hash). Usage: scripts/bench-server.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
command -v wrk >/dev/null || { echo "bench-server.sh: wrk is required (apt-get install wrk)" >&2; exit 2; }
dotnet build src/PloSolver.Server -c Release --nologo -v q -clp:ErrorsOnly >/dev/null
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && ASPNETCORE_ENVIRONMENT=Production PORT=$port DATA_DIR="$work/data" LOG_LEVEL=Warning \
  JWT_SECRET_KEY=$(head -c 48 /dev/urandom | base64) SECRET_KEY=$(head -c 48 /dev/urandom | base64) \
  RATE_LIMIT_COMPUTE_PER_MINUTE=100000000 RATE_LIMIT_AUTH_PER_MINUTE=1000000 \
  exec dotnet "$OLDPWD/src/PloSolver.Server/bin/Release/net10.0/PloSolver.Server.dll") &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.3; done
token=$(curl -sf "http://127.0.0.1:$port/api/auth/register" -H 'content-type: application/json' \
  -d '{"email":"bench@example.test","password":"bench password 1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
# Under load the runtime needs about 25 s to settle: tiered compilation recompiles the hot paths with the profile
# it gathered (dynamic PGO), and until then throughput is a third to a half lower.
echo "== warm-up (40 s)"
wrk -t2 -c32 -d30s -s bench/http/equity.lua "http://127.0.0.1:$port" >/dev/null
TOKEN=$token wrk -t2 -c32 -d5s -s bench/http/equity.lua "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c32 -d5s "http://127.0.0.1:$port/health/live" >/dev/null
echo "== baseline: GET /health/live (no engine, no database), ${seconds}s, $connections connections"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port/health/live" | grep -E "Requests/sec|99%"
# A throughput figure only counts if every answer was a 200 (a lost token would measure 401s).
equity_run() {
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/http/equity.lua "http://127.0.0.1:$port")
  echo "$out"
  if ! grep -q "^error answers (status 400 and up): 0$" <<<"$out" || grep -q "Non-2xx" <<<"$out"; then
    echo "bench-server.sh: some equity answers were errors; the figures above do not count" >&2
    exit 1
  fi
}
echo "== POST /api/equity, anonymous, ${seconds}s, $connections connections"
equity_run
echo "== POST /api/equity, signed in"
TOKEN=$token equity_run
echo "== POST /api/equity, heads-up preflop exact, one connection: latency against the engine's time"
wrk -t1 -c1 -d"${seconds}s" -s bench/http/preflop.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|non-200|engine time|request latency"
echo "== POST /api/auth/login (PBKDF2-HMAC-SHA512, 100,000 iterations a login), 8 connections"
wrk -t2 -c8 -d"${seconds}s" -s bench/http/login.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|non-200|latency:"
