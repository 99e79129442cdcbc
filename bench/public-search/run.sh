#!/usr/bin/env bash
# Public-search benchmark (see bench/README.md, docs/performance.md, ADR 0020).
#
# For each database (SQLite, then PostgreSQL when TUOYU_BENCH_POSTGRES is set):
#   1. PublicSearchBench generate: DROPS and recreates the database, applies the migrations and writes a national
#      register of COUNT institutions (filed or not) over every county's streets, with classes, active and ended
#      enrollments and 全日托 fees, plus 5,000 varied queries (a county + a baby's age + vacancy + a point near a
#      filed institution with a 1–10 km radius), then ANALYZE;
#   2. starts the Release build of Tuoyu.Web on that database (--Seed=none; it loads the regions table);
#   3. PublicSearchBench run: GET /api/v1/public/institutions?region=…&ageMonths=…&hasVacancy=true&lat=…&lng=…&radiusKm=…
#      (first page, 20 rows) over HTTP on loopback, one at a time: WARMUP queries unmeasured, then MEASURED queries;
#      prints median, p95, p99 and max in ms (client-side wall time: HTTP + handler + SQL + JSON).
#
# Usage:  bench/public-search/run.sh
# Env:    COUNT=100000           institutions to generate
#         WARMUP=200 MEASURED=2000
#         TUOYU_BENCH_POSTGRES   Npgsql connection string of a database the benchmark may drop and recreate,
#                                e.g. "Host=127.0.0.1;Port=55499;Username=postgres;Database=tuoyu_bench"
#         PROVIDERS="sqlite postgres"
#         PORT=18190  OUT=<dir> (build output, data, logs)  KEEP=1 (keep OUT)
#         REUSE=1   with the OUT of an earlier KEEP=1 run: no build, no generation, measure again
# The build writes obj/ inside src/Tuoyu.Web and the bench project: run it from a copy of the repo if someone
# else builds in the same working tree (docs/performance.md shows how).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
COUNT="${COUNT:-100000}"
WARMUP="${WARMUP:-200}"
MEASURED="${MEASURED:-2000}"
PORT="${PORT:-18190}"
KEEP="${KEEP:-0}"
PROVIDERS="${PROVIDERS:-sqlite postgres}"
OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/tuoyu-bench-search.XXXXXX")}"
APP_PID=""

log() { printf '[bench] %s\n' "$*" >&2; }

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
REUSE="${REUSE:-0}"
if [ "$REUSE" != "1" ]; then
  log "building (Release) into $OUT"
  dotnet build "$REPO_ROOT/src/Tuoyu.Web" -c Release -o "$OUT/app" -v quiet -nologo >"$OUT/build-app.log"
  dotnet build "$REPO_ROOT/bench/public-search/PublicSearchBench" -c Release -o "$OUT/bench" -v quiet -nologo >"$OUT/build-bench.log"
fi
REGIONS="$REPO_ROOT/data/regions/regions.csv"

measure() { # provider, generator connection string, app arguments…
  local provider="$1" cs="$2"; shift 2
  if [ "$REUSE" != "1" ]; then
    log "$provider: generating $COUNT institutions"
    dotnet "$OUT/bench/PublicSearchBench.dll" generate "$provider" "$cs" "$REGIONS" "$OUT/queries-$provider.jsonl" "$COUNT"
  fi
  log "$provider: starting the app on port $PORT"
  (cd "$OUT/app" && exec dotnet "$OUT/app/Tuoyu.Web.dll" --urls "http://127.0.0.1:$PORT" --Seed=none --DataDirectory="$OUT/data-$provider" \
      --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning "$@") >"$OUT/app-$provider.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { log "app exited:"; tail -50 "$OUT/app-$provider.log" >&2; exit 1; }
    sleep 0.1
  done
  log "$provider: measuring ($WARMUP warm-up + $MEASURED queries)"
  printf '%s: ' "$provider"
  dotnet "$OUT/bench/PublicSearchBench.dll" run "http://127.0.0.1:$PORT" "$OUT/queries-$provider.jsonl" "$WARMUP" "$MEASURED"
  stop_app
}

for p in $PROVIDERS; do
  case "$p" in
    sqlite) measure sqlite "Data Source=$OUT/bench.db" --Database:SqlitePath="$OUT/bench.db" ;;
    postgres)
      if [ -z "${TUOYU_BENCH_POSTGRES:-}" ]; then log "postgres: skipped (TUOYU_BENCH_POSTGRES not set)"; continue; fi
      measure postgres "$TUOYU_BENCH_POSTGRES" --Database:Provider=Postgres --ConnectionStrings:Tuoyu="$TUOYU_BENCH_POSTGRES" ;;
    *) log "unknown provider $p"; exit 2 ;;
  esac
done
