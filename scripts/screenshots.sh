#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png (the README shows them): builds web/ when needed, then drives Chromium
# against the real server (PLOSOLVER_URL, or this repository's server built in Release).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d web/node_modules ] || (cd web && npm ci --no-audit --no-fund --loglevel=error)
(cd web && npm run build --silent)
exec node tests/e2e/screenshots.mjs
