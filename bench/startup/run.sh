#!/usr/bin/env bash
# Start-up benchmark for Tuoyu.Web (see bench/README.md and docs/performance.md).
#
# Builds src/Tuoyu.Web in Release into a temporary directory once, then measures the wall time from
# process start until GET /health/ready answers 200:
#   cold: RUNS starts, each on a fresh SQLite file with --Seed=demo (migrate + regions + demo world);
#   warm: RUNS starts on the database the first cold run left behind (already migrated and seeded).
# Each app is stopped (SIGTERM, then SIGKILL after 15 s) before the next one starts.
#
# Usage:  bench/startup/run.sh              (from anywhere; the repo root is found from this file)
# Env:    RUNS=5          starts per series
#         SCALE=          demo scale, passed as --Seed:Scale when set (City, Province, National;
#                         the app's default is City)
#         PORT=           fixed port; default: first free port from 18080
#         TIMEOUT=600     seconds to wait for /health/ready per start
#         OUT=            build output dir; with NO_BUILD=1 an existing build there is reused
#         KEEP=1          keep the temp dir (databases, logs) and the build output
#
# The build writes obj/ inside src/Tuoyu.Web: run it from a copy of the repo if someone else is
# building in the working tree (docs/performance.md shows how).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
RUNS="${RUNS:-5}"
SCALE="${SCALE:-}"
TIMEOUT="${TIMEOUT:-600}"
KEEP="${KEEP:-0}"
NO_BUILD="${NO_BUILD:-0}"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/tuoyu-bench-startup.XXXXXX")"
if [ -z "${OUT:-}" ]; then OUT="$TMP/build"; fi
APP_PID=""

log() { printf '[bench] %s\n' "$*" >&2; }

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$APP_PID" 2>/dev/null; then kill -KILL "$APP_PID" 2>/dev/null || true; fi
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

cleanup() {
  local rc=$?
  set +e
  stop_app
  if [ "$KEEP" = "1" ]; then
    log "kept $TMP"
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
  if [ -n "${PORT:-}" ]; then echo "$PORT"; return; fi
  local p
  for p in $(seq 18080 18180); do
    if ! port_in_use "$p"; then echo "$p"; return; fi
  done
  log "no free port in 18080-18180"; exit 1
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'; }

# ------------------------------------------------------------------ build (once)
if [ "$NO_BUILD" = "1" ] && [ -f "$OUT/Tuoyu.Web.dll" ]; then
  log "reusing build in $OUT"
else
  log "building Release from $REPO_ROOT into $OUT"
  t0=$(now_ms)
  (cd "$REPO_ROOT" && dotnet build -c Release -o "$OUT" src/Tuoyu.Web -nologo -v quiet) >"$TMP/build.log" 2>&1 || {
    cat "$TMP/build.log" >&2; log "build failed"; exit 1; }
  log "build took $(( ($(now_ms) - t0) / 1000 )) s"
fi

# ------------------------------------------------------------------ one start
# start_once NAME DB DATADIR -> sets LAST_MS to milliseconds until /health/ready == 200.
# Runs in the main shell (not in $(...)) so that APP_PID is visible to the EXIT trap.
LAST_MS=""
start_once() {
  local name="$1" db="$2" datadir="$3"
  local port; port="$(pick_port)"
  local logf="$TMP/$name.log"
  local args=(--urls "http://127.0.0.1:$port" --Database:SqlitePath="$db" --DataDirectory="$datadir" --Seed=demo)
  if [ -n "$SCALE" ]; then args+=(--Seed:Scale="$SCALE"); fi
  local t0; t0=$(now_ms)
  # Content root = $OUT, so appsettings.json from the build output applies (as in a deployment).
  (cd "$OUT" && exec dotnet "$OUT/Tuoyu.Web.dll" "${args[@]}") >"$logf" 2>&1 </dev/null &
  APP_PID=$!
  local code=""
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/ready" 2>/dev/null || true)"
    [ "$code" = "200" ] && break
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      log "$name: the app exited before it was ready; log:"; tail -n 40 "$logf" >&2; exit 1
    fi
    if [ $(( $(now_ms) - t0 )) -gt $(( TIMEOUT * 1000 )) ]; then
      log "$name: not ready after ${TIMEOUT}s; log:"; tail -n 40 "$logf" >&2; exit 1
    fi
    sleep 0.1
  done
  LAST_MS=$(( $(now_ms) - t0 ))
  stop_app
}

# ------------------------------------------------------------------ statistics
stats() { # stats ms... -> "median min max"
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%d %d %d\n", m, v[1], v[NR] }'
}

fmt_s() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }

echo "Tuoyu.Web start-up benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, dotnet $(dotnet --version), scale ${SCALE:-City (default)}, runs $RUNS"
echo "repo: $REPO_ROOT ($(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no git'))"

# ------------------------------------------------------------------ cold series
echo
echo "cold start (fresh SQLite file, --Seed=demo): process start -> /health/ready 200  [load avg before: $(loadavg)]"
cold=()
for i in $(seq 1 "$RUNS"); do
  start_once "cold$i" "$TMP/run$i.db" "$TMP/data$i"
  ms="$LAST_MS"
  cold+=("$ms")
  gen="$(grep -o 'Demo world ([A-Za-z]*) generated in [0-9:.]*[0-9]' "$TMP/cold$i.log" | head -n 1 || true)"
  printf '  run %d: %6d ms  (%s)\n' "$i" "$ms" "${gen:-no demo-world log line}"
done
read -r c_med c_min c_max < <(stats "${cold[@]}")

# ------------------------------------------------------------------ warm series
echo
echo "warm start (run1.db again: migrated and seeded): process start -> /health/ready 200  [load avg before: $(loadavg)]"
warm=()
for i in $(seq 1 "$RUNS"); do
  start_once "warm$i" "$TMP/run1.db" "$TMP/data1"
  ms="$LAST_MS"
  warm+=("$ms")
  printf '  run %d: %6d ms\n' "$i" "$ms"
done
read -r w_med w_min w_max < <(stats "${warm[@]}")
echo "  [load avg after: $(loadavg)]"

echo
printf '%-6s %5s %10s %10s %10s\n' series runs median min max
printf '%-6s %5d %10s %10s %10s\n' cold "$RUNS" "$(fmt_s "$c_med")" "$(fmt_s "$c_min")" "$(fmt_s "$c_max")"
printf '%-6s %5d %10s %10s %10s\n' warm "$RUNS" "$(fmt_s "$w_med")" "$(fmt_s "$w_min")" "$(fmt_s "$w_max")"
