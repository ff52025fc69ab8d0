#!/usr/bin/env bash
# The booking race: 200 signed-in patients post 10 slots at once (about 20 per slot).
#
# Starts the portal (Release build, Development environment so it seeds the demo clinic) on 127.0.0.1 against a
# fresh SQLite file in a temporary folder, runs benchmarks/PatientExperience.LoadTest against it, then stops the
# portal it started. Nothing else is started; nothing is written inside the repository but build output.
#
#   benchmarks/load/booking-race.sh                      # 200 clients, 10 slots, port 5391
#   PORT=5400 CLIENTS=400 SLOTS=20 benchmarks/load/booking-race.sh
#   KEEP=1 benchmarks/load/booking-race.sh               # keep the temp folder (database, portal log, emails)
#
# Exit status: 0 when exactly one booking per slot was made and every other client got the friendly 409.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-5391}
CLIENTS=${CLIENTS:-200}
SLOTS=${SLOTS:-10}
TIMEOUT=${TIMEOUT:-300}
base="http://127.0.0.1:$PORT"

if curl -s -o /dev/null --max-time 2 "$base/"; then
  echo "Something already answers on $base: choose another PORT." >&2
  exit 2
fi

echo "Building (Release)..."
dotnet build -c Release -nologo -v q src/PatientExperience.Web/PatientExperience.Web.csproj
dotnet build -c Release -nologo -v q benchmarks/PatientExperience.LoadTest/PatientExperience.LoadTest.csproj

work=$(mktemp -d "${TMPDIR:-/tmp}/pe-booking-race.XXXXXX")
portal=""
cleanup() {
  if [ -n "$portal" ] && kill -0 "$portal" 2>/dev/null; then
    kill "$portal" 2>/dev/null || true
    wait "$portal" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = "1" ]; then echo "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "Starting the portal on $base (database $work/portal.db)..."
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__PatientExperience="Data Source=$work/portal.db" \
Email__PickupDirectory="$work/mail" \
Logging__File__Path="$work/logs/portal-.log" \
  dotnet src/PatientExperience.Web/bin/Release/net10.0/PatientExperience.Web.dll \
    --urls "$base" --contentRoot "$PWD/src/PatientExperience.Web" >"$work/portal.out" 2>&1 &
portal=$!

# Migrate, seed the demo clinic, listen: at most two minutes.
for _ in $(seq 120); do
  if curl -fs -o /dev/null --max-time 2 "$base/health"; then break; fi
  if ! kill -0 "$portal" 2>/dev/null; then echo "The portal stopped:" >&2; tail -40 "$work/portal.out" >&2; exit 1; fi
  sleep 1
done
curl -fs -o /dev/null --max-time 5 "$base/health" || { echo "The portal did not become healthy in 120 s." >&2; tail -40 "$work/portal.out" >&2; exit 1; }
echo "Portal is up."

status=0
dotnet benchmarks/PatientExperience.LoadTest/bin/Release/net10.0/PatientExperience.LoadTest.dll \
  --base-url "$base" --db "$work/portal.db" --clients "$CLIENTS" --slots "$SLOTS" --timeout "$TIMEOUT" || status=$?

warnings=$(grep -cE '\] (WRN|ERR|FTL) ' "$work/portal.out" || true)
echo "Portal log: $warnings warning/error lines"
grep -E '\] (ERR|FTL) ' "$work/portal.out" | head -5 || true
exit "$status"
