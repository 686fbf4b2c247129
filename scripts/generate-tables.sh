#!/usr/bin/env bash
# Regenerates the engine's embedded resources from first principles; the test suite fails until a resource
# matches its generator.
#   scripts/generate-tables.sh                  lookup tables (src/PloSolver.Engine/Tables/*.bin), seconds
#   scripts/generate-tables.sh --ranking GAME   preflop ranking behind N% ranges (plo4: minutes, plo5: longer)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--ranking" ]; then
  game=${2:?usage: scripts/generate-tables.sh --ranking plo4|plo5}
  PLOSOLVER_WRITE_RANKING=$game dotnet test tests/PloSolver.Engine.Tests -c Release \
    --filter "FullyQualifiedName~PreflopRankingResourceTests" --nologo -v q
  ls -l src/PloSolver.Engine/Ranges/preflop-ranking-*.bin
else
  PLOSOLVER_WRITE_TABLES=1 dotnet test tests/PloSolver.Engine.Tests --filter "FullyQualifiedName~TableResourceTests" --nologo -v q
  ls -l src/PloSolver.Engine/Tables/*.bin
fi
# Resources are embedded at build time: rebuild so the next run checks the new files.
dotnet build src/PloSolver.Engine -c Release --nologo -v q >/dev/null
