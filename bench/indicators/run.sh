#!/usr/bin/env bash
# Indicator-table benchmark (issue #6: the full table for any region of the province world in < 200 ms at p95, live).
# For each database (SQLite, then PostgreSQL when TUOYU_BENCH_POSTGRES is set): a fresh database, the Release build of
# Tuoyu.Web with --Seed=demo --Seed:Scale=Province, IndicatorBench prepare (a province regulator account `benchprov`
# and the regions: the province, every city and county with institutions, the 20 busiest streets), then IndicatorBench
# run: GET /api/v1/indicators/values?region=…&year=$YEAR for every region, one request at a time, one warm-up round and
# ROUNDS measured rounds; then the province alone for PROVINCE_ROUNDS rounds. Prints median, p95, p99, max per level.
# Env: ROUNDS=5 PROVINCE_ROUNDS=30 YEAR=2025 PORT=18320 PROVIDERS="sqlite postgres" OUT=<dir> KEEP=1
#      TUOYU_BENCH_POSTGRES  Npgsql connection string of a database the benchmark may DROP and recreate.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS="${ROUNDS:-5}"; PROVINCE_ROUNDS="${PROVINCE_ROUNDS:-30}"; YEAR="${YEAR:-2025}"; PORT="${PORT:-18320}"
PROVIDERS="${PROVIDERS:-sqlite postgres}"; KEEP="${KEEP:-0}"; PASSWORD="Tuoyu@2025"
OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/tuoyu-bench-indicators.XXXXXX")}"
APP_PID=""
stop_app() { if [ -n "$APP_PID" ]; then kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }
cleanup() { stop_app; if [ "$KEEP" != "1" ]; then rm -rf "$OUT"; else echo "kept $OUT" >&2; fi; }
trap cleanup EXIT
dotnet build "$REPO_ROOT/src/Tuoyu.Web" -c Release -o "$OUT/app" -v quiet -nologo >"$OUT/build-app.log"
dotnet build "$REPO_ROOT/bench/indicators/IndicatorBench" -c Release -o "$OUT/bench" -v quiet -nologo >"$OUT/build-bench.log"
BENCH="$OUT/bench/IndicatorBench.dll"

measure() { # provider, connection string for the preparer, app arguments…
  local provider="$1" cs="$2"; shift 2
  (cd "$OUT/app" && exec dotnet Tuoyu.Web.dll --urls "http://127.0.0.1:$PORT" --Seed=demo --Seed:Scale=Province \
      --DataDirectory="$OUT/data-$provider" --Logging:LogLevel:Default=Warning "$@") >"$OUT/app-$provider.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 2400); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app-$provider.log" >&2; exit 1; }
    sleep 0.25
  done
  dotnet "$BENCH" prepare "$provider" "$cs" "$OUT/regions-$provider.txt"
  echo "$provider: load average $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$BENCH" run "http://127.0.0.1:$PORT" "$PASSWORD" "$OUT/regions-$provider.txt" "$ROUNDS" "$YEAR"
  head -n 1 "$OUT/regions-$provider.txt" >"$OUT/province-$provider.txt"
  dotnet "$BENCH" run "http://127.0.0.1:$PORT" "$PASSWORD" "$OUT/province-$provider.txt" "$PROVINCE_ROUNDS" "$YEAR" | head -n 1
  stop_app
}

echo "Indicator benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, repo $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
for p in $PROVIDERS; do
  case "$p" in
    sqlite) measure sqlite "Data Source=$OUT/bench.db" --Database:SqlitePath="$OUT/bench.db" ;;
    postgres)
      if [ -z "${TUOYU_BENCH_POSTGRES:-}" ]; then echo "postgres: skipped (TUOYU_BENCH_POSTGRES not set)"; continue; fi
      db=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$TUOYU_BENCH_POSTGRES")
      admin=$(sed "s/Database=[^;]*/Database=postgres/" <<<"$TUOYU_BENCH_POSTGRES")
      dotnet "$BENCH" recreate "$admin" "$db"
      (cd "$OUT/app" && dotnet Tuoyu.Web.dll migrate --Database:Provider=Postgres --ConnectionStrings:Tuoyu="$TUOYU_BENCH_POSTGRES" \
          --DataDirectory="$OUT/data-postgres" --Logging:LogLevel:Default=Warning) >"$OUT/migrate.log" 2>&1
      measure postgres "$TUOYU_BENCH_POSTGRES" --Database:Provider=Postgres --ConnectionStrings:Tuoyu="$TUOYU_BENCH_POSTGRES" ;;
    *) echo "unknown provider $p" >&2; exit 2 ;;
  esac
done
