#!/usr/bin/env bash
# Morning-peak check-in benchmark (issue #4; see bench/README.md and docs/performance.md).
#
# For each database (SQLite, then PostgreSQL when TUOYU_BENCH_POSTGRES is set):
#   1. a fresh database (SQLite: a new file; PostgreSQL: the database in TUOYU_BENCH_POSTGRES is DROPPED and
#      migrated by CheckinBench fresh);
#   2. the Release build of Tuoyu.Web starts on it with --Seed=demo --Seed:Scale=$SCALE (migrate, regions, demo world);
#   3. CheckinBench prepare: one staff account (bench0001…) per institution for ACCOUNTS institutions with children in
#      care today (China date), written straight into the database with the demo password's hash;
#   4. CheckinBench run: signs every account in (POST /api/v1/auth/token; the app runs with a raised sign-in rate
#      limit, Security:SignInRatePerMinute, since all accounts sign in from one address), then CLIENTS concurrent
#      loops POST /api/v1/attendance/check-ins over HTTP on loopback: each child of the plan once, institutions
#      interleaved, plus REPEAT % repeats of a child checked in a little earlier (idempotent: 200);
#      WARMUP requests unmeasured, then MEASURED measured: throughput, median, p95, p99, max, statuses, errors;
#   5. CheckinBench floor: the same client loop on GET /health/live (what client + Kestrel alone cost here).
# The client runs on the same machine as the app and the database: it competes for the same cores.
#
# Usage:  bench/checkin/run.sh
# Env:    SCALE=Province  ACCOUNTS=1500  CLIENTS=50  WARMUP=2000  MEASURED=20000  REPEAT=5
#         TUOYU_BENCH_POSTGRES   Npgsql connection string of a database the benchmark may drop and recreate,
#                                e.g. "Host=127.0.0.1;Port=55499;Username=postgres;Database=tuoyu_bench_checkin"
#         PROVIDERS="sqlite postgres"  PORT=18310  OUT=<dir> (build output, data, logs)  KEEP=1 (keep OUT)
#         NO_BUILD=1  with an OUT that already holds the builds
# The build writes obj/ inside src/Tuoyu.Web and the bench project: run it from a copy of the repo if someone
# else builds in the same working tree (docs/performance.md shows how).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
SCALE="${SCALE:-Province}"
ACCOUNTS="${ACCOUNTS:-1500}"
CLIENTS="${CLIENTS:-50}"
WARMUP="${WARMUP:-2000}"
MEASURED="${MEASURED:-20000}"
REPEAT="${REPEAT:-5}"
PORT="${PORT:-18310}"
KEEP="${KEEP:-0}"
NO_BUILD="${NO_BUILD:-0}"
PROVIDERS="${PROVIDERS:-sqlite postgres}"
PASSWORD="Tuoyu@2025" # SeedSettings.DefaultDemoPassword
OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/tuoyu-bench-checkin.XXXXXX")}"
APP_PID=""

log() { printf '[bench] %s\n' "$*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'; }

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

cleanup() {
  stop_app
  if [ "$KEEP" != "1" ]; then rm -rf "$OUT"; else log "kept $OUT"; fi
}
trap cleanup EXIT

mkdir -p "$OUT"
if [ "$NO_BUILD" != "1" ]; then
  log "building (Release) into $OUT"
  dotnet build "$REPO_ROOT/src/Tuoyu.Web" -c Release -o "$OUT/app" -v quiet -nologo >"$OUT/build-app.log"
  dotnet build "$REPO_ROOT/bench/checkin/CheckinBench" -c Release -o "$OUT/bench" -v quiet -nologo >"$OUT/build-bench.log"
fi
BENCH="$OUT/bench/CheckinBench.dll"

measure() { # provider, connection string for the preparer, app arguments…
  local provider="$1" cs="$2"; shift 2
  log "$provider: starting the app (fresh database, --Seed=demo --Seed:Scale=$SCALE) on port $PORT"
  local t0; t0=$(date +%s)
  (cd "$OUT/app" && exec dotnet "$OUT/app/Tuoyu.Web.dll" --urls "http://127.0.0.1:$PORT" --Seed=demo --Seed:Scale="$SCALE" \
      --DataDirectory="$OUT/data-$provider" --Security:SignInRatePerMinute=100000 \
      --Logging:LogLevel:Default=Warning --Logging:LogLevel:Tuoyu.Web.Modules.Demo=Information "$@") >"$OUT/app-$provider.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 6000); do
    if curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { log "app exited:"; tail -50 "$OUT/app-$provider.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$provider: ready after $(( $(date +%s) - t0 )) s; $(grep -o 'Demo world ([A-Za-z]*) generated in [^:]*:[^:]*:[0-9.]*' "$OUT/app-$provider.log" | head -n 1 || true)"
  dotnet "$BENCH" prepare "$provider" "$cs" "$OUT/plan-$provider.json" "$ACCOUNTS"
  echo "$provider: load average before: $(loadavg)"
  dotnet "$BENCH" run "http://127.0.0.1:$PORT" "$OUT/plan-$provider.json" "$PASSWORD" "$CLIENTS" "$WARMUP" "$MEASURED" "$REPEAT" || log "$provider: errors (see above)"
  echo "$provider: load average after: $(loadavg)"
  dotnet "$BENCH" floor "http://127.0.0.1:$PORT" "$CLIENTS" 20000
  stop_app
}

echo "Check-in benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, dotnet $(dotnet --version), scale $SCALE, $ACCOUNTS accounts, $CLIENTS clients, warm-up $WARMUP, measured $MEASURED, repeats $REPEAT %"
echo "repo: $REPO_ROOT ($(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no git'))"
for p in $PROVIDERS; do
  case "$p" in
    sqlite)
      rm -f "$OUT/bench.db" "$OUT/bench.db-wal" "$OUT/bench.db-shm"
      measure sqlite "Data Source=$OUT/bench.db" --Database:SqlitePath="$OUT/bench.db" ;;
    postgres)
      if [ -z "${TUOYU_BENCH_POSTGRES:-}" ]; then log "postgres: skipped (TUOYU_BENCH_POSTGRES not set)"; continue; fi
      dotnet "$BENCH" fresh postgres "$TUOYU_BENCH_POSTGRES"
      measure postgres "$TUOYU_BENCH_POSTGRES" --Database:Provider=Postgres --ConnectionStrings:Tuoyu="$TUOYU_BENCH_POSTGRES" ;;
    *) log "unknown provider $p"; exit 2 ;;
  esac
done
