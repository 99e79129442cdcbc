#!/usr/bin/env bash
# 双随机 draw benchmark (issue #7: 10,000 institutions and 500 inspectors in < 1 s). Builds DrawBench (Release) and runs it.
# Usage: bench/draw/run.sh [institutions=10000] [inspectors=500] [percent=100] [runs=7]
set -euo pipefail
OUT="$(mktemp -d "${TMPDIR:-/tmp}/tuoyu-bench-draw.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
dotnet build "$(dirname "${BASH_SOURCE[0]}")/DrawBench" -c Release -o "$OUT" -v quiet -nologo >"$OUT/build.log"
dotnet "$OUT/DrawBench.dll" "$@"
