# Sourced by deploy/backup.sh and deploy/restore.sh: reads the database the portal is configured for from the same
# environment variables the portal reads, and turns its connection string into what the engine's own tools take.
#
#   Database__Provider                   Sqlite (default), PostgreSql or SqlServer
#   ConnectionStrings__PatientExperience SQLite: "Data Source=/path/file.db" (empty: App_Data/patientexperience.db);
#                                        PostgreSQL: "Host=…;Port=…;Username=…;Password=…;Database=…" (Npgsql keywords)
#   PE_CONTENT_ROOT                      where a relative SQLite path resolves, as the portal resolves it against its
#                                        content root (default: src/PatientExperience.Web beside this script's deploy/;
#                                        set it to the publish folder on a server)
#
# Values containing ';' or quotes are not supported in the connection string here: keep such a password in PGPASSWORD
# or ~/.pgpass (which pg_dump and pg_restore read themselves) instead.

pe_die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

pe_repo_root() {
  cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd
}

# pe_connection_value KEY1 KEY2 …: the value of the first of these connection-string keywords that is set
# (keywords are case-insensitive and spaces in them do not count, as in ADO.NET).
pe_connection_value() {
  local part key value wanted
  local IFS=';'
  for part in ${ConnectionStrings__PatientExperience:-}; do
    [[ $part == *=* ]] || continue
    key=${part%%=*}
    value=${part#*=}
    key=${key//[[:space:]]/}
    key=${key,,}
    value="${value#"${value%%[![:space:]]*}"}"
    value="${value%"${value##*[![:space:]]}"}"
    for wanted in "$@"; do
      if [[ $key == "${wanted,,}" ]]; then
        printf '%s' "$value"
        return 0
      fi
    done
  done
  return 1
}

pe_provider() {
  local provider=${Database__Provider:-Sqlite}
  case ${provider,,} in
    sqlite) echo Sqlite ;;
    postgresql | postgres | npgsql) echo PostgreSql ;;
    sqlserver) echo SqlServer ;;
    *) pe_die "unknown Database__Provider '$provider' (Sqlite, PostgreSql or SqlServer)" ;;
  esac
}

# The SQLite file, resolved as the portal resolves it (DependencyInjection.SqliteConnectionString).
pe_sqlite_file() {
  local file root
  file=$(pe_connection_value "Data Source" "DataSource" "Filename") || file=""
  [[ -n $file ]] || file="App_Data/patientexperience.db"
  [[ $file != ":memory:" ]] || pe_die "the portal is configured for an in-memory SQLite database: nothing to back up"
  if [[ $file != /* ]]; then
    root=${PE_CONTENT_ROOT:-$(pe_repo_root)/src/PatientExperience.Web}
    file="$root/$file"
  fi
  printf '%s' "$file"
}

pe_require_sqlite3() {
  command -v sqlite3 >/dev/null 2>&1 \
    || pe_die "the sqlite3 command-line shell is missing: install it with 'apt-get install sqlite3' (Debian/Ubuntu)"
}

# Exports PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE from the Npgsql connection string (a variable
# the connection string does not set is left as the environment has it, so ~/.pgpass and PG* still work).
pe_export_pg_env() {
  local value
  if value=$(pe_connection_value Host Server); then export PGHOST=$value; fi
  if value=$(pe_connection_value Port); then export PGPORT=$value; fi
  if value=$(pe_connection_value Username "User Name" UserId "User Id" User); then export PGUSER=$value; fi
  if value=$(pe_connection_value Password Pwd Psw); then export PGPASSWORD=$value; fi
  if value=$(pe_connection_value Database Db); then export PGDATABASE=$value; fi
  if value=$(pe_connection_value "SSL Mode" SslMode); then
    case ${value,,} in
      verifyca) value=verify-ca ;;
      verifyfull) value=verify-full ;;
      *) value=${value,,} ;;
    esac
    export PGSSLMODE=$value
  fi
  [[ -n ${PGDATABASE:-} ]] || pe_die "the PostgreSQL connection string names no Database"
}

# pe_pg_tool NAME: the PostgreSQL client program to run: $PG_BIN/NAME if PG_BIN is set, else the one on PATH, else the
# newest under /usr/lib/postgresql/*/bin (Debian's layout). pg_dump must be at least as new as the server.
pe_pg_tool() {
  local name=$1 dir
  if [[ -n ${PG_BIN:-} ]]; then
    [[ -x $PG_BIN/$name ]] || pe_die "$PG_BIN/$name not found"
    printf '%s' "$PG_BIN/$name"
    return
  fi
  if command -v "$name" >/dev/null 2>&1 && "$name" --version >/dev/null 2>&1; then
    command -v "$name"
    return
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n $dir && -x $dir/$name ]] \
    || pe_die "$name is missing: install the PostgreSQL client tools ('apt-get install postgresql-client')"
  printf '%s' "$dir/$name"
}
