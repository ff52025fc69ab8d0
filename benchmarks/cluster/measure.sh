#!/usr/bin/env bash
# Booking race and page latency for three set-ups, side by side in one run, each beside its floor:
#   1. SQLite, one instance              floor: single-row INSERT transactions on a SQLite file in WAL mode (python3's sqlite3)
#   2. PostgreSQL, one instance          floor: pgbench, single-row INSERT transactions, 16 clients
#   3. PostgreSQL, three instances behind nginx (deploy/cluster/run.sh)   same floor
# The race is benchmarks/PatientExperience.LoadTest: 200 signed-in patients post 10 slots at once through the real pages
# (Release build, Development environment for the demo clinic). Rate limits are off here (RateLimits__Enabled=false):
# all 200 clients come from 127.0.0.1, and what is measured is the booking pipeline, not the limiter.
# Pages: wrk -t2 -c32 on the home page, p50/p95/p99 from wrk's own histogram.
#
#   benchmarks/cluster/measure.sh            needs PostgreSQL on 127.0.0.1:$PE_PG_PORT (55432), nginx, wrk, sqlite3, python3
#   CLIENTS=400 SLOTS=20 DURATION=20 benchmarks/cluster/measure.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
PG_PORT=${PE_PG_PORT:-55432}
CLIENTS=${CLIENTS:-200}
SLOTS=${SLOTS:-10}
DURATION=${DURATION:-10}
export RateLimits__Enabled=false DOTNET_CLI_TELEMETRY_OPTOUT=1
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"; }
for tool in wrk pgbench psql python3 nginx; do command -v "$tool" >/dev/null || { echo "measure.sh needs $tool" >&2; exit 2; }; done

work=$(mktemp -d "${TMPDIR:-/tmp}/pe-measure.XXXXXX")
portal=""
cleanup() {
  [ -n "$portal" ] && kill "$portal" 2>/dev/null && wait "$portal" 2>/dev/null || true
  PE_CLUSTER_DIR="$work/cluster" PE_PG_PORT=$PG_PORT deploy/cluster/run.sh stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== Building (Release)"
dotnet build -c Release -nologo -v q src/PatientExperience.Web/PatientExperience.Web.csproj
dotnet build -c Release -nologo -v q benchmarks/PatientExperience.LoadTest/PatientExperience.LoadTest.csproj
cat >"$work/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("pages: %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

race() { # base-url db
  dotnet benchmarks/PatientExperience.LoadTest/bin/Release/net10.0/PatientExperience.LoadTest.dll \
    --base-url "$1" --db "$2" --clients "$CLIENTS" --slots "$SLOTS" --timeout 300 >"$work/race.out" 2>&1 || { cat "$work/race.out"; return 1; }
  grep -E "bookings made|friendly refusals|errors:|elapsed|throughput|latency:" "$work/race.out" | sed 's/^ */  race /'
}
pages() { # base-url
  wrk -t2 -c4 -d3s "$1/" >/dev/null  # warm-up
  wrk -t2 -c32 -d"${DURATION}s" -s "$work/p95.lua" "$1/" | grep '^pages:' | sed 's/^/  /'
}
wait_ready() { # base-url
  for _ in $(seq 180); do curl -fs -o /dev/null --max-time 2 "$1/health/ready" && return 0; sleep 1; done
  echo "not ready: $1" >&2; return 1
}

echo "== Floors"
python3 - "$work/floor.db" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)")
n, start = 0, time.perf_counter()
while time.perf_counter() - start < 5:
    db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO t (v) VALUES (1)"); db.execute("COMMIT"); n += 1
print(f"  sqlite floor: {n / (time.perf_counter() - start):.0f} single-row transactions/s (WAL, synchronous=FULL, one writer)")
PY
psql_admin -c "DROP DATABASE IF EXISTS pe_floor" -c "CREATE DATABASE pe_floor"
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d pe_floor -c "CREATE TABLE t (id bigserial PRIMARY KEY, v int)"
echo 'INSERT INTO t (v) VALUES (1);' >"$work/insert.sql"
pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 16 -j 2 -T "$DURATION" -f "$work/insert.sql" pe_floor 2>/dev/null \
  | grep -E "^tps" | sed 's/^/  postgresql floor (pgbench, 16 clients, single-row INSERT): /'
psql_admin -c "DROP DATABASE pe_floor"

one_instance() { # name provider connection
  local base=http://127.0.0.1:5397
  ( cd src/PatientExperience.Web && ASPNETCORE_ENVIRONMENT=Development exec dotnet bin/Release/net10.0/PatientExperience.Web.dll \
      --urls "$base" --Database:Provider="$2" "--ConnectionStrings:PatientExperience=$3" \
      "--Email:PickupDirectory=$work/mail" "--Logging:File:Path=$work/logs/$1-.log" ) >"$work/$1.out" 2>&1 &
  portal=$!
  wait_ready "$base"
  echo "== $1"
  race "$base" "$4"
  pages "$base"
  kill "$portal"; wait "$portal" 2>/dev/null || true; portal=""
}

one_instance "SQLite, one instance" Sqlite "Data Source=$work/portal.db" "$work/portal.db"
psql_admin -c "DROP DATABASE IF EXISTS pe_measure WITH (FORCE)"
one_instance "PostgreSQL, one instance" PostgreSql "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=pe_measure" \
  "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=pe_measure"
psql_admin -c "DROP DATABASE IF EXISTS pe_measure WITH (FORCE)"

echo "== PostgreSQL, three instances behind nginx"
PE_CLUSTER_DIR="$work/cluster" PE_CLUSTER_PORT=8097 PE_PG_PORT=$PG_PORT PE_CLUSTER_DB=pe_measure deploy/cluster/run.sh start --fresh >"$work/cluster.out" 2>&1 \
  || { cat "$work/cluster.out"; exit 1; }
race http://127.0.0.1:8097 "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=pe_measure"
pages http://127.0.0.1:8097
PE_CLUSTER_DIR="$work/cluster" PE_PG_PORT=$PG_PORT deploy/cluster/run.sh stop >/dev/null
psql_admin -c "DROP DATABASE IF EXISTS pe_measure WITH (FORCE)"
