#!/usr/bin/env bash
# Relais test runner: installs the services the tests need (PostgreSQL, Chromium,
# an SMTP sink), starts private instances on loopback under .test-run/, builds the
# solution once, runs every test project and the backup and restore round trip
# (scripts/test-backup-restore.sh, without a filter), and prints "N passed, N failed" last.
#
# Usage: scripts/test.sh [--no-install] [FILTER]
#   FILTER is passed to `dotnet test --filter`, e.g. "FullyQualifiedName~Patients".
# Env knobs: RELAIS_PROJECT_TIMEOUT (seconds per test project, default 1800),
#   RELAIS_TEST_WAVES (0: one project after the other, the default; 1: side by side in waves).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib/trx.sh
source "$ROOT/scripts/lib/trx.sh"

TEST_PROJECTS=(
  tests/Relais.Domain.Tests/Relais.Domain.Tests.csproj
  tests/Relais.Web.Tests/Relais.Web.Tests.csproj
  tests/Relais.Browser.Tests/Relais.Browser.Tests.csproj
)
PROJECT_TIMEOUT=${RELAIS_PROJECT_TIMEOUT:-1800}

INSTALL=1
FILTER=""
for arg in "$@"; do
  case "$arg" in
    --no-install) INSTALL=0 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) echo "test.sh: unknown option $arg" >&2; exit 2 ;;
    *) FILTER=$arg ;;
  esac
done

log() { echo "== $*"; }
# Run a command as the 'postgres' user (initdb refuses root), from a folder it can read.
as_pg() { (cd / && runuser -u postgres -- "$@"); }
# Print the closing line and exit: used for early failures (install, services, build).
fail_early() {
  echo "ERROR: $*" >&2
  cleanup
  echo "0 passed, 1 failed"
  exit 1
}

RUN="$ROOT/.test-run"
mkdir -p "$RUN"
chmod 755 "$RUN"

# One run at a time per work tree (the run folder and ports are per run).
exec 9>"$RUN/.lock"
if ! flock -n 9; then
  log "another scripts/test.sh run holds $RUN/.lock, waiting for it..."
  flock 9
fi

# ---------------------------------------------------------------- cleanup
PG_BIN=""
PG_DATA=""
SMTP_PID=""
TEST_PIDS=()
cleanup() {
  # Silent and idempotent: it also runs from the EXIT trap after the closing line.
  local pid
  for pid in "${TEST_PIDS[@]}"; do
    kill -TERM "$pid" >/dev/null 2>&1 || true # timeout passes it on to dotnet test's group
    wait "$pid" >/dev/null 2>&1 || true
  done
  TEST_PIDS=()
  if [[ -n "$SMTP_PID" ]]; then
    kill "$SMTP_PID" >/dev/null 2>&1 || true
    wait "$SMTP_PID" >/dev/null 2>&1 || true
    SMTP_PID=""
  fi
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m immediate -w -t 30 >/dev/null 2>&1 || true
  fi
  PG_DATA=""
  if [[ "${CI:-}" == "true" ]]; then
    # Do not leave the compiler server running behind the CI job.
    dotnet build-server shutdown >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- install
find_pg_bin() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] || continue
    # keep the highest major version
    if [[ -z "$best" ]] || (( $(basename "$(dirname "$d")") > $(basename "$(dirname "$best")") )); then
      best=$d
    fi
  done
  echo "$best"
}
have_aiosmtpd() { [[ -x /usr/bin/python3 ]] && env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; }
have_chromium() { command -v chromium >/dev/null 2>&1; }

if (( INSTALL )); then
  missing=()
  [[ -n "$(find_pg_bin)" ]] || missing+=(postgresql)
  have_chromium || missing+=(chromium)
  # pdftotext reads back the text of the PDFs Relais renders (PPS, RCP reports).
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  have_aiosmtpd || missing+=(python3-aiosmtpd)
  # Chromium without recommends has no fonts: pages and PDFs need one with French glyphs.
  dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
  # faketime runs the clock-sensitive tests as if a year later and earlier.
  command -v faketime >/dev/null 2>&1 || missing+=(faketime)
  # The CDA and XDM tests run the fixtures' validators: xmllint (XSD), Saxon-HE on a Java runtime (ISO Schematron).
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
  [[ -f /usr/share/java/Saxon-HE.jar ]] || missing+=(libsaxonhe-java)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  # The backup and restore round trip checks a restored SQLite file and asks the app over HTTP.
  command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if (( ${#missing[@]} )); then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >"$RUN/apt.log" 2>&1 || { tail -20 "$RUN/apt.log" >&2; fail_early "apt-get update failed"; }
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$RUN/apt.log" 2>&1 \
      || { tail -30 "$RUN/apt.log" >&2; fail_early "apt-get install ${missing[*]} failed (log: $RUN/apt.log)"; }
  fi
fi

PG_BIN=$(find_pg_bin)
[[ -n "$PG_BIN" ]] || fail_early "no PostgreSQL server under /usr/lib/postgresql/*/bin (install 'postgresql' or drop --no-install)"
have_aiosmtpd || fail_early "aiosmtpd not importable by /usr/bin/python3 (install 'python3-aiosmtpd')"
have_chromium || fail_early "chromium not on PATH (install 'chromium')"
command -v faketime >/dev/null 2>&1 || fail_early "faketime not on PATH (install 'faketime')"
id postgres >/dev/null 2>&1 || fail_early "system user 'postgres' is missing (it comes with the postgresql package)"
CHROMIUM_PATH=$(command -v chromium)

# ---------------------------------------------------------------- ports
port_in_use() {
  local p=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$p" 2>/dev/null)" ]] && return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$p") >/dev/null 2>&1
}
wait_for_port() { # PORT SECONDS WHAT
  local p=$1 secs=$2 what=$3 i
  for ((i = 0; i < secs * 5; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "ERROR: $what did not accept connections on 127.0.0.1:$p within ${secs}s" >&2
  return 1
}

# ---------------------------------------------------------------- PostgreSQL
# The data dir must be reachable by the 'postgres' user and the socket path short
# (unix sockets are limited to ~107 bytes); otherwise fall back to a folder in /tmp.
# Stop and remove a cluster left behind by an earlier (interrupted) run.
for old in "$RUN/pg" "$(readlink "$RUN/pg-link" 2>/dev/null || true)"; do
  [[ -n "$old" && -d "$old" ]] || continue
  if [[ -f "$old/data/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$old/data" stop -m immediate -w -t 30 >/dev/null 2>&1 || true
  fi
  rm -rf "$old"
done
rm -f "$RUN/pg-link"
PG_BASE="$RUN/pg"
if ! as_pg test -x "$RUN" 2>/dev/null || (( ${#PG_BASE} > 80 )); then
  PG_BASE=$(mktemp -d /tmp/relais-pg.XXXXXX)
  chmod 755 "$PG_BASE"
  ln -sfn "$PG_BASE" "$RUN/pg-link"
fi
mkdir -p "$PG_BASE/data" "$PG_BASE/socket"
chown -R postgres:postgres "$PG_BASE"
chmod 700 "$PG_BASE/data"

log "initdb ($PG_BIN)"
as_pg "$PG_BIN/initdb" -D "$PG_BASE/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  >"$RUN/pg-initdb.log" 2>&1 || { tail -20 "$RUN/pg-initdb.log" >&2; fail_early "initdb failed (log: $RUN/pg-initdb.log)"; }
cat >"$PG_BASE/data/pg_hba.conf" <<'EOF'
local all all               trust
host  all all 127.0.0.1/32  trust
EOF
cat >>"$PG_BASE/data/postgresql.conf" <<EOF

# --- scripts/test.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_BASE/socket'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
chown postgres:postgres "$PG_BASE/data/pg_hba.conf" "$PG_BASE/data/postgresql.conf"

PG_PORT=""
port=55432
for ((try = 0; try < 20; try++, port++)); do
  port_in_use "$port" && continue
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_BASE/data" -l "$PG_BASE/postgres.log" \
       -o "-p $port" -w -t 60 start >"$RUN/pg-start.log" 2>&1 9>&-; then
    PG_DATA="$PG_BASE/data"
    PG_PORT=$port
    break
  fi
  # Lost a race for the port? Try the next one; anything else is fatal.
  grep -qi 'could not bind\|address already in use' "$PG_BASE/postgres.log" 2>/dev/null \
    || { tail -20 "$PG_BASE/postgres.log" >&2 2>/dev/null || true; fail_early "PostgreSQL did not start (log: $PG_BASE/postgres.log)"; }
done
[[ -n "$PG_PORT" ]] || fail_early "no free port for PostgreSQL in 55432..$((55432 + 19))"
wait_for_port "$PG_PORT" 30 PostgreSQL || fail_early "PostgreSQL not reachable (log: $PG_BASE/postgres.log)"
log "PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$PG_PORT"

# ---------------------------------------------------------------- SMTP sink
MAILDIR="$RUN/maildir"
rm -rf "$MAILDIR"
mkdir -p "$MAILDIR/new" "$MAILDIR/cur" "$MAILDIR/tmp"
SMTP_PORT=""
port=2525
for ((try = 0; try < 20; try++, port++)); do
  port_in_use "$port" && continue
  env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" \
    -c aiosmtpd.handlers.Mailbox "$MAILDIR" >"$RUN/smtp.log" 2>&1 </dev/null 9>&- &
  SMTP_PID=$!
  for ((i = 0; i < 100; i++)); do
    kill -0 "$SMTP_PID" 2>/dev/null || break
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") >/dev/null 2>&1; then SMTP_PORT=$port; break; fi
    sleep 0.2
  done
  [[ -n "$SMTP_PORT" ]] && break
  if kill -0 "$SMTP_PID" 2>/dev/null; then
    kill "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=""
    cat "$RUN/smtp.log" >&2
    fail_early "SMTP sink did not accept connections on 127.0.0.1:$port within 20s"
  fi
  wait "$SMTP_PID" 2>/dev/null || true
  SMTP_PID=""
  # died: port taken between the check and the bind? try the next one
  grep -qi 'address already in use' "$RUN/smtp.log" || { cat "$RUN/smtp.log" >&2; fail_early "SMTP sink (aiosmtpd) failed to start"; }
done
[[ -n "$SMTP_PORT" ]] || fail_early "no free port for the SMTP sink in 2525..$((2525 + 19))"
log "SMTP sink on 127.0.0.1:$SMTP_PORT -> $MAILDIR"

# ---------------------------------------------------------------- environment
export RELAIS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=postgres"
export RELAIS_TEST_SMTP_HOST=127.0.0.1
export RELAIS_TEST_SMTP_PORT=$SMTP_PORT
export RELAIS_TEST_MAILDIR=$MAILDIR
export RELAIS_CHROMIUM=$CHROMIUM_PATH
# The test processes of this run share their migrated and seeded template databases (TemplateDatabases):
# built once per build, settings and machine date, here and on this run's cluster, both thrown away after.
export RELAIS_TEST_TEMPLATE_CACHE="$RUN/templates"
rm -rf "$RELAIS_TEST_TEMPLATE_CACHE"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

# ---------------------------------------------------------------- build
log "dotnet build Relais.slnx -c Release"
# (9>&-: a lingering compiler server must not inherit the lock)
if ! dotnet build Relais.slnx -c Release -nologo -v minimal -nodeReuse:false 9>&-; then
  fail_early "build failed: no test was run"
fi

# ---------------------------------------------------------------- schematrons
# The CI-SIS schematrons of ../shared/fixtures, compiled once per run (Saxon-HE) for the CDA tests.
CDA_KIT="$ROOT/../shared/fixtures/cda/ansforge-TestContenuCDA-3-0"
export RELAIS_TEST_SCHEMATRONS="$RUN/schematrons"
rm -rf "$RELAIS_TEST_SCHEMATRONS"
if [[ -d "$CDA_KIT" ]] && command -v java >/dev/null 2>&1 && [[ -f "${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}" ]]; then
  log "compiling the CI-SIS schematrons"
  "$ROOT/scripts/compile-schematrons.sh" "$CDA_KIT" "$RELAIS_TEST_SCHEMATRONS" >"$RUN/schematrons.log" 2>&1 \
    || { tail -20 "$RUN/schematrons.log" >&2; fail_early "compiling the schematrons failed (log: $RUN/schematrons.log)"; }
fi

# ---------------------------------------------------------------- test
RESULTS="$RUN/results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
total_passed=0
total_failed=0
summary=()
# RELAIS_TEST_WAVES=1 runs the test projects in waves: the runs of a wave start together and the
# next wave starts when all have ended, for a machine with cores to spare. On two cores the tests are
# CPU-bound and a wave took longer than the same runs in a row (36 against 31 minutes, measured), so
# the default runs them one after the other. Each run's output goes to its own log, shown whole when
# its wave ends, so the projects' lines never interleave.
WAVES=${RELAIS_TEST_WAVES:-0}
WAVE=()
# queue_tests LABEL PROJECT FILTER [PREFIX...]: adds one `dotnet test` of PROJECT (optionally under
# a command prefix such as faketime) to the current wave.
queue_tests() {
  local label=$1 proj=$2 filter=$3
  shift 3
  local file=${label//[^A-Za-z0-9.+-]/_}
  local args=(test "$proj" -c Release --no-build --logger "trx;LogFileName=$file.trx" --results-directory "$RESULTS")
  [[ -n "$filter" ]] && args+=(--filter "$filter")
  # timeout runs in its own process group (so on expiry it kills the testhost too).
  local started=$SECONDS
  rm -f "$RESULTS/$file.rc"
  {
    echo "== dotnet test $label${filter:+ --filter $filter}"
    local rc=0 child
    # The app's errors under test (exceptions and paths, no clinical text), to read a failure that does not come back alone.
    RELAIS_TEST_ERROR_LOG="$RESULTS/$file.errors.log" "$@" timeout -k 30 "$PROJECT_TIMEOUT" dotnet "${args[@]}" </dev/null 9>&- &
    child=$!
    # cleanup stops this run: pass it on to timeout, which passes it on to dotnet test's group.
    trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM
    wait "$child" || rc=$?
    echo "$rc $((SECONDS - started))" >"$RESULTS/$file.rc"
  } >"$RESULTS/$file.log" 2>&1 &
  TEST_PIDS+=("$!")
  WAVE+=("$label")
  if [[ "$WAVES" == "0" ]]; then end_wave; fi
}

# queue_script LABEL COMMAND...: adds a test script that prints "... N passed, N failed" as its last such
# line (scripts/test-backup-restore.sh) to the current wave; its counts join the totals.
queue_script() {
  local label=$1
  shift
  local file=${label//[^A-Za-z0-9.+-]/_}
  local started=$SECONDS
  rm -f "$RESULTS/$file.rc"
  : >"$RESULTS/$file.script"
  {
    echo "== $label"
    local rc=0 child
    timeout -k 30 "$PROJECT_TIMEOUT" "$@" </dev/null 9>&- &
    child=$!
    trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM
    wait "$child" || rc=$?
    echo "$rc $((SECONDS - started))" >"$RESULTS/$file.rc"
  } >"$RESULTS/$file.log" 2>&1 &
  TEST_PIDS+=("$!")
  WAVE+=("$label")
  if [[ "$WAVES" == "0" ]]; then end_wave; fi
}

# end_wave: waits for the wave's runs and adds each one's counts to the totals, in queue order.
end_wave() {
  local pid label file trx rc took p f note
  for pid in "${TEST_PIDS[@]}"; do wait "$pid" || true; done
  TEST_PIDS=()
  for label in "${WAVE[@]}"; do
    file=${label//[^A-Za-z0-9.+-]/_}
    trx="$RESULTS/$file.trx" p=0 f=0 note="" rc=1 took=0
    cat "$RESULTS/$file.log"
    [[ -f "$RESULTS/$file.rc" ]] && read -r rc took <"$RESULTS/$file.rc"
    if [[ -f "$RESULTS/$file.script" ]]; then
      if counts=$(grep -oE '[0-9]+ passed, [0-9]+ failed' "$RESULTS/$file.log" | tail -1) && [[ -n "$counts" ]]; then
        read -r p _ f _ <<<"$counts"
        if (( rc != 0 && f == 0 )); then
          f=1
          note=" (exited $rc without a failed check: counted as 1 failed)"
        fi
      else
        f=1
        note=" (no \"N passed, N failed\" line, exited $rc: counted as 1 failed)"
      fi
    elif [[ -f "$trx" ]] && counts=$(trx_counters "$trx"); then
      read -r p f <<<"$counts"
      if (( rc != 0 && f == 0 )); then
        f=1
        note=" (dotnet test exited $rc without a failed test: crash or aborted run, counted as 1 failed)"
      fi
    else
      f=1
      note=" (no trx produced, dotnet test exited $rc: counted as 1 failed)"
    fi
    (( rc == 124 || rc == 137 )) && note+=" (timed out after ${PROJECT_TIMEOUT}s)"
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
    log "$label: $p passed, $f failed in $((took / 60))m$((took % 60))s"
    summary+=("$label: $p passed, $f failed in $((took / 60))m$((took % 60))s$note")
  done
  WAVE=()
}

for proj in "${TEST_PROJECTS[@]}"; do
  queue_tests "$(basename "$proj" .csproj)" "$proj" "$FILTER"
done
# The backup and restore round trip (issue 12), on SQLite and on this run's PostgreSQL (RELAIS_TEST_POSTGRES).
if [[ -z "$FILTER" ]]; then
  queue_script "backup and restore" scripts/test-backup-restore.sh --no-build
fi
end_wave

# The app under test runs on a fixed fake clock; a few things still read the machine's clock
# (the HTTP client's and the browser's cookie expiry, Identity's TOTP and lockout, Data Protection
# key lifetimes). The tests where the two clocks meet carry [Trait("Clock", "machine")]; run them
# again as if the machine lived a year later and a year earlier, so that a time bomb fails the day
# it is written, not the day it goes off. The monotonic clocks move with it (libfaketime's default):
# faking only the wall clock (FAKETIME_DONT_FAKE_MONOTONIC) splits .NET's two monotonic sources and
# vstest then gives up on its testhost at once.
if [[ -z "$FILTER" ]]; then
  for shift in +1y -1y; do
    for proj in tests/Relais.Web.Tests/Relais.Web.Tests.csproj tests/Relais.Browser.Tests/Relais.Browser.Tests.csproj; do
      queue_tests "$(basename "$proj" .csproj) at machine time ${shift}" "$proj" "Clock=machine" \
        faketime -f "$shift"
    done
  done
  end_wave
fi

# ---------------------------------------------------------------- report
cleanup
echo
log "summary"
for line in "${summary[@]}"; do echo "  $line"; done
if (( total_failed > 0 )); then
  echo "Failed tests:"
  for trx in "$RESULTS"/*.trx; do
    if [[ -f "$trx" ]]; then trx_failures "$trx"; fi
  done
fi
if (( total_passed == 0 )); then echo "No test passed (nothing ran?)."; fi
echo "$total_passed passed, $total_failed failed"
(( total_failed == 0 && total_passed > 0 ))
