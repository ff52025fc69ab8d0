#!/usr/bin/env bash
# Makes the 10x file from a generated one: every appointment, survey invitation, response, answer and complaint copied
# nine more times in SQL, then every rollup rebuilt by the generator (--appointments 0).
# Copy k (1..9) of a row gets Id + k × (largest Id), so the links between the copies stay inside copy k (invitation k
# → appointment k, answer k → response k, service-recovery case k → response k) and "one invitation per appointment",
# "one answer per question per response", "one case per response" stay true. Unique text columns get "-k" appended
# (calendar UIDs, complaint references, token hashes). Seen times move 0-19 minutes so the wait histograms differ.
# SQLite copies rows in C, far faster than the row-by-row generator on this shared machine.
# Usage: benchmarks/dashboard/scale10x.sh /tmp/pe-1m.db /tmp/pe-10m.db   (COPY_ONLY=1: copy rows, skip the rollups)
set -euo pipefail
SRC="$1"
DST="$2"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
rm -f "$DST" "$DST-wal" "$DST-shm"
sqlite3 "$SRC" "PRAGMA wal_checkpoint(TRUNCATE);"
cp "$SRC" "$DST"
PRAGMAS="PRAGMA synchronous=OFF; PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY;"

cols() { sqlite3 "$DST" "SELECT group_concat('\"' || name || '\"', ',') FROM pragma_table_info('$1') WHERE name NOT IN ($2);"; }
maxid() { sqlite3 "$DST" "SELECT coalesce(max(Id), 0) FROM \"$1\";"; }

A=$(maxid Appointments); I=$(maxid SurveyInvitations); R=$(maxid SurveyResponses); N=$(maxid SurveyAnswers); C=$(maxid Complaints)
echo "largest ids: appointments $A, invitations $I, responses $R, answers $N, complaints $C"

APPT=$(cols Appointments "'Id','CalendarUid','SeenAtUtc'")
INV=$(cols SurveyInvitations "'Id','AppointmentId','TokenHash','ReminderTokenHash'")
RESP=$(cols SurveyResponses "'Id','InvitationId','AppointmentId'")
ANS=$(cols SurveyAnswers "'Id','ResponseId'")
COMP=$(cols Complaints "'Id','Reference','AppointmentId','SurveyResponseId'")

for k in 1 2 3 4 5 6 7 8 9; do
  start=$(date +%s)
  sqlite3 "$DST" "$PRAGMAS
    BEGIN;
    INSERT INTO Appointments (\"Id\", $APPT, \"CalendarUid\", \"SeenAtUtc\")
    SELECT Id + $k * $A, $APPT, CalendarUid || '-$k',
           CASE WHEN SeenAtUtc IS NULL THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%S', SeenAtUtc, '+' || (abs(random()) % 20) || ' minutes') END
    FROM Appointments WHERE Id <= $A ORDER BY Id;
    INSERT INTO SurveyInvitations (\"Id\", $INV, \"AppointmentId\", \"TokenHash\", \"ReminderTokenHash\")
    SELECT Id + $k * $I, $INV, AppointmentId + $k * $A,
           CASE WHEN TokenHash IS NULL THEN NULL ELSE TokenHash || '-$k' END,
           CASE WHEN ReminderTokenHash IS NULL THEN NULL ELSE ReminderTokenHash || '-$k' END
    FROM SurveyInvitations WHERE Id <= $I ORDER BY Id;
    INSERT INTO SurveyResponses (\"Id\", $RESP, \"InvitationId\", \"AppointmentId\")
    SELECT Id + $k * $R, $RESP, InvitationId + $k * $I, AppointmentId + $k * $A
    FROM SurveyResponses WHERE Id <= $R ORDER BY Id;
    INSERT INTO SurveyAnswers (\"Id\", $ANS, \"ResponseId\")
    SELECT Id + $k * $N, $ANS, ResponseId + $k * $R
    FROM SurveyAnswers WHERE Id <= $N ORDER BY Id;
    INSERT INTO Complaints (\"Id\", $COMP, \"Reference\", \"AppointmentId\", \"SurveyResponseId\")
    SELECT Id + $k * $C, $COMP, Reference || '-$k',
           CASE WHEN AppointmentId IS NULL THEN NULL ELSE AppointmentId + $k * $A END,
           CASE WHEN SurveyResponseId IS NULL THEN NULL ELSE SurveyResponseId + $k * $R END
    FROM Complaints WHERE Id <= $C ORDER BY Id;
    COMMIT;
    PRAGMA wal_checkpoint(TRUNCATE);"
  echo "copy $k done in $(( $(date +%s) - start )) s"
done

[ "${COPY_ONLY:-0}" = 1 ] && { echo "copied; rollups not rebuilt (COPY_ONLY=1)"; exit 0; }

# Every rollup (appointments, surveys, complaints) rebuilt from the copied rows; --appointments 0 adds no rows.
start=$(date +%s)
dotnet "$ROOT/tools/PatientExperience.DataGenerator/bin/Release/net10.0/PatientExperience.DataGenerator.dll" --db "$DST" --appointments 0
echo "rollups rebuilt in $(( $(date +%s) - start )) s"
sqlite3 "$DST" "SELECT 'appointments', count(*) FROM Appointments; SELECT 'invitations', count(*) FROM SurveyInvitations;
  SELECT 'responses', count(*) FROM SurveyResponses; SELECT 'answers', count(*) FROM SurveyAnswers; SELECT 'complaints', count(*) FROM Complaints;
  SELECT 'appointment rollup rows', count(*) FROM AppointmentRollups; SELECT 'survey rollup rows', count(*) FROM SurveyRollups;
  SELECT 'complaint rollup rows', count(*) FROM ComplaintRollups;"
