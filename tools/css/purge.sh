#!/usr/bin/env bash
# Regenerates (or with --check, verifies) src/PatientExperience.Web/wwwroot/css/bootstrap.used.min.css: Bootstrap's CSS
# cut to what the pages use, with purgecss pinned by package-lock.json. Needs Node.js and the npm registry.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
node purge.mjs "$@"
