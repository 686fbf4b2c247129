#!/usr/bin/env bash
# The whole test suite: builds everything, starts a throwaway PostgreSQL (scripts/pg-test.sh) for the server
# tests, runs every test project, then prints one line
# "N passed, N failed" summing all suites. Exit status is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# ---- Deployment tests (tests/PloSolver.Deploy.Tests): Debian's nginx and PostgreSQL binaries ----
# The nginx tests fail rather than skip without nginx, and the backup tests start a throwaway PostgreSQL with
# scripts/pg-test.sh, so a fresh CI machine gets both here. Nothing is installed when they are already present.
deploy_packages=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || deploy_packages+=(nginx)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || deploy_packages+=(postgresql-15)
if [ ${#deploy_packages[@]} -gt 0 ]; then
  echo "== installing ${deploy_packages[*]} (deployment tests)"
  if [ "$(id -u)" -ne 0 ] || ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${deploy_packages[@]}"; } >/dev/null; then
    echo "test.sh: could not install ${deploy_packages[*]}; the deployment tests that need them will fail" >&2
  fi
fi
# ---- end of deployment tests setup ----

echo "== build (Release)"
if ! dotnet build PloSolver.slnx -c Release --nologo -v q -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

# The server tests run against a real PostgreSQL 15: a throwaway cluster, stopped and deleted on exit.
echo "== PostgreSQL for the server tests"
if ! pg_env=$(scripts/pg-test.sh start); then
  echo "test.sh: could not start PostgreSQL (scripts/pg-test.sh)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
eval "$pg_env"
trap 'scripts/pg-test.sh stop "$PLOSOLVER_TEST_PGDIR"; rm -f "$log"' EXIT

echo "== .NET test projects"
dotnet test PloSolver.slnx -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-project summaries: "Passed!  - Failed:     0, Passed:   123, Skipped: ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed:' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
projects=$(grep -cE '(Passed|Failed)! +- Failed:' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # a project crashed or failed to run: count it, never report a clean run
fi

# The web app: Vitest, type check and build, size budget, browser tests against the Release server built above.
echo "== web app (scripts/web-test.sh)"
web_log=$(mktemp)
scripts/web-test.sh 2>&1 | tee "$web_log"
web_status=${PIPESTATUS[0]}
read -r web_passed web_failed web_skipped < <(tail -n 5 "$web_log" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1 \
  | sed -E 's/^([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\1 \2 \4/' | awk '{print $1+0, $2+0, $3+0}')
rm -f "$web_log"
web_passed=${web_passed:-0} web_failed=${web_failed:-0} web_skipped=${web_skipped:-0}
if [ "$web_status" -ne 0 ] && [ "$web_failed" -eq 0 ]; then
  web_failed=1 # the web suite failed without saying how many: count it
fi
passed=$((passed + web_passed)) failed=$((failed + web_failed)) skipped=$((skipped + web_skipped))

echo
echo "test projects: $projects .NET + the web app"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
