#!/bin/sh
# bench-engine.sh: ms per document of the two rendering backends on a certificate-like and a card-like page,
# in a release build (the figures the engine report quotes). Usage: Scripts/bench-engine.sh [output-dir]
set -eu
cd "$(dirname "$0")/.."
out="${1:-${TMPDIR:-/tmp}}"
AMELI_BENCH=1 AMELI_BENCH_OUT="$out" swift test -c release --filter EngineBenchmarkTests 2>&1 | grep "BENCH"
