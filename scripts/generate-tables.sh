#!/usr/bin/env bash
# Regenerates the engine's embedded lookup tables (src/PloSolver.Engine/Tables/*.bin) from first
# principles. Run after changing how hand values are numbered; the test suite fails until the resource matches.
set -euo pipefail
cd "$(dirname "$0")/.."
PLOSOLVER_WRITE_TABLES=1 dotnet test tests/PloSolver.Engine.Tests --filter "FullyQualifiedName~TableResourceTests" --nologo -v q
# The resource is embedded at build time: rebuild so the next run checks the new file.
dotnet build src/PloSolver.Engine --nologo -v q >/dev/null
ls -l src/PloSolver.Engine/Tables/*.bin
