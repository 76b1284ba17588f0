#!/usr/bin/env bash
# Relais benchmark: private PostgreSQL + SMTP sink on 127.0.0.1, Relais (Release, Production) on
# PostgreSQL, the generator for N patients, then the driver; stops everything it started.
#
# Usage: bench/run.sh [PATIENTS] [--soak] [-- DRIVER ARGS...]      (default 300000 patients)
#   e.g. bench/run.sh 20000 -- --runs 1 --duration 5s
#   bench/run.sh 20000 --hold      load the data, start Relais, print its address and connection string, and
#                                  wait (Ctrl-C stops everything): for EXPLAIN ANALYZE and profiling by hand
#   bench/run.sh 20000 --replica   the read scale-out (issue 18 point 4): a streaming replica of the private PostgreSQL
#                                  (pg_basebackup -R, hot standby) on loopback, then the indicators and the directory search
#                                  in requests/s with one Relais on the primary alone, one Relais reading from the replica,
#                                  and two behind a local HAProxy (installed with apt-get when missing); bench/results/*-replica.md
#   bench/run.sh 20000 --soak      the soak: two Relais instances, 10 minutes of the budget load with faults injected
#                                  (the SMTP sink down for a minute, instance B killed with SIGKILL and restarted)
# Env (soak): RELAIS_SOAK_SMTP_AT (seconds into the soak the sink stops for RELAIS_SOAK_SMTP_DOWN, default 120 and 60),
#      RELAIS_SOAK_KILL_AT (seconds into the soak instance B is killed, default 240; restarted RELAIS_SOAK_KILL_DOWN later, 30).
# Env: RELAIS_BENCH_SEED (default 42), RELAIS_BENCH_WORKTREE=1 to build the working tree instead of
#      a clean export of HEAD (other changes in progress stay out of the measured build by default),
#      RELAIS_BENCH_TIMEOUT (seconds for the whole run, default 3600).
#
# Every virtual user of the driver signs in from 127.0.0.1, as a hospital's network behind one address would: the
# per-address sign-in limit is raised to 1,000 a minute (the per-account limit stays as shipped).
#
# PostgreSQL keeps full durability (fsync on, full_page_writes on); only synchronous_commit=off is set,
# as a production deployment with a battery-backed or replicated WAL would: a crash may lose the last
# few hundred milliseconds of commits, never corrupt the database. shared_buffers 2 GB for 23 GB RAM.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PATIENTS=300000
if [[ $# -gt 0 && "$1" != "--" && "$1" != "--soak" && "$1" != "--hold" && "$1" != "--replica" ]]; then PATIENTS=$1; shift; fi
SOAK=0
HOLD=0
REPLICA=0
if [[ "${1:-}" == "--replica" ]]; then REPLICA=1; shift; fi
if [[ "${1:-}" == "--soak" ]]; then SOAK=1; shift; fi
if [[ "${1:-}" == "--hold" ]]; then HOLD=1; shift; fi
[[ "${1:-}" == "--" ]] && shift
DRIVER_ARGS=("$@")
SEED=${RELAIS_BENCH_SEED:-42}
TOTAL_TIMEOUT=${RELAIS_BENCH_TIMEOUT:-3600}

RUN="$ROOT/bench/.run"
mkdir -p "$RUN"
chmod 755 "$RUN"
exec 9>"$RUN/.lock"
flock -n 9 || { echo "another bench/run.sh holds $RUN/.lock" >&2; exit 1; }

log() { echo "== $(date +%H:%M:%S) $*"; }
as_pg() { (cd / && runuser -u postgres -- "$@"); }

PG_BIN=""
PG_DATA=""
SMTP_PID=""
APP_PID=""
FAULTS_PID=""
# --replica: the standby's data directory, the two instances reading from it and the balancer in front of them.
REPLICA_DATA=""
REPLICA_PIDS=()
LB_PID=""
# The soak's fault injector restarts the SMTP sink and instance B: their current pids are in files.
stop_pidfile() { # FILE
  local pid
  [[ -f "$1" ]] || return 0
  pid=$(cat "$1")
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  rm -f "$1"
}
cleanup() {
  if [[ -n "$FAULTS_PID" ]]; then kill "$FAULTS_PID" 2>/dev/null || true; wait "$FAULTS_PID" 2>/dev/null || true; FAULTS_PID=""; fi
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi
  stop_pidfile "$RUN/relais-b.pid"
  if [[ -n "$LB_PID" ]]; then kill "$LB_PID" 2>/dev/null || true; wait "$LB_PID" 2>/dev/null || true; LB_PID=""; fi
  local p
  for p in "${REPLICA_PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  REPLICA_PIDS=()
  if [[ -n "$REPLICA_DATA" && -f "$REPLICA_DATA/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DATA" stop -m fast -w -t 60 >/dev/null 2>&1 || true
  fi
  REPLICA_DATA=""
  if [[ -n "$SMTP_PID" ]]; then kill "$SMTP_PID" 2>/dev/null || true; wait "$SMTP_PID" 2>/dev/null || true; SMTP_PID=""; fi
  stop_pidfile "$RUN/smtp.pid"
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m fast -w -t 60 >/dev/null 2>&1 || true
  fi
  PG_DATA=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# The whole run is bounded: a watchdog ends it (and the trap cleans up) after TOTAL_TIMEOUT seconds.
( sleep "$TOTAL_TIMEOUT"; echo "bench/run.sh: time limit of ${TOTAL_TIMEOUT}s reached" >&2; kill -TERM $$ ) 9>&- &
WATCHDOG=$!
trap 'kill $WATCHDOG 2>/dev/null || true; cleanup' EXIT

free_port() { # START
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") >/dev/null 2>&1; do p=$((p + 1)); done
  echo "$p"
}
wait_for_port() { # PORT SECONDS WHAT
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "ERROR: $3 not listening on 127.0.0.1:$1 after $2 s" >&2
  return 1
}

# ---------------------------------------------------------------- PostgreSQL (as in scripts/test.sh)
for d in /usr/lib/postgresql/*/bin; do [[ -x "$d/initdb" ]] && PG_BIN=$d; done
[[ -n "$PG_BIN" ]] || { echo "PostgreSQL is not installed (apt-get install postgresql, or run scripts/test.sh once)" >&2; exit 1; }
env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || { echo "python3-aiosmtpd is not installed" >&2; exit 1; }
PG_BASE="$RUN/pg"
(( ${#PG_BASE} > 80 )) && PG_BASE=$(mktemp -d /tmp/relais-bench-pg.XXXXXX)
if [[ -f "$PG_BASE/data/postmaster.pid" ]]; then as_pg "$PG_BIN/pg_ctl" -D "$PG_BASE/data" stop -m immediate -w >/dev/null 2>&1 || true; fi
rm -rf "$PG_BASE"
mkdir -p "$PG_BASE/data" "$PG_BASE/socket"
chown -R postgres:postgres "$PG_BASE"
chmod 700 "$PG_BASE/data"
log "initdb ($PG_BIN)"
as_pg "$PG_BIN/initdb" -D "$PG_BASE/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$RUN/initdb.log" 2>&1
cat >"$PG_BASE/data/pg_hba.conf" <<'EOF'
local all all               trust
host  all all 127.0.0.1/32  trust
EOF
# --replica: the standby streams the WAL over loopback (wal_level replica and 10 WAL senders are PostgreSQL's defaults).
[[ "$REPLICA" == "1" ]] && echo "host  replication all 127.0.0.1/32  trust" >>"$PG_BASE/data/pg_hba.conf"
cat >>"$PG_BASE/data/postgresql.conf" <<EOF

# --- bench/run.sh: durable (fsync on), asynchronous commit only
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_BASE/socket'
max_connections = 200
synchronous_commit = off
shared_buffers = 2GB
effective_cache_size = 12GB
work_mem = 16MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
checkpoint_timeout = 15min
EOF
chown postgres:postgres "$PG_BASE/data/pg_hba.conf" "$PG_BASE/data/postgresql.conf"
PG_PORT=$(free_port 56432)
as_pg "$PG_BIN/pg_ctl" -D "$PG_BASE/data" -l "$PG_BASE/postgres.log" -o "-p $PG_PORT" -w -t 60 start >/dev/null 9>&-
PG_DATA="$PG_BASE/data"
wait_for_port "$PG_PORT" 30 PostgreSQL
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" relais
CS="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=relais;Maximum Pool Size=100"
log "PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$PG_PORT"

# ---------------------------------------------------------------- --replica: a streaming replica on loopback
# Started before the load, so that the generator's COPY reaches it as WAL, as a production standby would receive it.
REPLICA_CS=""
if [[ "$REPLICA" == "1" ]]; then
  REPLICA_BASE="$PG_BASE-replica"
  if [[ -f "$REPLICA_BASE/data/postmaster.pid" ]]; then as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_BASE/data" stop -m immediate -w >/dev/null 2>&1 || true; fi
  rm -rf "$REPLICA_BASE"
  mkdir -p "$REPLICA_BASE/socket"
  chown -R postgres:postgres "$REPLICA_BASE"
  # -R writes standby.signal and primary_conninfo; -X stream copies the WAL written during the backup.
  as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$REPLICA_BASE/data" -R -X stream -c fast >"$RUN/basebackup.log" 2>&1
  chmod 700 "$REPLICA_BASE/data"
  cat >>"$REPLICA_BASE/data/postgresql.conf" <<EOF

# --- bench/run.sh --replica: the hot standby
unix_socket_directories = '$REPLICA_BASE/socket'
hot_standby = on
# Long aggregate reads are not cancelled by the replay of a vacuum on the primary (the primary keeps the rows they see).
hot_standby_feedback = on
shared_buffers = 1GB
EOF
  REPLICA_PORT=$(free_port $((PG_PORT + 1)))
  as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_BASE/data" -l "$REPLICA_BASE/postgres.log" -o "-p $REPLICA_PORT" -w -t 60 start >/dev/null 9>&-
  REPLICA_DATA="$REPLICA_BASE/data"
  wait_for_port "$REPLICA_PORT" 30 "PostgreSQL replica"
  REPLICA_CS="Host=127.0.0.1;Port=$REPLICA_PORT;Username=postgres;Database=relais;Maximum Pool Size=100"
  log "streaming replica on 127.0.0.1:$REPLICA_PORT ($(as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -Atc "SELECT state FROM pg_stat_replication" postgres))"
fi

# ---------------------------------------------------------------- SMTP sink
MAILDIR="$RUN/maildir"
rm -rf "$MAILDIR"
mkdir -p "$MAILDIR/new" "$MAILDIR/cur" "$MAILDIR/tmp"
SMTP_PORT=$(free_port 2525)
start_smtp() {
  env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$MAILDIR" \
    >>"$RUN/smtp.log" 2>&1 </dev/null 9>&- &
  echo $! >"$RUN/smtp.pid"
  wait_for_port "$SMTP_PORT" 20 "SMTP sink"
}
: >"$RUN/smtp.log"
start_smtp
SMTP_PID=$(cat "$RUN/smtp.pid")
log "SMTP sink on 127.0.0.1:$SMTP_PORT"

# ---------------------------------------------------------------- build
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
COMMIT=$(git rev-parse HEAD)
SRC="$ROOT"
if [[ "${RELAIS_BENCH_WORKTREE:-0}" != "1" ]]; then
  SRC="$RUN/src"
  rm -rf "$SRC"
  mkdir -p "$SRC"
  git archive HEAD | tar -x -C "$SRC"
else
  COMMIT="$COMMIT+worktree"
fi
log "dotnet build (Release) of $COMMIT"
dotnet build "$SRC/src/Relais.Web/Relais.Web.csproj" -c Release -nologo -v quiet -nodeReuse:false 9>&- >"$RUN/build.log" 2>&1 \
  || { tail -30 "$RUN/build.log" >&2; exit 1; }
dotnet build "$ROOT/bench/Relais.Bench.Generator" -c Release -nologo -v quiet -nodeReuse:false 9>&- >>"$RUN/build.log" 2>&1 \
  && dotnet build "$ROOT/bench/Relais.Bench.Driver" -c Release -nologo -v quiet -nodeReuse:false 9>&- >>"$RUN/build.log" 2>&1 \
  || { tail -30 "$RUN/build.log" >&2; exit 1; }

# ---------------------------------------------------------------- Relais
APP_PORT=$(free_port 5391)
start_relais() { # [PORT LOG [REPLICA_CS]]: sets LAST_PID
  local port=${1:-$APP_PORT} logfile=${2:-$RUN/relais.log} replica=${3:-}
  (cd "$SRC/src/Relais.Web/bin/Release/net10.0" && \
   ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
   ConnectionStrings__Postgres="$CS" ConnectionStrings__Replica="$replica" Relais__DemoData=false \
   Mail__Host=127.0.0.1 Mail__Port="$SMTP_PORT" Mail__Security=None Mail__From=relais@bench.relais \
   Security__SignInLimits__PerClientPerWindow=1000 \
   Logging__LogLevel__Default=Warning \
   exec dotnet Relais.Web.dll) >>"$logfile" 2>&1 </dev/null 9>&- &
  LAST_PID=$!
  wait_for_port "$port" 120 Relais
}
: >"$RUN/relais.log"
log "Relais (migrates the database, stores the shipped protocols)"
start_relais
APP_PID=$LAST_PID

# ---------------------------------------------------------------- data
log "generator: $PATIENTS patients, seed $SEED"
df -h "$RUN" | tail -1
dotnet "$ROOT/bench/Relais.Bench.Generator/bin/Release/net10.0/Relais.Bench.Generator.dll" --connection "$CS" --patients "$PATIENTS" --seed "$SEED" \
  | tee "$RUN/generator.log"
GENERATED_AT=$(date +%s)
# A fresh process after the load: no cached plan or pool from the empty database.
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
log "Relais restarted"
start_relais
APP_PID=$LAST_PID

if [[ "$HOLD" == "1" ]]; then
  log "holding: Relais on http://127.0.0.1:$APP_PORT (pid $APP_PID), PostgreSQL \"$CS\"; Ctrl-C or kill $$ to stop"
  echo "$CS" >"$RUN/hold.connection"
  echo "$PG_BASE/postgres.log" >"$RUN/hold.pglog"
  wait "$APP_PID" || true
  exit 0
fi

# ---------------------------------------------------------------- --replica: the read scale-out
if [[ "$REPLICA" == "1" ]]; then
  primary_lsn() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -Atc "SELECT pg_current_wal_lsn()" postgres; }
  replayed() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$REPLICA_PORT" -Atc "SELECT pg_last_wal_replay_lsn() >= '$1'::pg_lsn" postgres; }
  started=$(date +%s)
  target=$(primary_lsn)
  until [[ "$(replayed "$target")" == "t" ]]; do
    (( $(date +%s) - started > 600 )) && { echo "the replica did not catch up with $target in 10 minutes" >&2; exit 1; }
    sleep 0.5
  done
  CATCH_UP="the replica had replayed the primary's WAL of the load (up to $target) $(($(date +%s) - GENERATED_AT)) s after the generator ended (checked once Relais had restarted; waited $(($(date +%s) - started)) s)"
  log "$CATCH_UP"
  # Phase 1 is the instance already running, on the primary alone (no ConnectionStrings:Replica); phases 2 and 3 read from
  # the replica: one instance, then two behind HAProxy.
  if ! command -v haproxy >/dev/null 2>&1; then
    log "installing haproxy (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >"$RUN/apt-haproxy.log" 2>&1 \
      || { apt-get update -q >>"$RUN/apt-haproxy.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >>"$RUN/apt-haproxy.log" 2>&1; } \
      || { tail -20 "$RUN/apt-haproxy.log" >&2; exit 1; }
  fi
  PORT_R1=$(free_port $((APP_PORT + 1)))
  : >"$RUN/relais-r1.log"
  start_relais "$PORT_R1" "$RUN/relais-r1.log" "$REPLICA_CS"
  REPLICA_PIDS+=("$LAST_PID")
  PORT_R2=$(free_port $((PORT_R1 + 1)))
  : >"$RUN/relais-r2.log"
  start_relais "$PORT_R2" "$RUN/relais-r2.log" "$REPLICA_CS"
  REPLICA_PIDS+=("$LAST_PID")
  LB_PORT=$(free_port 5480)
  # HTTP mode, round robin per request (not per connection: the driver's clients keep their connections open).
  cat >"$RUN/haproxy.cfg" <<EOF
global
  maxconn 2000
defaults
  mode http
  timeout connect 5s
  timeout client 120s
  timeout server 120s
  option http-keep-alive
frontend relais
  bind 127.0.0.1:$LB_PORT
  default_backend instances
backend instances
  balance roundrobin
  server r1 127.0.0.1:$PORT_R1
  server r2 127.0.0.1:$PORT_R2
EOF
  haproxy -db -f "$RUN/haproxy.cfg" >"$RUN/haproxy.log" 2>&1 </dev/null 9>&- &
  LB_PID=$!
  wait_for_port "$LB_PORT" 20 HAProxy
  HAPROXY_VERSION=$(haproxy -v | head -1)
  log "replica instances on $PORT_R1 (pid ${REPLICA_PIDS[0]}) and $PORT_R2 (pid ${REPLICA_PIDS[1]}), $HAPROXY_VERSION on $LB_PORT"
  log "driver (replica)"
  dotnet "$ROOT/bench/Relais.Bench.Driver/bin/Release/net10.0/Relais.Bench.Driver.dll" --replica-bench \
    --connection "$CS" --replica-connection "$REPLICA_CS" \
    --primary-pg "$(head -1 "$PG_DATA/postmaster.pid")" --replica-pg "$(head -1 "$REPLICA_DATA/postmaster.pid")" \
    --phase "primary, 1 instance|http://127.0.0.1:$APP_PORT|$APP_PID" \
    --phase "replica, 1 instance|http://127.0.0.1:$PORT_R1|${REPLICA_PIDS[0]}" \
    --phase "replica, 2 instances + HAProxy|http://127.0.0.1:$LB_PORT|${REPLICA_PIDS[0]},${REPLICA_PIDS[1]}" \
    --results "$ROOT/bench/results" --commit "$COMMIT" --note "$CATCH_UP" \
    --note "PostgreSQL $(basename "$(dirname "$PG_BIN")"), primary and hot standby on this machine; $HAPROXY_VERSION" "${DRIVER_ARGS[@]}" 9>&-
  exit 0
fi

# ---------------------------------------------------------------- soak: instance B and the faults
if [[ "$SOAK" == "1" ]]; then
  APP_PORT_B=$(free_port $((APP_PORT + 1)))
  : >"$RUN/relais-b.log"
  start_relais "$APP_PORT_B" "$RUN/relais-b.log"
  echo "$LAST_PID" >"$RUN/relais-b.pid"
  log "soak: instance A on $APP_PORT (pid $APP_PID), instance B on $APP_PORT_B (pid $LAST_PID)"
  MARKER="$RUN/soak.started"
  FAULTS="$RUN/faults.log"
  rm -f "$MARKER"
  : >"$FAULTS"
  fault() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$FAULTS"; }
  # The timeline starts when the driver has warmed up (it writes the marker file).
  (
    trap - EXIT INT TERM
    while [[ ! -f "$MARKER" ]]; do sleep 1; done
    t0=$(date +%s)
    at() { local s=$(($1 - ($(date +%s) - t0))); ((s > 0)) && sleep "$s"; return 0; }
    events=$(printf '%s smtp\n%s kill\n' "${RELAIS_SOAK_SMTP_AT:-120}" "${RELAIS_SOAK_KILL_AT:-240}" | sort -n)
    while read -r when what; do
      at "$when"
      case $what in
        smtp)
          kill "$(cat "$RUN/smtp.pid")" 2>/dev/null || true
          fault "+$(($(date +%s) - t0)) s: SMTP sink stopped (SIGTERM) for ${RELAIS_SOAK_SMTP_DOWN:-60} s"
          sleep "${RELAIS_SOAK_SMTP_DOWN:-60}"
          start_smtp
          fault "+$(($(date +%s) - t0)) s: SMTP sink restarted (same port, same Maildir)" ;;
        kill)
          kill -KILL "$(cat "$RUN/relais-b.pid")" 2>/dev/null || true
          fault "+$(($(date +%s) - t0)) s: instance B killed (SIGKILL, no shutdown) for ${RELAIS_SOAK_KILL_DOWN:-30} s"
          sleep "${RELAIS_SOAK_KILL_DOWN:-30}"
          started=$(date +%s)
          start_relais "$APP_PORT_B" "$RUN/relais-b.log"
          echo "$LAST_PID" >"$RUN/relais-b.pid"
          fault "+$(($(date +%s) - t0)) s: instance B restarted (pid $LAST_PID), listening $(($(date +%s) - started)) s after its start" ;;
      esac
    done <<<"$events"
  ) 9>&- &
  FAULTS_PID=$!
  log "driver (soak)"
  dotnet "$ROOT/bench/Relais.Bench.Driver/bin/Release/net10.0/Relais.Bench.Driver.dll" --url "http://127.0.0.1:$APP_PORT" --connection "$CS" \
    --server-pid "$APP_PID" --smtp-maildir "$MAILDIR" --results "$ROOT/bench/results" --commit "$COMMIT" \
    --soak 10m --warmup 60s --other-urls "http://127.0.0.1:$APP_PORT_B" --soak-marker "$MARKER" --faults-log "$FAULTS" "${DRIVER_ARGS[@]}" 9>&-
  log "soak done; instance B pid $(cat "$RUN/relais-b.pid"), VmRSS $(awk '/VmRSS/ {print $2, $3}' "/proc/$(cat "$RUN/relais-b.pid")/status" 2>/dev/null || echo gone)"
  exit 0
fi

# ---------------------------------------------------------------- driver
log "driver"
dotnet "$ROOT/bench/Relais.Bench.Driver/bin/Release/net10.0/Relais.Bench.Driver.dll" --url "http://127.0.0.1:$APP_PORT" --connection "$CS" \
  --server-pid "$APP_PID" --smtp-maildir "$MAILDIR" --results "$ROOT/bench/results" --commit "$COMMIT" --pg-log "$PG_BASE/postgres.log" --twin-dump "$RUN/twins" "${DRIVER_ARGS[@]}" 9>&-
cp "$RUN/generator.log" "$ROOT/bench/results/generator-$PATIENTS.log"
log "done; database size: $(as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -Atc "SELECT pg_size_pretty(pg_database_size('relais'))" relais)"
