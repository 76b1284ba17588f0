#!/usr/bin/env bash
# Relais restore (README "Backup and restore"): puts a backup of scripts/backup.sh into a FRESH instance —
# a new SQLite file, or an empty PostgreSQL database — with its audit checkpoint file, after checking the
# files against the MANIFEST and the audit key against the fingerprint the backup recorded. Relais is not
# running on the target. Then start Relais on it (with the same audit key) and verify the audit chain:
# /admin/audit, or GET /api/admin/audit/verify as an administrator ("isIntact": true). scripts/test-backup-restore.sh
# does the whole round trip.
#
# Usage:
#   scripts/restore.sh --from DIR --sqlite NEW_FILE  --audit-key-file FILE [--checkpoint-file FILE]
#   scripts/restore.sh --from DIR --postgres CONNINFO --audit-key-file FILE [--checkpoint-file FILE] [--app-data DIR]
#     CONNINFO names an existing EMPTY database (createdb it first). --audit-key-file: the installation's
#     key, saved apart from the backup (or --audit-key BASE64). --checkpoint-file: where the restored
#     instance will read its checkpoints (default as Relais's: beside the SQLite file as
#     <name>.audit-checkpoints.log; for PostgreSQL <app-data>/audit-checkpoints-<database>.log); it must not exist yet.
set -euo pipefail

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
fail() { echo "restore: $*" >&2; exit 1; }

FROM="" SQLITE="" POSTGRES="" KEY_FILE="" KEY_B64="" CHECKPOINTS=""
APP_DATA="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/Relais.Web/App_Data"
while [[ $# -gt 0 ]]; do
  case $1 in
    --from) FROM=$2; shift 2 ;;
    --sqlite) SQLITE=$2; shift 2 ;;
    --postgres) POSTGRES=$2; shift 2 ;;
    --audit-key-file) KEY_FILE=$2; shift 2 ;;
    --audit-key) KEY_B64=$2; shift 2 ;;
    --checkpoint-file) CHECKPOINTS=$2; shift 2 ;;
    --app-data) APP_DATA=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "restore: unknown argument $1" >&2; usage ;;
  esac
done
[[ -n "$FROM" && -f "$FROM/MANIFEST" ]] || fail "no backup (MANIFEST) in '${FROM}'"
if [[ -n "$SQLITE" && -n "$POSTGRES" ]] || [[ -z "$SQLITE" && -z "$POSTGRES" ]]; then fail "give exactly one of --sqlite and --postgres"; fi
[[ -n "$KEY_FILE" || -n "$KEY_B64" ]] || fail "give the audit key (--audit-key-file or --audit-key): the restored chain is verified with it"

manifest() { sed -n "s/^$1: //p" "$FROM/MANIFEST"; }
read -r KIND DB_FILE _ DB_SHA <<<"$(manifest database)"

# The files are those the backup took.
[[ "$(sha256sum "$FROM/$DB_FILE" | cut -d' ' -f1)" == "$DB_SHA" ]] || fail "$DB_FILE does not match the MANIFEST (damaged or replaced)"
if [[ "$(manifest checkpoints)" != "none" ]]; then
  read -r _ _ CP_SHA _ <<<"$(manifest checkpoints)"
  [[ "$(sha256sum "$FROM/audit-checkpoints.log" | cut -d' ' -f1)" == "$CP_SHA" ]] || fail "audit-checkpoints.log does not match the MANIFEST"
fi
# The key is the one the chain was sealed with.
if [[ -n "$KEY_B64" ]]; then FINGERPRINT=$(printf '%s' "$KEY_B64" | base64 -d | sha256sum | cut -d' ' -f1)
else [[ -r "$KEY_FILE" ]] || fail "cannot read $KEY_FILE"; FINGERPRINT=$(tr -d ' \n\r' <"$KEY_FILE" | base64 -d | sha256sum | cut -d' ' -f1); fi
[[ "$FINGERPRINT" == "$(manifest audit-key-sha256)" ]] || fail "this audit key is not the one of the backup (fingerprint $FINGERPRINT, backup $(manifest audit-key-sha256))"

if [[ "$KIND" == "sqlite" ]]; then
  [[ -n "$SQLITE" ]] || fail "this is a SQLite backup: restore it with --sqlite"
  [[ -e "$SQLITE" ]] && fail "$SQLITE exists: restore into a fresh instance (a new file)"
  [[ -n "$CHECKPOINTS" ]] || CHECKPOINTS="${SQLITE%.*}.audit-checkpoints.log"
else
  [[ -n "$POSTGRES" ]] || fail "this is a PostgreSQL backup: restore it with --postgres"
  tables=$(psql "$POSTGRES" -Atc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") || fail "cannot reach the target database"
  [[ "$tables" == "0" ]] || fail "the target database holds $tables tables: restore into an empty database"
  [[ -n "$CHECKPOINTS" ]] || CHECKPOINTS="$APP_DATA/audit-checkpoints-$(psql "$POSTGRES" -Atc "SELECT current_database()").log"
fi
# A checkpoint file belongs to one database: an existing one is another database's.
[[ -e "$CHECKPOINTS" ]] && fail "$CHECKPOINTS exists (another database's checkpoints?): remove it or choose --checkpoint-file"

if [[ "$KIND" == "sqlite" ]]; then
  mkdir -p "$(dirname "$SQLITE")"
  cp "$FROM/$DB_FILE" "$SQLITE.restoring"
  ok=$(sqlite3 "$SQLITE.restoring" "PRAGMA integrity_check;")
  [[ "$ok" == "ok" ]] || { rm -f "$SQLITE.restoring"; fail "integrity check: $ok"; }
  mv "$SQLITE.restoring" "$SQLITE"
else
  # One transaction: the database is restored whole or not at all. The append-only triggers are created
  # after the data (post-data section), so they guard the restored rows from then on.
  pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname "$POSTGRES" "$FROM/$DB_FILE" \
    || fail "pg_restore failed (nothing was restored)"
  psql "$POSTGRES" -qAtc "ANALYZE" >/dev/null
fi

mkdir -p "$(dirname "$CHECKPOINTS")"
if [[ -f "$FROM/audit-checkpoints.log" ]]; then install -m 600 "$FROM/audit-checkpoints.log" "$CHECKPOINTS"; fi

echo "restore: $KIND database restored from $FROM; checkpoints at $CHECKPOINTS (head: $(manifest checkpoint-head | cut -c1-60)...)"
echo "restore: now start Relais on it with this audit key and verify the chain: /admin/audit or GET /api/admin/audit/verify"
