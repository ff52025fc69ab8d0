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
#   WEB_DLL=/tmp/other/PatientExperience.Web.dll NO_BUILD=1 benchmarks/load/booking-race.sh   # race another build
#   START_TIMEOUT=300 (seconds for migrations and the demo seed; a loaded machine needs more than the default 180)
#
# Rate limits stay on as shipped. Each client sends its own X-Forwarded-For address, and the portal is told to trust that
# header from 127.0.0.1 only (ForwardedHeaders__KnownProxies), as it would behind the clinic's proxy: every patient then
# has their own sign-in and booking allowance, and nobody can pick an address from outside.
# Before the race it measures the floor on the same disk: single-row SQLite transactions (WAL, synchronous=FULL, one
# writer, 5 s), and prints the race's POSTs/s as a share of it.
#
# Exit status: 0 when exactly one booking per slot was made and every other client got the friendly 409.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-5391}
CLIENTS=${CLIENTS:-200}
SLOTS=${SLOTS:-10}
TIMEOUT=${TIMEOUT:-300}
START_TIMEOUT=${START_TIMEOUT:-180}
WEB_DLL=${WEB_DLL:-src/PatientExperience.Web/bin/Release/net10.0/PatientExperience.Web.dll}
base="http://127.0.0.1:$PORT"

if curl -s -o /dev/null --max-time 2 "$base/"; then
  echo "Something already answers on $base: choose another PORT." >&2
  exit 2
fi

if [ "${NO_BUILD:-0}" != "1" ]; then
  echo "Building (Release)..."
  dotnet build -c Release -nologo -v q src/PatientExperience.Web/PatientExperience.Web.csproj
  dotnet build -c Release -nologo -v q benchmarks/PatientExperience.LoadTest/PatientExperience.LoadTest.csproj
fi

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

echo "Floor: single-row SQLite transactions on $work (5 s)..."
floor=$(python3 - "$work/floor.db" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL"); db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)")
n, start = 0, time.perf_counter()
while time.perf_counter() - start < 5:
    db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO t (v) VALUES (1)"); db.execute("COMMIT"); n += 1
print(f"{n / (time.perf_counter() - start):.0f}")
PY
)
rm -f "$work"/floor.db*
echo "  floor: $floor single-row transactions/s"

echo "Starting the portal on $base (database $work/portal.db)..."
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__PatientExperience="Data Source=$work/portal.db" \
ForwardedHeaders__KnownProxies=127.0.0.1 \
Email__PickupDirectory="$work/mail" \
Logging__File__Path="$work/logs/portal-.log" \
  dotnet "$WEB_DLL" \
    --urls "$base" --contentRoot "$PWD/src/PatientExperience.Web" >"$work/portal.out" 2>&1 &
portal=$!

# Migrate, seed the demo clinic, listen: at most START_TIMEOUT seconds.
for _ in $(seq "$START_TIMEOUT"); do
  if curl -fs -o /dev/null --max-time 2 "$base/health"; then break; fi
  if ! kill -0 "$portal" 2>/dev/null; then echo "The portal stopped:" >&2; tail -40 "$work/portal.out" >&2; exit 1; fi
  sleep 1
done
curl -fs -o /dev/null --max-time 5 "$base/health" || { echo "The portal did not become healthy in $START_TIMEOUT s." >&2; tail -40 "$work/portal.out" >&2; exit 1; }
echo "Portal is up."

status=0
dotnet benchmarks/PatientExperience.LoadTest/bin/Release/net10.0/PatientExperience.LoadTest.dll \
  --base-url "$base" --db "$work/portal.db" --clients "$CLIENTS" --slots "$SLOTS" --timeout "$TIMEOUT" | tee "$work/race.out" || status=$?
rate=$(sed -nE 's/^ +throughput: +([0-9.]+) requests\/s.*/\1/p' "$work/race.out")
if [ -n "$rate" ] && [ -n "$floor" ]; then
  echo "Booking POSTs: $rate/s against a floor of $floor transactions/s: $(python3 -c "print(f'{100 * $rate / $floor:.1f}')")% of the floor"
fi

# The portal's own time for each booking POST (its request log), beside the clients' view: a gap between the two is time
# spent outside the portal's pipeline (the client, the kernel, Kestrel's queue).
python3 - "$work/portal.out" <<'PY'
import re, sys
ms = sorted(float(m) for m in re.findall(r"HTTP POST /appointments/book responded \d+ in ([0-9.]+) ms", open(sys.argv[1]).read()))
if ms:
    at = lambda p: ms[min(len(ms) - 1, max(0, -(-int(p * len(ms) * 1000) // 1000) - 1))]
    print(f"Portal's own time per booking POST ({len(ms)}): min {ms[0]:.0f} ms, p50 {at(0.5):.0f} ms, p95 {at(0.95):.0f} ms, max {ms[-1]:.0f} ms")
PY

warnings=$(grep -cE ' (WRN|ERR|FTL)\] ' "$work/portal.out" || true)
echo "Portal log: $warnings warning/error lines"
grep -E ' (ERR|FTL)\] ' "$work/portal.out" | head -5 || true
exit "$status"
