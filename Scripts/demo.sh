#!/usr/bin/env bash
# The main job: builds AmeliDocs and starts the service on an embedded SQLite database with a demo household.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-system-packages.sh
swift build --product ameli-docs
# A fresh database each time, so that the printed walk-through starts from the demo household as described
# (orders left open by an earlier run would block the order flows, R_ONE_OPEN_ORDER).
database="${AMELI_DOCS_DEMO_DATABASE:-demo.sqlite}"
rm -f "$database" "$database-wal" "$database-shm"
exec .build/debug/ameli-docs serve --demo --database "sqlite:$database" "$@"
