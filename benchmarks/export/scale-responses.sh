#!/usr/bin/env bash
# Grows a demo database to about N survey responses for the bulk-export measurement (issue 20).
# Every answered visit (appointment, survey invitation, response and its answers) is copied K times in SQL, where
# K = ceil(N / responses already there). Copy k of a row gets Id + k × (largest Id), so the copies link only to each
# other: "one invitation per appointment", "one response per invitation" and "one answer per question per response"
# stay true. Unique text columns get "-k" appended (calendar UIDs, token hashes). Patients, clinicians, services and
# questionnaire versions are shared, as a clinic with more visits would share them. No rollup is touched (the export
# reads the rows, not the figures).
# Usage: benchmarks/export/scale-responses.sh /tmp/demo.db /tmp/pe-1m-responses.db [N=1000000]
set -euo pipefail
SRC="$1"
DST="$2"
N=${3:-1000000}
rm -f "$DST" "$DST-wal" "$DST-shm"
sqlite3 "$SRC" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
cp "$SRC" "$DST"
PRAGMAS="PRAGMA synchronous=OFF; PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY;"

cols() { sqlite3 "$DST" "SELECT group_concat('\"' || name || '\"', ',') FROM pragma_table_info('$1') WHERE name NOT IN ($2);"; }
maxid() { sqlite3 "$DST" "SELECT coalesce(max(Id), 0) FROM \"$1\";"; }

A=$(maxid Appointments); I=$(maxid SurveyInvitations); R=$(maxid SurveyResponses); Q=$(maxid SurveyAnswers)
have=$(sqlite3 "$DST" "SELECT count(*) FROM SurveyResponses;")
[ "$have" -gt 0 ] || { echo "no survey responses in $SRC: start the demo first" >&2; exit 2; }
K=$(( (N - have + have - 1) / have ))
echo "responses $have; copies $K; largest ids: appointments $A, invitations $I, responses $R, answers $Q"

APPT=$(cols Appointments "'Id','CalendarUid','CheckInTokenHash'")
INV=$(cols SurveyInvitations "'Id','AppointmentId','TokenHash','ReminderTokenHash','TextTokenHash'")
RESP=$(cols SurveyResponses "'Id','InvitationId','AppointmentId'")
ANS=$(cols SurveyAnswers "'Id','ResponseId'")
sqlite3 "$DST" "CREATE TABLE ScaleAnswered AS SELECT AppointmentId FROM SurveyResponses;"

k=1
while [ $k -le $K ]; do
  last=$(( k + 49 > K ? K : k + 49 ))
  start=$(date +%s)
  sqlite3 "$DST" "$PRAGMAS
    BEGIN;
    WITH RECURSIVE ks(k) AS (SELECT $k UNION ALL SELECT k + 1 FROM ks WHERE k < $last)
    INSERT INTO Appointments (\"Id\", $APPT, \"CalendarUid\", \"CheckInTokenHash\")
    SELECT a.Id + ks.k * $A, $APPT, a.CalendarUid || '-' || ks.k, NULL
    FROM ks, Appointments a WHERE a.Id IN (SELECT AppointmentId FROM ScaleAnswered) ORDER BY ks.k, a.Id;
    WITH RECURSIVE ks(k) AS (SELECT $k UNION ALL SELECT k + 1 FROM ks WHERE k < $last)
    INSERT INTO SurveyInvitations (\"Id\", $INV, \"AppointmentId\", \"TokenHash\", \"ReminderTokenHash\", \"TextTokenHash\")
    SELECT i.Id + ks.k * $I, $INV, i.AppointmentId + ks.k * $A, NULL, NULL, NULL
    FROM ks, SurveyInvitations i WHERE i.AppointmentId IN (SELECT AppointmentId FROM ScaleAnswered) ORDER BY ks.k, i.Id;
    WITH RECURSIVE ks(k) AS (SELECT $k UNION ALL SELECT k + 1 FROM ks WHERE k < $last)
    INSERT INTO SurveyResponses (\"Id\", $RESP, \"InvitationId\", \"AppointmentId\")
    SELECT r.Id + ks.k * $R, $RESP, r.InvitationId + ks.k * $I, r.AppointmentId + ks.k * $A
    FROM ks, SurveyResponses r WHERE r.Id <= $R ORDER BY ks.k, r.Id;
    WITH RECURSIVE ks(k) AS (SELECT $k UNION ALL SELECT k + 1 FROM ks WHERE k < $last)
    INSERT INTO SurveyAnswers (\"Id\", $ANS, \"ResponseId\")
    SELECT s.Id + ks.k * $Q, $ANS, s.ResponseId + ks.k * $R
    FROM ks, SurveyAnswers s WHERE s.Id <= $Q ORDER BY ks.k, s.Id;
    COMMIT;"
  echo "copies $k-$last done in $(( $(date +%s) - start )) s"
  k=$(( last + 1 ))
done
sqlite3 "$DST" "DROP TABLE ScaleAnswered; PRAGMA wal_checkpoint(TRUNCATE);
  SELECT 'appointments', count(*) FROM Appointments; SELECT 'invitations', count(*) FROM SurveyInvitations;
  SELECT 'responses', count(*) FROM SurveyResponses; SELECT 'answers', count(*) FROM SurveyAnswers;"
