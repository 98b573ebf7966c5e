#!/usr/bin/env bash
# schemathesis against the served /openapi.yaml: starts the built `ameli-docs serve --demo` on a free
# loopback port with a throw-away SQLite file, runs every check with an admin token (its subject is the demo
# household, so every route is reachable), then again with the household's own user token, so that the boundary
# between user and admin is fuzzed too (every admin operation must answer its documented 403), and fails on any
# server error, non-conforming answer or undocumented status. Bounded: --max-examples keeps each run near a minute
# on 2 cores. Usage: contract-check.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/ameli-docs}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
AMELI_DOCS_RESOURCES=$PWD "$binary" serve --demo --port "$port" --database "sqlite:$work/contract.sqlite" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=2)" 2>/dev/null && break
  kill -0 $server 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
admin_token=$(sed -n 's/^export ADMIN_TOKEN=//p' "$work/serve.log")
user_token=$(sed -n 's/^export TOKEN=//p' "$work/serve.log")
[[ -n $admin_token && -n $user_token ]] || { echo "contract-check: no tokens in the demo's output" >&2; cat "$work/serve.log" >&2; exit 1; }
for token in "$admin_token" "$user_token"; do
  .venv-oracles/bin/schemathesis --config-file Scripts/oracles/schemathesis.toml run "http://127.0.0.1:$port/openapi.yaml" \
    --checks all --header "Authorization: Bearer $token" --max-examples "${CONTRACT_MAX_EXAMPLES:-300}" \
    --workers 2 --seed 20261130 --no-color --phases examples,fuzzing,stateful
done
# The coverage phase is left out: on CI it crashed inside schemathesis itself (CPython 3.11 "AST constructor
# recursion depth mismatch" while compiling its generated code), a failure of the tool, not of the service.
