#!/usr/bin/env bash
# Subsidy-batch benchmark (ADR 0028; issue #5: a province month of 200,000 children computes in < 30 s and < 1 GB).
# For each database (SQLite, then PostgreSQL when TUOYU_BENCH_POSTGRES is set): SubsidyBatchBench DROPS and recreates
# the database, generates the month and times the batch for the whole province (computation + lines written), printing
# the elapsed time and the process's peak working set. Figures go to docs/performance.md, measured on a quiet machine.
# Usage: bench/subsidy-batch/run.sh     Env: CHILDREN=200000  TUOYU_BENCH_POSTGRES=<Npgsql connection string>  OUT=<dir>
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CHILDREN="${CHILDREN:-200000}"
OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/tuoyu-bench-subsidy.XXXXXX")}"
dotnet build -c Release "$SCRIPT_DIR/SubsidyBatchBench/SubsidyBatchBench.csproj" -o "$OUT/bin" >/dev/null
echo "[bench] sqlite"
dotnet "$OUT/bin/SubsidyBatchBench.dll" sqlite "Data Source=$OUT/bench.db" "$CHILDREN"
if [ -n "${TUOYU_BENCH_POSTGRES:-}" ]; then
  echo "[bench] postgres"
  dotnet "$OUT/bin/SubsidyBatchBench.dll" postgres "$TUOYU_BENCH_POSTGRES" "$CHILDREN"
fi
