#!/bin/bash
# Usage: benchmarks/dashboard/writeprobe.sh WEB_DLL CONTENT_ROOT LABEL (needs /tmp/perf/pe-1m-v2.db from the data generator) — empties two rollup tables of a copy of the 1x database, starts the portal
# on it (the background build starts), and while the build runs takes the write lock once a second as another writer would
# (sqlite3 .timeout 30000: BEGIN IMMEDIATE; COMMIT), printing how long each wait took.
DLL=$1; ROOT=$2; LABEL=$3; DB=/tmp/perf/probe.db; LOG=/tmp/perf/probe-$LABEL.log
cp /tmp/perf/pe-1m-v2.db $DB && sqlite3 $DB "DELETE FROM SurveyRollups; DELETE FROM AppointmentRollups;"
env ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__PatientExperience="Data Source=$DB" DemoData__Enabled=false \
  Email__DispatcherEnabled=false Booking__RemindersEnabled=false Jobs__Waitlist__Enabled=false Logging__File__Enabled=false \
  dotnet $DLL --urls "http://127.0.0.1:5098" --contentRoot $ROOT > $LOG 2>&1 &
APP=$!
for _ in $(seq 1 600); do curl -fs http://127.0.0.1:5098/health >/dev/null 2>&1 && break; sleep 0.5; done
waits=()
while ! grep -q "Built SurveyRollups" $LOG; do
  s=$(date +%s%N); sqlite3 -cmd ".timeout 30000" $DB "BEGIN IMMEDIATE; COMMIT;" >/dev/null 2>&1 || echo "probe failed" >> $LOG
  e=$(date +%s%N); waits+=($(( (e-s)/1000000 ))); sleep 1
done
kill $APP; wait $APP 2>/dev/null
printf '%s\n' "${waits[@]}" | sort -n | awk -v label=$LABEL '{a[NR]=$1} END {printf "%s: %d probes, median %d ms, p95 %d ms, max %d ms\n", label, NR, a[int(NR*0.5)+1], a[int(NR*0.95)+1], a[NR]}'
grep -E "Built|ERR|probe failed" $LOG | cut -c1-160
