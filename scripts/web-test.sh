#!/usr/bin/env bash
# The web app's tests: npm ci, the Vitest suite, type check and production build, the first-load size
# budget, and the browser tests (tests/e2e, Chromium) against the real server when one is available:
# PLOSOLVER_URL, or this repository's server built in Release (built here when the .NET SDK is present).
# Prints one line "N passed, N failed[, N skipped]" summing everything; exits non-zero on any failure.
#   scripts/web-test.sh            everything
#   WEB_TEST_E2E=0 scripts/web-test.sh   without the browser tests
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
passed=0 failed=0 skipped=0
step_ok() { passed=$((passed + 1)); }
step_failed() { failed=$((failed + 1)); echo "web-test.sh: FAILED: $1" >&2; }
finish() {
  echo
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
  exit $?
}

if ! command -v node >/dev/null 2>&1; then
  echo "web-test.sh: Node.js 20.19 or newer is required (node not found on PATH)" >&2
  failed=1
  finish
fi

echo "== web: npm ci"
if ! (cd web && npm ci --no-audit --no-fund --loglevel=error); then
  step_failed "npm ci"
  finish
fi

echo "== web: vitest"
mkdir -p web/test-results
(cd web && npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json)
vitest_status=$?
if [ -f web/test-results/vitest.json ]; then
  read -r v_pass v_fail < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0))' "$root/web/test-results/vitest.json")
  passed=$((passed + v_pass))
  failed=$((failed + v_fail))
  if [ "$vitest_status" -ne 0 ] && [ "$v_fail" -eq 0 ]; then step_failed "vitest (exit $vitest_status)"; fi
else
  step_failed "vitest wrote no results"
fi

echo "== web: type check and build"
if (cd web && npm run build --silent); then step_ok; else step_failed "build"; fi

echo "== web: first-load size"
if [ -f web/dist/index.html ] && node web/scripts/bundle-size.mjs; then step_ok; else step_failed "size budget"; fi

if [ "${WEB_TEST_E2E:-1}" = "0" ]; then
  echo "== e2e: skipped (WEB_TEST_E2E=0)"
  finish
fi

echo "== e2e: browser tests"
dll=${PLOSOLVER_SERVER_DLL:-$root/src/PloSolver.Server/bin/Release/net10.0/PloSolver.Server.dll}
if [ -z "${PLOSOLVER_URL:-}" ] && [ ! -f "$dll" ] && [ -d src/PloSolver.Server ] && command -v dotnet >/dev/null 2>&1; then
  echo "building the server (Release)"
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet build src/PloSolver.Server -c Release --nologo -v q -clp:ErrorsOnly || step_failed "server build"
fi
if [ -z "${PLOSOLVER_URL:-}" ] && [ ! -f "$dll" ]; then
  echo "e2e: no server to test against (set PLOSOLVER_URL, or build src/PloSolver.Server in Release); browser tests not run"
  skipped=$((skipped + 1))
  finish
fi
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "installing Debian's chromium"
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || true
  else
    (sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || true
  fi
fi
if [ ! -x "$chromium" ]; then
  step_failed "chromium is not installed and could not be installed"
  finish
fi
export PLOSOLVER_SERVER_DLL=$dll
log=$(mktemp)
node --test --test-concurrency=1 --test-reporter=spec tests/e2e/app.e2e.test.mjs 2>&1 | tee "$log"
e2e_status=${PIPESTATUS[0]}
e_pass=$(sed -nE 's/^ℹ pass ([0-9]+).*/\1/p' "$log" | tail -1)
e_fail=$(sed -nE 's/^ℹ fail ([0-9]+).*/\1/p' "$log" | tail -1)
e_skip=$(sed -nE 's/^ℹ skipped ([0-9]+).*/\1/p' "$log" | tail -1)
rm -f "$log"
passed=$((passed + ${e_pass:-0}))
failed=$((failed + ${e_fail:-0}))
skipped=$((skipped + ${e_skip:-0}))
if [ "$e2e_status" -ne 0 ] && [ "${e_fail:-0}" -eq 0 ]; then step_failed "e2e (exit $e2e_status)"; fi
finish
