#!/usr/bin/env bash
# bench-engine.sh: ms per document of the two rendering backends on a certificate-like and a card-like page,
# in a release build (the figures the engine report quotes; `ameli-docs bench` measures the whole pipeline).
# Usage: Scripts/bench-engine.sh [directory for the sample PDF and PNG]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TMPDIR:-/tmp}}"
AMELI_BENCH=1 AMELI_BENCH_OUT="$out" swift test -c release --filter EngineBenchmarkTests 2>&1 | grep "BENCH\|✘"
