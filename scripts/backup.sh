#!/usr/bin/env bash
# Relais backup (README "Backup and restore"; SECURITY.md promise 8). Takes, while Relais runs:
#   1. the audit checkpoint file (a copy: the file is append-only, outside the database),
#   2. then the database: SQLite through its online backup API (a consistent snapshot of a live file,
#      WAL included — never a file copy), PostgreSQL with pg_dump in custom format (one consistent snapshot),
#   3. a MANIFEST: what was taken, the SHA-256 of each file, the head of the checkpoint file, and the
#      SHA-256 fingerprint of the audit key (never the key itself).
# The checkpoint file is copied BEFORE the database: every head it attests is then in the database snapshot,
# which only grows; copied after, it could attest rows the snapshot lacks, and the restored chain would be
# reported as truncated.
#
# The audit key is NOT in the backup: a backup that held the key would let whoever holds the backup rewrite
# the chain undetected. Save the key once, apart (a secret store, a sealed envelope): without it no restored
# chain can be verified or extended. --key-copy DIR copies the key file to a separate place, if you must.
#
# Usage:
#   scripts/backup.sh --sqlite FILE  --audit-key-file FILE [--checkpoint-file FILE] --out DIR
#   scripts/backup.sh --postgres CONNINFO --audit-key-file FILE [--checkpoint-file FILE] --out DIR
#     CONNINFO: a libpq connection string or URI, e.g. "host=127.0.0.1 port=5432 dbname=relais user=relais"
#     (password from PGPASSWORD or ~/.pgpass). --audit-key-file: the key Relais uses (Audit:KeyFile, default
#     App_Data/audit.key); with Audit:Key in the configuration instead, pass --audit-key BASE64 (only its
#     fingerprint is written). --checkpoint-file defaults as Relais's (beside the SQLite file as
#     <name>.audit-checkpoints.log; for PostgreSQL App_Data/audit-checkpoints-<database>.log under --app-data).
set -euo pipefail

usage() { sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
fail() { echo "backup: $*" >&2; exit 1; }

SQLITE="" POSTGRES="" KEY_FILE="" KEY_B64="" CHECKPOINTS="" OUT="" KEY_COPY=""
APP_DATA="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/Relais.Web/App_Data"
while [[ $# -gt 0 ]]; do
  case $1 in
    --sqlite) SQLITE=$2; shift 2 ;;
    --postgres) POSTGRES=$2; shift 2 ;;
    --audit-key-file) KEY_FILE=$2; shift 2 ;;
    --audit-key) KEY_B64=$2; shift 2 ;;
    --checkpoint-file) CHECKPOINTS=$2; shift 2 ;;
    --app-data) APP_DATA=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --key-copy) KEY_COPY=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "backup: unknown argument $1" >&2; usage ;;
  esac
done
[[ -n "$OUT" ]] || usage
if [[ -n "$SQLITE" && -n "$POSTGRES" ]] || [[ -z "$SQLITE" && -z "$POSTGRES" ]]; then fail "give exactly one of --sqlite and --postgres"; fi
[[ -n "$KEY_FILE" || -n "$KEY_B64" ]] || fail "give --audit-key-file (or --audit-key): its fingerprint goes into the manifest, so that a restore can check it has the right key"

key_fingerprint() {
  if [[ -n "$KEY_B64" ]]; then printf '%s' "$KEY_B64" | base64 -d | sha256sum | cut -d' ' -f1
  else [[ -r "$KEY_FILE" ]] || fail "cannot read the audit key file $KEY_FILE"; tr -d ' \n\r' <"$KEY_FILE" | base64 -d | sha256sum | cut -d' ' -f1; fi
}

if [[ -z "$CHECKPOINTS" ]]; then
  if [[ -n "$SQLITE" ]]; then CHECKPOINTS="${SQLITE%.*}.audit-checkpoints.log"
  else
    db=$(psql "$POSTGRES" -Atc "SELECT current_database()") || fail "cannot reach PostgreSQL with '$POSTGRES'"
    CHECKPOINTS="$APP_DATA/audit-checkpoints-$db.log"
  fi
fi

[[ -e "$OUT" && -n "$(ls -A "$OUT" 2>/dev/null)" ]] && fail "$OUT exists and is not empty: a backup goes into a new directory"
mkdir -p "$OUT"
chmod 700 "$OUT"
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# 1. The checkpoint file first (see above). A missing file is allowed (nothing sealed yet) and recorded.
if [[ -f "$CHECKPOINTS" ]]; then
  cp "$CHECKPOINTS" "$OUT/audit-checkpoints.log"
  CHECKPOINT_HEAD=$(grep -v '^$' "$OUT/audit-checkpoints.log" | tail -1 || true)
else
  echo "backup: warning: no checkpoint file at $CHECKPOINTS (nothing sealed yet, or the wrong path)" >&2
  CHECKPOINT_HEAD="(none)"
fi

# 2. The database.
if [[ -n "$SQLITE" ]]; then
  [[ -f "$SQLITE" ]] || fail "no SQLite database at $SQLITE"
  # The online backup API (sqlite3_backup_*) copies a consistent snapshot while Relais writes; the source is
  # opened read-only. Then the copy is checked.
  env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 - "$SQLITE" "$OUT/relais.db" <<'PY'
import sqlite3, sys
src = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=30)
dst = sqlite3.connect(sys.argv[2])
with dst:
    src.backup(dst, pages=1024)
ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
dst.close(); src.close()
if ok != "ok":
    sys.exit(f"integrity check of the copy: {ok}")
PY
  DB_FILE=relais.db
  KIND=sqlite
else
  pg_dump --format=custom --compress=6 --no-owner --no-privileges --file "$OUT/relais.dump" "$POSTGRES" \
    || fail "pg_dump failed"
  pg_restore --list "$OUT/relais.dump" >/dev/null || fail "the dump cannot be read back (pg_restore --list)"
  DB_FILE=relais.dump
  KIND=postgres
fi

# 3. The manifest.
FINGERPRINT=$(key_fingerprint)
{
  echo "relais-backup 1"
  echo "started: $STARTED"
  echo "finished: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database: $KIND $DB_FILE sha256 $(sha256sum "$OUT/$DB_FILE" | cut -d' ' -f1)"
  if [[ -f "$OUT/audit-checkpoints.log" ]]; then
    echo "checkpoints: audit-checkpoints.log sha256 $(sha256sum "$OUT/audit-checkpoints.log" | cut -d' ' -f1) lines $(grep -cv '^$' "$OUT/audit-checkpoints.log" || true)"
  else
    echo "checkpoints: none"
  fi
  echo "checkpoint-head: $CHECKPOINT_HEAD"
  echo "audit-key-sha256: $FINGERPRINT"
  echo "not-included: the audit key (keep it apart; restore needs it), the Data Protection keys are in the database"
} >"$OUT/MANIFEST"

if [[ -n "$KEY_COPY" ]]; then
  [[ -n "$KEY_FILE" ]] || fail "--key-copy needs --audit-key-file"
  mkdir -p "$KEY_COPY"
  chmod 700 "$KEY_COPY"
  install -m 600 "$KEY_FILE" "$KEY_COPY/audit.key"
fi

echo "backup: $OUT ($KIND, $(du -sh "$OUT" | cut -f1)); audit key fingerprint $FINGERPRINT — the key itself is not in the backup: keep it apart"
