#!/usr/bin/env bash
# Runs every test: installs what is missing, builds once, then one `swift test` (SQLite and PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-system-packages.sh --tests
bash Scripts/oracles/setup.sh
swift build --build-tests
if [[ -f Scripts/with-postgres.sh ]]; then
  # Starts a throw-away PostgreSQL cluster on a loopback port, exports AMELI_DOCS_TEST_POSTGRES_URL, stops it after.
  bash Scripts/with-postgres.sh swift test --skip-build
else
  swift test --skip-build
fi
# The contract, checked from outside against the served openapi.yaml (schemathesis, about a minute).
bash Scripts/contract-check.sh
# The pages in headless chromium on each channel, axe-core on every page (about 40 s).
bash Scripts/browser-check.sh
