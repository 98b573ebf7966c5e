#!/usr/bin/env bash
# The main job: builds AmeliDocs and starts the service on an embedded SQLite database with a demo household.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-system-packages.sh
swift build --product ameli-docs
exec .build/debug/ameli-docs serve --demo --database "sqlite:${AMELI_DOCS_DEMO_DATABASE:-demo.sqlite}" "$@"
