#!/usr/bin/env bash
# Makes the 10x file from a generated one: every appointment copied nine more times (new calendar UIDs, the
# seen time moved 0-19 minutes so waits differ), then the rollups rebuilt by the generator (--appointments 0).
# SQLite copies rows in C, far faster than the row-by-row generator on this shared machine.
# Usage: benchmarks/dashboard/scale10x.sh /tmp/pe-load-500k.db /tmp/pe-load-5m.db
set -euo pipefail
SRC="$1"
DST="$2"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
rm -f "$DST" "$DST-wal" "$DST-shm"
sqlite3 "$SRC" "PRAGMA wal_checkpoint(TRUNCATE);"
cp "$SRC" "$DST"
COLS=$(sqlite3 "$DST" "SELECT group_concat('\"' || name || '\"', ',') FROM pragma_table_info('Appointments') WHERE name NOT IN ('Id','CalendarUid','SeenAtUtc');")
MAX=$(sqlite3 "$DST" "SELECT max(Id) FROM Appointments;")
for k in 1 2 3 4 5 6 7 8 9; do
  sqlite3 "$DST" "PRAGMA synchronous=OFF; PRAGMA cache_size=-524288;
    INSERT INTO Appointments ($COLS, \"CalendarUid\", \"SeenAtUtc\")
    SELECT $COLS, CalendarUid || '-$k',
           CASE WHEN SeenAtUtc IS NULL THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%S', SeenAtUtc, '+' || (abs(random()) % 20) || ' minutes') END
    FROM Appointments WHERE Id <= $MAX;"
  echo "copy $k done"
done
dotnet "$ROOT/tools/PatientExperience.DataGenerator/bin/Release/net10.0/PatientExperience.DataGenerator.dll" --db "$DST" --appointments 0
sqlite3 "$DST" "SELECT 'appointments', count(*) FROM Appointments; SELECT 'rollup rows', count(*) FROM AppointmentRollups;"
