#!/usr/bin/env bash
# Measures the full /dashboard request against a generated database (docs/performance.md).
# Usage: benchmarks/dashboard/measure.sh /tmp/pe-load-500k.db [port]
# WEB_DLL=path/to/PatientExperience.Web.dll or CONFIG=Debug run another build; QUERIES="..." other filters.
# Needs: a Release build of src/PatientExperience.Web (dotnet build -c Release src/PatientExperience.Web), wrk, curl.
set -euo pipefail
DB="$1"
PORT="${2:-5300}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BASE="http://127.0.0.1:$PORT"
JAR="$(mktemp)"
LOG="$(mktemp)"

# Development only for plain-HTTP cookies (no dev certificate here); the build is Release, request logging off.
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__PatientExperience="Data Source=$DB" \
DemoData__Enabled=false Email__DispatcherEnabled=false Booking__RemindersEnabled=false Jobs__Waitlist__Enabled=false Dashboard__RollupSweepEnabled=false \
Logging__File__Enabled=false Serilog__MinimumLevel__Default=Warning Logging__LogLevel__Default=Warning \
dotnet "${WEB_DLL:-$ROOT/src/PatientExperience.Web/bin/${CONFIG:-Release}/net10.0/PatientExperience.Web.dll}" --urls "$BASE" --contentRoot "$ROOT/src/PatientExperience.Web" >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -f "$JAR"' EXIT
# Up to 15 minutes: the first start on a file applies new migrations and back-fills empty rollups.
for _ in $(seq 1 900); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done

# Sign in as the demo manager.
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//' | head -1)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "__RequestVerificationToken=$TOKEN" \
  --data-urlencode "Email=manager@demo.test" --data-urlencode "Password=Demo!Passw0rd2026" "$BASE/account/login"
COOKIE=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7}' "$JAR"; awk '/^#HttpOnly_/ {printf "%s=%s; ", $6, $7}' "$JAR")
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/dashboard")
echo "GET /dashboard as manager: HTTP $code"
[ "$code" = "200" ] || { cat "$LOG"; exit 1; }

PAGE=$(curl -s -H "Cookie: $COOKIE" "$BASE/dashboard")
DEPT=$(echo "$PAGE" | sed -n '/id="department"/,/<\/select>/p' | grep -o 'value="[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*')
CLIN=$(echo "$PAGE" | sed -n '/id="clinician"/,/<\/select>/p' | grep -o 'value="[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*')
SVC=$(echo "$PAGE" | sed -n '/id="service"/,/<\/select>/p' | grep -o 'value="[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*')
FROM=$(date -d '-200 days' +%F); TO=$(date -d '-3 days' +%F)
QUERIES=${QUERIES:-"period=30 period=90 period=365 period=365&trend=week period=365&department=$DEPT period=365&clinician=$CLIN period=365&service=$SVC period=custom&from=$FROM&to=$TO&sort=operations-by-clinician.median&dir=desc"}
LUA="$ROOT/benchmarks/dashboard/p95.lua"
measure() {
  local url="$1"
  curl -s -o /dev/null -H "Cookie: $COOKIE" "$url"                      # first request (JIT, caches)
  wrk -t1 -c4 -d2s -H "Cookie: $COOKIE" "$url" >/dev/null               # warm-up
  echo "  one at a time (wrk -t1 -c1 -d5s): $(wrk -t1 -c1 -d5s -s "$LUA" -H "Cookie: $COOKIE" "$url" | tail -1)"
  echo "  four at once  (wrk -t2 -c4 -d5s): $(wrk -t2 -c4 -d5s -s "$LUA" -H "Cookie: $COOKIE" "$url" | tail -1)"
}
# Reference: a small staff page on the same server at the same moment (how loaded the machine is).
echo "== reference: /manager"
measure "$BASE/manager"
QUERIES=${QUERIES:-"period=30 period=90 period=365 period=365&trend=week period=365&department=$DEPT period=365&clinician=$CLIN period=365&service=$SVC period=custom&from=$FROM&to=$TO&sort=operations-by-clinician.median&dir=desc"}
for q in $QUERIES; do
  echo "== /dashboard?$q"
  measure "$BASE/dashboard?$q"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
