#!/usr/bin/env bash
# The backup and restore round trip (SECURITY.md promise 8), on SQLite and on PostgreSQL:
#   1. instance A, seeded with the demo data, running; its audit chain verified intact;
#   2. scripts/backup.sh while A runs (online), then more activity on A;
#   3. scripts/restore.sh into a fresh instance B, started with the same audit key: chain intact, and at
#      least as long as the backup's last checkpoint;
#   4. a restore with a wrong audit key is refused; a restore whose audit trail was edited (a sealed row's
#      actor role changed, the append-only trigger dropped) is reported broken by instance C's verification.
# PostgreSQL: the server of RELAIS_TEST_POSTGRES when set (Npgsql connection string of a server where databases
# may be created, as scripts/test.sh exports it); otherwise a private one on 127.0.0.1, started and removed here
# (PostgreSQL installed, run as root as scripts/test.sh is). Prints "N passed, N failed".
# Usage: scripts/test-backup-restore.sh [--no-build] [--only sqlite|postgres]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD=1 ONLY=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --no-build) BUILD=0; shift ;;
    --only) ONLY=$2; shift 2 ;;
    *) echo "usage: scripts/test-backup-restore.sh [--no-build] [--only sqlite|postgres]" >&2; exit 2 ;;
  esac
done
PASSED=0 FAILED=0
WORK=$(mktemp -d /tmp/relais-backup-test.XXXXXX)
APP_PID=""
PG_DBS=()
PG_INFO=""
PG_BIN="" PG_BASE=""
as_pg() { (cd / && runuser -u postgres -- "$@"); }

log() { echo "== $(date +%H:%M:%S) $*"; }
check() { # WHAT CONDITION...
  local what=$1; shift
  if "$@"; then PASSED=$((PASSED + 1)); echo "  ok   $what"; else FAILED=$((FAILED + 1)); echo "  FAIL $what"; fi
}
stop_app() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi
}
cleanup() {
  stop_app
  for db in "${PG_DBS[@]}"; do psql "$PG_INFO dbname=postgres" -qAtc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true; done
  if [[ -n "$PG_BASE" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_BASE/data" stop -m fast -w -t 60 >/dev/null 2>&1 || true
    rm -rf "$PG_BASE"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") >/dev/null 2>&1; do p=$((p + 1)); done
  echo "$p"
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
DLL="$ROOT/src/Relais.Web/bin/Release/net10.0/Relais.Web.dll"
if [[ "$BUILD" == "1" || ! -f "$DLL" ]]; then
  log "dotnet build src/Relais.Web (Release)"
  dotnet build src/Relais.Web/Relais.Web.csproj -c Release -nologo -v quiet -nodeReuse:false >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
fi

PORT=$(free_port 5491)
URL="http://127.0.0.1:$PORT"

# start_app NAME DB_SETTING CHECKPOINTS: Relais in Development (demo data seeded when the database is empty) on $URL,
# with the audit key of the installation ($WORK/audit.key). The demo accounts' password hashes are made with few
# PBKDF2 iterations (Security:PasswordHashIterations, as the test suites do): seeding fifty of them is then quick.
start_app() {
  local name=$1 db=$2 checkpoints=$3
  (cd "$ROOT/src/Relais.Web/bin/Release/net10.0" && \
   env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$URL" Relais__DemoData=true "$db" \
   Audit__KeyFile="$WORK/audit.key" Audit__CheckpointFile="$checkpoints" Audit__CheckpointIntervalSeconds=1 \
   Mail__Delivery=files Mail__PickupDirectory="$WORK/mail" Logging__LogLevel__Default=Warning \
   Security__PasswordHashIterations=1000 \
   dotnet Relais.Web.dll) >>"$WORK/$name.log" 2>&1 </dev/null &
  APP_PID=$!
  local i
  for ((i = 0; i < 900; i++)); do
    if curl -fsS "$URL/health/live" >/dev/null 2>&1; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "Relais ($name) did not start:" >&2
  tail -30 "$WORK/$name.log" >&2
  return 1
}

# The demo administrator signs in (password and the published demo TOTP key) and asks for the chain's verification.
verify() { # → the JSON answer of GET /api/admin/audit/verify
  local code token
  code=$(env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -c '
import base64, hmac, struct, time
key = base64.b32decode("RELAISDEMOAUTHENTICATORKEYQRCODE")
h = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000))')
  token=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@relais.demo\",\"password\":\"Relais-Demo-2026!\",\"twoFactorCode\":\"$code\"}" "$URL/api/auth/login" \
    | env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  curl -fsS -H "Authorization: Bearer $token" "$URL/api/admin/audit/verify"
}
field() { env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -c 'import json,sys; v=json.loads(sys.argv[1]).get(sys.argv[2]); print(str(v).lower() if isinstance(v,bool) else v)' "$1" "$2"; }
is() { [[ "$1" == "$2" ]]; }
ge() { (( $1 >= $2 )); }
fails() { ! "$@" >/dev/null 2>&1; }
head_index() { grep -v '^$' "$1" | tail -1 | cut -d' ' -f2; }

# roundtrip KIND: A seeded → backup while running → restore into B (intact) and C (edited: broken).
roundtrip() {
  local kind=$1 a_db b_db c_db a_target b_target c_target
  log "$kind: instance A with the demo data"
  if [[ "$kind" == sqlite ]]; then
    a_db="ConnectionStrings__Sqlite=Data Source=$WORK/$kind-a/relais.db"; a_target=(--sqlite "$WORK/$kind-a/relais.db")
    b_db="ConnectionStrings__Sqlite=Data Source=$WORK/$kind-b/relais.db"; b_target=(--sqlite "$WORK/$kind-b/relais.db")
    c_db="ConnectionStrings__Sqlite=Data Source=$WORK/$kind-c/relais.db"; c_target=(--sqlite "$WORK/$kind-c/relais.db")
    mkdir -p "$WORK/$kind-a"
  else
    local suffix=$$ name
    for name in a b c; do
      PG_DBS+=("relais_backup_${name}_$suffix")
      psql "$PG_INFO dbname=postgres" -qAtc "CREATE DATABASE \"relais_backup_${name}_$suffix\"" >/dev/null
    done
    a_db="ConnectionStrings__Postgres=$PG_NPGSQL;Database=relais_backup_a_$suffix"; a_target=(--postgres "$PG_INFO dbname=relais_backup_a_$suffix")
    b_db="ConnectionStrings__Postgres=$PG_NPGSQL;Database=relais_backup_b_$suffix"; b_target=(--postgres "$PG_INFO dbname=relais_backup_b_$suffix")
    c_db="ConnectionStrings__Postgres=$PG_NPGSQL;Database=relais_backup_c_$suffix"; c_target=(--postgres "$PG_INFO dbname=relais_backup_c_$suffix")
  fi
  start_app "$kind-a" "$a_db" "$WORK/$kind-a/checkpoints.log"
  local before
  before=$(verify)
  check "$kind: the seeded instance's chain is intact" is "$(field "$before" isIntact)" true

  log "$kind: backup while A runs"
  scripts/backup.sh "${a_target[@]}" --audit-key-file "$WORK/audit.key" --checkpoint-file "$WORK/$kind-a/checkpoints.log" --out "$WORK/$kind-backup"
  local attested
  attested=$(head_index "$WORK/$kind-backup/audit-checkpoints.log")
  verify >/dev/null # more audited activity on A after the backup: not in it, and no harm
  stop_app

  log "$kind: restore into a fresh instance B"
  head -c 32 /dev/urandom | base64 >"$WORK/other.key"
  check "$kind: a restore with another audit key is refused" fails \
    scripts/restore.sh --from "$WORK/$kind-backup" "${b_target[@]}" --audit-key-file "$WORK/other.key" --checkpoint-file "$WORK/$kind-b/checkpoints.log"
  scripts/restore.sh --from "$WORK/$kind-backup" "${b_target[@]}" --audit-key-file "$WORK/audit.key" --checkpoint-file "$WORK/$kind-b/checkpoints.log"
  check "$kind: a restore over an existing database is refused" fails \
    scripts/restore.sh --from "$WORK/$kind-backup" "${b_target[@]}" --audit-key-file "$WORK/audit.key" --checkpoint-file "$WORK/$kind-b/other.log"
  start_app "$kind-b" "$b_db" "$WORK/$kind-b/checkpoints.log"
  local restored
  restored=$(verify)
  stop_app
  check "$kind: the restored chain is intact" is "$(field "$restored" isIntact)" true
  check "$kind: the restored chain reaches the backup's last checkpoint (index $attested)" ge "$(field "$restored" lastIndex)" "$attested"

  log "$kind: a restore whose audit trail was edited"
  scripts/restore.sh --from "$WORK/$kind-backup" "${c_target[@]}" --audit-key-file "$WORK/audit.key" --checkpoint-file "$WORK/$kind-c/checkpoints.log"
  if [[ "$kind" == sqlite ]]; then
    sqlite3 "$WORK/$kind-c/relais.db" "DROP TRIGGER audit_no_update; UPDATE AuditEntries SET ActorRole = COALESCE(ActorRole, '') || '-edited' WHERE Id = (SELECT EntryId FROM AuditSeals WHERE ChainIndex = 3);"
  else
    psql "${c_target[1]}" -qAtc "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_append_only; UPDATE \"AuditEntries\" SET \"ActorRole\" = COALESCE(\"ActorRole\", '') || '-edited' WHERE \"Id\" = (SELECT \"EntryId\" FROM \"AuditSeals\" WHERE \"ChainIndex\" = 3);" >/dev/null
  fi
  start_app "$kind-c" "$c_db" "$WORK/$kind-c/checkpoints.log"
  local tampered
  tampered=$(verify)
  stop_app
  check "$kind: the edited restore is reported broken" is "$(field "$tampered" isIntact)" false
  check "$kind: ... at the edited row (index 3)" is "$(field "$tampered" firstBrokenIndex)" 3
}

[[ "$ONLY" == "postgres" ]] || roundtrip sqlite
[[ "$ONLY" == "sqlite" ]] && { echo "backup and restore: $PASSED passed, $FAILED failed"; (( FAILED == 0 )); exit; }

# A private PostgreSQL when none is given: durability off, it lives for this script only.
start_private_postgres() {
  local d port
  for d in /usr/lib/postgresql/*/bin; do [[ -x "$d/initdb" ]] && PG_BIN=$d; done
  [[ -n "$PG_BIN" ]] && command -v runuser >/dev/null && (( EUID == 0 )) || return 1
  PG_BASE=$(mktemp -d /tmp/relais-backup-pg.XXXXXX)
  mkdir -p "$PG_BASE/data" "$PG_BASE/socket"
  chown -R postgres:postgres "$PG_BASE"
  chmod 700 "$PG_BASE/data"
  as_pg "$PG_BIN/initdb" -D "$PG_BASE/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || return 1
  printf "listen_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n" \
    "$PG_BASE/socket" >>"$PG_BASE/data/postgresql.conf"
  port=$(free_port 56532)
  as_pg "$PG_BIN/pg_ctl" -D "$PG_BASE/data" -l "$PG_BASE/postgres.log" -o "-p $port" -w -t 60 start >/dev/null || return 1
  RELAIS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  log "private PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$port"
}

if [[ -z "${RELAIS_TEST_POSTGRES:-}" ]] && ! start_private_postgres; then
  echo "PostgreSQL: could not start a private server (installed? run as root?) and RELAIS_TEST_POSTGRES is not set" >&2
  FAILED=$((FAILED + 1))
fi
if [[ -n "${RELAIS_TEST_POSTGRES:-}" ]]; then
  # Npgsql "Host=..;Port=..;Username=..;Password=..;Database=.." → libpq keywords; the database is chosen per step.
  PG_NPGSQL=""
  IFS=';' read -ra parts <<<"$RELAIS_TEST_POSTGRES"
  for part in "${parts[@]}"; do
    k=${part%%=*} v=${part#*=}
    case ${k,,} in
      host|server) PG_INFO+=" host=$v"; PG_NPGSQL+="Host=$v;" ;;
      port) PG_INFO+=" port=$v"; PG_NPGSQL+="Port=$v;" ;;
      username|user|"user id"|userid) PG_INFO+=" user=$v"; PG_NPGSQL+="Username=$v;" ;;
      password) PG_INFO+=" password=$v"; PG_NPGSQL+="Password=$v;" ;;
    esac
  done
  PG_NPGSQL=${PG_NPGSQL%;}
  roundtrip postgres
fi

echo "backup and restore: $PASSED passed, $FAILED failed"
(( FAILED == 0 ))
