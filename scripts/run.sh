#!/usr/bin/env bash
# Runs PLOSolver. At this stage the product is the `plosolver` command line: with no arguments it shows a
# worked example (a published reference spot) and the usage; any arguments go to plosolver itself, e.g.
#   scripts/run.sh equity AsKsQhJh 7c8c9d6d --board Qs7h2d
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 2
fi
cli=$(scripts/publish-cli.sh)
if [ "$#" -eq 0 ]; then
  echo "\$ plosolver equity AsKsQhJh 7c8c9d6d"
  "$cli" equity AsKsQhJh 7c8c9d6d
  echo
  exec "$cli" --help
fi
exec "$cli" "$@"
