#!/usr/bin/env bash
# Regenerates (or with --check, verifies) src/PatientExperience.Web/wwwroot/css/portal.css, the portal's one stylesheet:
# Bootstrap's CSS cut to what the pages use (purgecss, pinned by package-lock.json), then Styles/site.css. Run it after
# editing Styles/site.css too. Needs Node.js and the npm registry.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
node purge.mjs "$@"
