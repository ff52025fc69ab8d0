#!/usr/bin/env bash
# Takes a consistent online backup of the portal's database while the portal keeps running and writing.
#
#   deploy/backup.sh OUTPUT
#
# The database is the one the portal is configured for, read from the same environment variables the portal reads
# (see deploy/lib/database-settings.sh): Database__Provider and ConnectionStrings__PatientExperience.
#
#   Sqlite      OUTPUT is a SQLite file: "VACUUM INTO" run by the sqlite3 shell (apt-get install sqlite3). It reads the
#               database in one read transaction, WAL included, so the copy holds every transaction committed before
#               it began and none of a later one, while the portal goes on writing. (A plain cp of the .db file is NOT
#               a backup: in WAL mode recent commits live in the -wal file, and the file may change under cp.)
#   PostgreSql  OUTPUT is a pg_dump custom-format archive (pg_dump --format=custom): one snapshot of the whole
#               database, taken without blocking the portal's reads or writes. Restore it with pg_restore.
#   SqlServer   No engine runs here, so the script does not take it; it prints the T-SQL that does
#               (BACKUP DATABASE … TO DISK … WITH COPY_ONLY, CHECKSUM) and exits 3.
#
# The backup is written next to OUTPUT under a temporary name and renamed into place only once complete and checked,
# so OUTPUT is never a half-written file. Restore with deploy/restore.sh; docs/backup.md has scheduling and retention.
set -euo pipefail
# shellcheck source=deploy/lib/database-settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/database-settings.sh"

if [[ $# -ne 1 || $1 == -* ]]; then
  echo "usage: $(basename "$0") OUTPUT" >&2
  echo "  backs up the database named by Database__Provider and ConnectionStrings__PatientExperience to OUTPUT" >&2
  exit 2
fi
output=$1
provider=$(pe_provider) || exit 1
if [[ $provider != SqlServer ]]; then
  [[ ! -e $output ]] || pe_die "$output already exists: choose a new name (e.g. with the date and time in it)"
  output_dir=$(dirname "$output")
  [[ -d $output_dir ]] || pe_die "the folder $output_dir does not exist"
  partial=$(mktemp "$output_dir/.$(basename "$output").partial.XXXXXX")
  trap 'rm -f "$partial"' EXIT
fi

case $provider in
  Sqlite)
    pe_require_sqlite3
    database=$(pe_sqlite_file) || exit 1
    [[ -f $database ]] || pe_die "the SQLite database $database does not exist"
    # VACUUM INTO wants a file that does not exist yet; the name is quoted as an SQL string.
    rm -f "$partial"
    quoted=${partial//\'/\'\'}
    # .timeout: wait out a moment when the portal holds the file exclusively (a WAL checkpoint restart), never fail on it.
    sqlite3 -bail "$database" ".timeout 30000" "VACUUM INTO '$quoted';" \
      || pe_die "VACUUM INTO failed for $database"
    check=$(sqlite3 "$partial" "PRAGMA quick_check;") || pe_die "the backup could not be read back"
    [[ $check == ok ]] || pe_die "the backup failed its integrity check: $check"
    ;;
  PostgreSql)
    pe_export_pg_env
    pg_dump=$(pe_pg_tool pg_dump) || exit 1
    # One REPEATABLE READ snapshot of the whole database: consistent while the portal writes, and it blocks nothing but
    # schema changes (migrations) for its duration.
    "$pg_dump" --format=custom --file="$partial" "$PGDATABASE" \
      || pe_die "pg_dump of $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432} failed"
    pg_restore=$(pe_pg_tool pg_restore) || exit 1
    "$pg_restore" --list "$partial" >/dev/null || pe_die "the archive pg_dump wrote cannot be read back"
    ;;
  SqlServer)
    database=$(pe_connection_value Database "Initial Catalog") || database=PatientExperience
    cat >&2 <<EOF
$(basename "$0"): SQL Server is backed up by the server itself; this script does not run it (no SQL Server engine or
sqlcmd here). Run, as a login with BACKUP DATABASE permission, a path on the database server's own disk:

  BACKUP DATABASE [$database]
    TO DISK = N'/var/opt/mssql/backup/$(basename "$output")'
    WITH COPY_ONLY, CHECKSUM, INIT, STATS = 10;
  RESTORE VERIFYONLY FROM DISK = N'/var/opt/mssql/backup/$(basename "$output")' WITH CHECKSUM;

e.g. sqlcmd -S SERVER -d master -Q "BACKUP DATABASE [$database] TO DISK = N'…' WITH COPY_ONLY, CHECKSUM, INIT"
A full backup is transactionally consistent while the portal writes; COPY_ONLY keeps it out of any existing
full/differential/log backup chain. docs/backup.md has RESTORE DATABASE.
EOF
    exit 3
    ;;
esac

chmod 600 "$partial"
mv "$partial" "$output"
trap - EXIT
echo "backup of the $provider database written to $output ($(stat -c %s "$output") bytes)"
