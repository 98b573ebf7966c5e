#!/usr/bin/env bash
# Measures the release build under load with wrk on 127.0.0.1: beneficiaries list (JSON and page), card PNG viewed again and
# revalidated, an overload of distinct uncached renders, the card's print copy, the certificate's refusal path, and
# nginx serving the same PNG file from disk beside it (the ceiling).
# Bounded: each run lasts DURATION (default 10s) with 2 threads and 16 connections; the server is stopped at the end.
# Usage: Scripts/load.sh [DURATION]   (installs wrk when missing; AMELI_DOCS_SCRATCH names another build folder)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10s}
port=${AMELI_DOCS_LOAD_PORT:-18080}
bash Scripts/install-system-packages.sh --load
scratch=${AMELI_DOCS_SCRATCH:-.build}
swift build -c release --product ameli-docs --scratch-path "$scratch" >/dev/null
binary="$scratch/release/ameli-docs"
work=$(mktemp -d /tmp/ameli-docs-load.XXXXXX)
export AMELI_DOCS_JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export AMELI_DOCS_LOG_LEVEL=warning
"$binary" serve --demo --port "$port" --database "sqlite:$work/load.sqlite" >"$work/serve.log" 2>&1 &
server=$!
# nginx, when started below, is stopped here too, so that a failing wrk run leaves no server behind.
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; [[ -f $work/nginx/nginx.pid ]] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
token=$("$binary" token --nir 185037512000696 --ttl 3600)
base="http://127.0.0.1:$port"
auth="Authorization: Bearer $token"
# A certificate to download: Hugo has no card, so an order with departure issues one.
order=$(curl -s -H "$auth" -H 'Content-Type: application/json' -d '{"departureWithin15Days":true}' "$base/v1/beneficiaries/hugo/card-orders")
certificate=$(echo "$order" | sed -n 's/.*"downloadUrl":"\([^"]*\)".*/\1/p')
run() {
  echo "== $1"
  wrk -t2 -c16 -d"$duration" --latency -H "$auth" "$base$2" | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency "
}
run "GET /v1/beneficiaries" /v1/beneficiaries
# The same household as a page: the session cookie is the same token; the page renews it each time.
echo "== GET /compte/ceam (the beneficiaries page, HTML)"
wrk -t2 -c16 -d"$duration" --latency -H "Cookie: ameli_session_loopback_http=$token" "$base/compte/ceam" \
  | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency "
run "GET /v1/beneficiaries/lea/card.png (300 dpi, viewed again: the rules run, the bytes come from the cache)" "/v1/beneficiaries/lea/card.png"
etag=$(curl -s -D - -o "$work/card.png" -H "$auth" "$base/v1/beneficiaries/lea/card.png" | sed -n 's/^[Ee][Tt]ag: *\([^\r]*\).*/\1/p')
echo "== GET /v1/beneficiaries/lea/card.png with If-None-Match (304, no render)"
wrk -t2 -c16 -d"$duration" --latency -H "$auth" -H "If-None-Match: $etag" "$base/v1/beneficiaries/lea/card.png" \
  | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency "
# Overload: every request a density not rendered yet (72…600 dpi, then again: by then the cache holds them, so
# only the first pass is uncached). Past the render queue's capacity the answer is 503, not a longer wait.
cat >"$work/densities.lua" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/v1/beneficiaries/lea/card.png?dpi=" .. (72 + counter % 529))
end
LUA
echo "== GET card.png at a new density each time (uncached renders; 503 when the render queue is full)"
wrk -t2 -c64 -d"$duration" --latency -H "$auth" -s "$work/densities.lua" "$base" \
  | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency "
run "GET /v1/beneficiaries/lea/card.pdf (print copy, cached)" "/v1/beneficiaries/lea/card.pdf"
# The first request gets the PDF, every later one 410 (R_CERTIFICATE): this measures the refusal path.
run "GET $certificate (one 200, then 410 gone)" "$certificate"
# The ceiling: nginx serving the same PNG from disk on another loopback port, in the same run.
if command -v nginx >/dev/null; then
  mkdir -p "$work/www" "$work/nginx"
  cp "$work/card.png" "$work/www/card.png"
  cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 256; }
http { access_log off; server { listen 127.0.0.1:$((port + 1)); root $work/www; } }
CONF
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
  echo "== nginx: the same card.png from disk (ceiling)"
  wrk -t2 -c16 -d"$duration" --latency "http://127.0.0.1:$((port + 1))/card.png" | grep -E "Requests/sec|^ +(50|90|99)%|Latency "
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -s stop
fi
