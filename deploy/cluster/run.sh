#!/usr/bin/env bash
# The portal as a cluster on this machine: PostgreSQL, three instances on 127.0.0.1:5401-5403 and nginx in front.
#
#   deploy/cluster/run.sh start [--no-build] [--fresh]   publish (if the sources changed), start, wait until ready
#   deploy/cluster/run.sh stop                           stop the instances, nginx, and PostgreSQL if this script started it
#   deploy/cluster/run.sh status                         what runs, and whether each instance is ready
#
# --no-build   use the app already published in $PE_CLUSTER_DIR/app
# --fresh      drop the database first, so the three instances start together on an empty one
#
# Environment: PE_CLUSTER_DIR (/tmp/pe-cluster), PE_CLUSTER_PORT (8080), PE_PG_PORT (55432),
# PE_CLUSTER_DB (pe_cluster). See docs/deploy.md.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="${PE_CLUSTER_DIR:-/tmp/pe-cluster}"
PORT="${PE_CLUSTER_PORT:-8080}"
PG_PORT="${PE_PG_PORT:-55432}"
DB="${PE_CLUSTER_DB:-pe_cluster}"
PG_BIN="${PE_PG_BIN:-/usr/lib/postgresql/15/bin}"
INSTANCES=(a:5401 b:5402 c:5403)
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DB"
READY_SECONDS="${PE_CLUSTER_READY_SECONDS:-300}"

say() { printf '%s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# The process in the pid file runs (a killed one left unreaped as a zombie does not count).
alive() {
    [[ -f "$1" ]] || return 1
    local pid
    pid="$(cat "$1")"
    kill -0 "$pid" 2>/dev/null && [[ "$(ps -o stat= -p "$pid" 2>/dev/null)" != Z* ]]
}

pg_listening() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }

psql_admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"; }

# A digest of the sources the app is built from: HEAD, uncommitted changes and new files under src/.
source_digest() {
    {
        git -C "$REPO" rev-parse HEAD
        git -C "$REPO" diff HEAD -- src Directory.Build.props Directory.Packages.props
        git -C "$REPO" ls-files --others --exclude-standard -- src | sort | while read -r f; do
            printf '%s\n' "$f"; cat "$REPO/$f"
        done
    } | sha256sum | cut -d' ' -f1
}

start_postgres() {
    if pg_listening; then
        say "PostgreSQL: reusing the server on 127.0.0.1:$PG_PORT"
        return
    fi
    local data="$DIR/pg"
    if [[ ! -f "$data/PG_VERSION" ]]; then
        say "PostgreSQL: initdb in $data"
        mkdir -p "$data"
        chown postgres:postgres "$data"
        runuser -u postgres -- "$PG_BIN/initdb" -D "$data" -A trust -U postgres --no-sync >"$DIR/pg-initdb.log"
    fi
    say "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" -l "$data/log" -o "-h 127.0.0.1 -p $PG_PORT -k $data" -w start >/dev/null
    touch "$DIR/pg.started-here"
}

publish() {
    local digest
    digest="$(source_digest)"
    if [[ -f "$DIR/app/PatientExperience.Web.dll" && "$(cat "$DIR/app/.source-digest" 2>/dev/null)" == "$digest" ]]; then
        say "App: $DIR/app is up to date"
        return
    fi
    say "App: dotnet publish (Release) to $DIR/app"
    rm -rf "$DIR/app"
    dotnet publish "$REPO/src/PatientExperience.Web" -c Release -o "$DIR/app" -v q --nologo >"$DIR/logs/publish.log" 2>&1 \
        || { tail -n 30 "$DIR/logs/publish.log" >&2; die "publish failed (log: $DIR/logs/publish.log)"; }
    printf '%s\n' "$digest" >"$DIR/app/.source-digest"
}

start_instance() {
    local name="$1" port="$2"
    # The working directory is the content root: wwwroot and appsettings*.json are found there.
    (
        cd "$DIR/app"
        ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 \
            exec dotnet "$DIR/app/PatientExperience.Web.dll" \
            --urls "http://127.0.0.1:$port" \
            --Database:Provider=PostgreSql \
            "--ConnectionStrings:PatientExperience=$CONNECTION" \
            --ForwardedHeaders:KnownProxies=127.0.0.1 \
            "--Cluster:InstanceName=$name" \
            "--Logging:File:Path=$DIR/logs/$name-.log" \
            "--Email:PickupDirectory=$DIR/mail" \
            "--Clinic:PublicBaseUrl=http://127.0.0.1:$PORT"
    ) >"$DIR/logs/$name.out" 2>&1 &
    echo $! >"$DIR/run/$name.pid"
}

wait_ready() {
    local deadline=$((SECONDS + READY_SECONDS)) pending
    while :; do
        pending=()
        for entry in "${INSTANCES[@]}"; do
            local name="${entry%%:*}" port="${entry##*:}"
            if ! alive "$DIR/run/$name.pid"; then
                tail -n 40 "$DIR/logs/$name.out" >&2
                die "instance $name exited while starting (log: $DIR/logs/$name.out); run.sh stop cleans up"
            fi
            curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/ready" || pending+=("$name")
        done
        [[ ${#pending[@]} -eq 0 ]] && return
        ((SECONDS < deadline)) || die "not ready after ${READY_SECONDS}s: ${pending[*]} (logs in $DIR/logs)"
        sleep 1
    done
}

start_nginx() {
    command -v nginx >/dev/null || die "nginx is missing: apt-get install -y nginx-light"
    mkdir -p "$DIR/nginx/tmp/body" "$DIR/nginx/tmp/proxy" "$DIR/nginx/logs"
    # Workers may run as an unprivileged user: they write request and response buffers here.
    chmod -R 0777 "$DIR/nginx/tmp"
    sed -e "s|@DIR@|$DIR|g" -e "s|@PORT@|$PORT|g" "$REPO/deploy/cluster/nginx.conf.template" >"$DIR/nginx.conf"
    nginx -q -t -c "$DIR/nginx.conf" -p "$DIR/nginx/" 2>"$DIR/nginx/test.log" || { cat "$DIR/nginx/test.log" >&2; die "nginx.conf is not valid"; }
    nginx -c "$DIR/nginx.conf" -p "$DIR/nginx/"
}

cmd_start() {
    local build=1 fresh=0
    for arg in "$@"; do
        case "$arg" in
            --no-build) build=0 ;;
            --fresh) fresh=1 ;;
            *) die "unknown option $arg (start [--no-build] [--fresh])" ;;
        esac
    done
    mkdir -p "$DIR/run" "$DIR/logs" "$DIR/mail"
    for entry in "${INSTANCES[@]}"; do
        alive "$DIR/run/${entry%%:*}.pid" && die "already running (instance ${entry%%:*}, pid $(cat "$DIR/run/${entry%%:*}.pid")): run.sh stop first"
        curl -s -o /dev/null --max-time 1 "http://127.0.0.1:${entry##*:}/" && die "port ${entry##*:} is taken by another process"
    done
    alive "$DIR/nginx/nginx.pid" && die "nginx of a previous start still runs (pid $(cat "$DIR/nginx/nginx.pid")): run.sh stop first"
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" && die "port $PORT is taken: set PE_CLUSTER_PORT"

    start_postgres
    if ((fresh)); then
        say "Database: dropping $DB"
        psql_admin -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
    fi
    if ((build)); then
        publish
    else
        [[ -f "$DIR/app/PatientExperience.Web.dll" ]] || die "--no-build, but nothing is published in $DIR/app"
    fi

    # All three at once: the first migrates and seeds under the start-up lock, the others wait for it.
    for entry in "${INSTANCES[@]}"; do
        start_instance "${entry%%:*}" "${entry##*:}"
    done
    say "Instances: a b c starting on 127.0.0.1:5401-5403 (database $DB); waiting for /health/ready"
    local started=$SECONDS
    wait_ready
    say "Instances: ready after $((SECONDS - started))s"
    start_nginx
    say ""
    say "The portal: http://127.0.0.1:$PORT  (nginx, round robin over 3 instances; X-Instance names the one that answered)"
    say "Sign in as patient@demo.test, frontdesk@, clinician@, manager@ or admin@demo.test, password Demo!Passw0rd2026"
    say "Emails: $DIR/mail   Logs: $DIR/logs   Stop: deploy/cluster/run.sh stop"
}

stop_pid() {
    local file="$1" what="$2"
    if alive "$file"; then
        local pid
        pid="$(cat "$file")"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
        say "Stopped $what (pid $pid)"
    fi
    rm -f "$file"
}

cmd_stop() {
    if alive "$DIR/nginx/nginx.pid"; then
        nginx -c "$DIR/nginx.conf" -p "$DIR/nginx/" -s quit 2>/dev/null || kill -TERM "$(cat "$DIR/nginx/nginx.pid")"
        for _ in $(seq 1 25); do alive "$DIR/nginx/nginx.pid" || break; sleep 0.2; done
        say "Stopped nginx"
    fi
    for entry in "${INSTANCES[@]}"; do
        stop_pid "$DIR/run/${entry%%:*}.pid" "instance ${entry%%:*}"
    done
    if [[ -f "$DIR/pg.started-here" ]]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null && say "Stopped PostgreSQL (started by run.sh)"
        rm -f "$DIR/pg.started-here"
    fi
}

cmd_status() {
    local running=0
    for entry in "${INSTANCES[@]}"; do
        local name="${entry%%:*}" port="${entry##*:}" state="stopped"
        if alive "$DIR/run/$name.pid"; then
            running=1
            local code
            code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/ready" || true)"
            state="pid $(cat "$DIR/run/$name.pid"), /health/ready $code"
        fi
        say "instance $name 127.0.0.1:$port: $state"
    done
    if alive "$DIR/nginx/nginx.pid"; then
        say "nginx http://127.0.0.1:$PORT: pid $(cat "$DIR/nginx/nginx.pid")"
    else
        say "nginx: stopped"
    fi
    if pg_listening; then
        say "PostgreSQL 127.0.0.1:$PG_PORT: listening$([[ -f "$DIR/pg.started-here" ]] && echo ' (started by run.sh)')"
    else
        say "PostgreSQL 127.0.0.1:$PG_PORT: not listening"
    fi
    ((running)) || return 3
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
