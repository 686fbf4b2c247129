#!/usr/bin/env bash
# Builds the shipped `plosolver` binary (Native AOT, no .NET runtime needed to run it) into artifacts/cli/,
# unless it is already newer than every source file. Prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=artifacts/cli/plosolver
if [ -x "$binary" ] && [ -z "$(find src/PloSolver.Engine src/PloSolver.Solver src/PloSolver.Cli Directory.Build.props Directory.Packages.props \
      -newer "$binary" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.bin' -o -name '*.props' \) -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]; then
  echo "$binary"
  exit 0
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/PloSolver.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/cli --nologo -v q -clp:ErrorsOnly >&2
echo "$binary"
