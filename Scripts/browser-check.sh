#!/usr/bin/env bash
# The pages in a real browser: for each channel (web, app at 360 px, kiosk), a fresh demo service on a
# throw-away SQLite file and Scripts/oracles/browser_flows.py clicking through the seed flows in headless chromium,
# with axe-core on every page. Screenshots go to ${BROWSER_SHOTS:-.build/browser-shots} (kept as artefacts).
# Usage: browser-check.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/ameli-docs}
shots=${BROWSER_SHOTS:-.build/browser-shots}
rm -rf "$shots" && mkdir -p "$shots"
work=$(mktemp -d)
pids=()
# Each pid is the server's own (the subshell execs it), so killing it stops the server; wait reaps it before the
# work directory goes.
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
status=0
for channel in web app kiosk; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # The kiosk's idle sign-out is 2 minutes; 20 seconds here, so that the test can wait for it.
  # `exec`: the server replaces the subshell, so $! is the server and the trap's kill reaches it.
  (cd "$work" && AMELI_DOCS_RESOURCES="$OLDPWD" AMELI_DOCS_KIOSK_IDLE_SECONDS=20 exec "$OLDPWD/$binary" serve --demo --port "$port" \
     --database "sqlite:$work/$channel.sqlite" >"$work/$channel.log" 2>&1) &
  pids+=($!)
  # Ready once it answers and has printed the demo's lines (the admin token comes after the server starts).
  for _ in $(seq 1 100); do
    grep -q '^export ADMIN_TOKEN=' "$work/$channel.log" 2>/dev/null \
      && python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=2)" 2>/dev/null && break
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/$channel.log" >&2; exit 1; }
    sleep 0.2
  done
  admin_token=$(sed -n 's/^export ADMIN_TOKEN=//p' "$work/$channel.log")
  .venv-oracles/bin/python Scripts/oracles/browser_flows.py "$channel" "http://127.0.0.1:$port" "$shots" "$admin_token" || status=1
done
exit $status
