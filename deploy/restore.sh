#!/usr/bin/env bash
# Restores a backup taken by deploy/backup.sh into the database the portal is configured for.
#
#   deploy/restore.sh [--force] BACKUP
#
# The target is read from the same environment variables the portal reads (see deploy/lib/database-settings.sh):
# Database__Provider and ConnectionStrings__PatientExperience. Stop the portal(s) on the target before restoring, and
# start them again afterwards: the portal then checks /health against the restored data (docs/backup.md).
#
#   Sqlite      BACKUP (a SQLite file) is checked with PRAGMA integrity_check and copied into place. The target file must
#               not exist: --force replaces it (and removes its stale -wal/-shm files, which would otherwise be
#               replayed over the restored file).
#   PostgreSql  BACKUP (a pg_dump custom-format archive) is loaded with pg_restore --no-owner in one transaction. The
#               target database is created if missing (createdb); one that already holds tables is refused unless
#               --force, which restores with --clean --if-exists (drops the objects the archive holds first).
#   SqlServer   Prints RESTORE DATABASE … FROM DISK … and exits 3: no SQL Server engine runs here.
set -euo pipefail
# shellcheck source=deploy/lib/database-settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/database-settings.sh"

force=false
args=()
for arg in "$@"; do
  case $arg in
    --force) force=true ;;
    -*) args=(); break ;;
    *) args+=("$arg") ;;
  esac
done
if [[ ${#args[@]} -ne 1 ]]; then
  echo "usage: $(basename "$0") [--force] BACKUP" >&2
  echo "  restores BACKUP into the database named by Database__Provider and ConnectionStrings__PatientExperience" >&2
  exit 2
fi
backup=${args[0]}
provider=$(pe_provider) || exit 1
[[ $provider == SqlServer || -f $backup ]] || pe_die "the backup $backup does not exist"

case $provider in
  Sqlite)
    pe_require_sqlite3
    database=$(pe_sqlite_file) || exit 1
    if [[ -e $database || -e $database-wal ]]; then
      $force || pe_die "$database already exists: stop the portal and pass --force to replace it"
    fi
    check=$(sqlite3 -readonly "$backup" "PRAGMA integrity_check;" 2>&1) || pe_die "$backup is not a SQLite database: $check"
    [[ $check == ok ]] || pe_die "$backup failed its integrity check: $check"
    mkdir -p "$(dirname "$database")"
    partial=$(mktemp "$(dirname "$database")/.$(basename "$database").restore.XXXXXX")
    trap 'rm -f "$partial"' EXIT
    cp "$backup" "$partial"
    chmod 600 "$partial"
    # The old file's WAL and shared-memory index belong to the old file: left behind, SQLite would replay them over the
    # restored one.
    rm -f "$database-wal" "$database-shm" "$database-journal"
    mv -f "$partial" "$database"
    trap - EXIT
    echo "restored $backup into $database"
    ;;
  PostgreSql)
    pe_export_pg_env
    target=$PGDATABASE
    psql=$(pe_pg_tool psql) || exit 1
    pg_restore=$(pe_pg_tool pg_restore) || exit 1
    "$pg_restore" --list "$backup" >/dev/null || pe_die "$backup is not a pg_dump custom-format archive"
    # The maintenance database answers whether the target exists (PGDATABASE is overridden for that one call; psql
    # expands :'target' as a quoted literal only in what it reads, hence the query on standard input).
    exists=$(printf '%s\n' "SELECT count(*) FROM pg_database WHERE datname = :'target';" \
      | PGDATABASE=${PE_PG_MAINTENANCE_DB:-postgres} "$psql" -X -q -t -A -v ON_ERROR_STOP=1 -v target="$target" 2>&1) \
      || pe_die "cannot reach PostgreSQL on ${PGHOST:-localhost}:${PGPORT:-5432}: $exists"
    clean=()
    if [[ $exists == 0 ]]; then
      createdb=$(pe_pg_tool createdb) || exit 1
      PGDATABASE=${PE_PG_MAINTENANCE_DB:-postgres} "$createdb" "$target" || pe_die "createdb $target failed"
      echo "created the database $target"
    else
      objects=$("$psql" -X -q -t -A -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
          AND n.nspname NOT LIKE 'pg\_temp%' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')")
      if [[ $objects != 0 ]]; then
        $force || pe_die "the database $target is not empty ($objects tables, views and sequences): stop the portal and pass --force to replace its contents"
        clean=(--clean --if-exists)
      fi
    fi
    # --no-owner: the objects belong to the user restoring, whoever owned them on the source server.
    "$pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction "${clean[@]}" --dbname="$target" "$backup" \
      || pe_die "pg_restore into $target failed (nothing was restored: it runs as one transaction)"
    "$psql" -X -q -c "ANALYZE" || true
    echo "restored $backup into the database $target"
    ;;
  SqlServer)
    database=$(pe_connection_value Database "Initial Catalog") || database=PatientExperience
    cat >&2 <<EOF
$(basename "$0"): SQL Server restores with the server itself; this script does not run it (no SQL Server engine or
sqlcmd here). With the portal stopped, from master, a path on the database server's own disk:

  RESTORE VERIFYONLY FROM DISK = N'/var/opt/mssql/backup/$(basename "$backup")' WITH CHECKSUM;
  RESTORE FILELISTONLY FROM DISK = N'/var/opt/mssql/backup/$(basename "$backup")';  -- logical file names for MOVE
  RESTORE DATABASE [$database]
    FROM DISK = N'/var/opt/mssql/backup/$(basename "$backup")'
    WITH CHECKSUM, RECOVERY, STATS = 10,
      MOVE N'<data logical name>' TO N'/var/opt/mssql/data/$database.mdf',
      MOVE N'<log logical name>' TO N'/var/opt/mssql/data/${database}_log.ldf';
    -- add REPLACE only to overwrite an existing database of that name

See docs/backup.md.
EOF
    exit 3
    ;;
esac
