#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL cluster on a loopback port, AMELI_DOCS_TEST_POSTGRES_URL exported.
# The cluster lives in a temporary directory owned by the unprivileged `postgres` user (initdb refuses root) and is
# stopped and deleted when the command ends, whatever its outcome. Usage: with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
if [[ $# -eq 0 ]]; then echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$bin" ]]; then echo "with-postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; fi
port=${AMELI_DOCS_TEST_POSTGRES_PORT:-$(( 20000 + RANDOM % 20000 ))}
dir=$(mktemp -d /tmp/ameli-docs-pg.XXXXXX)
as_postgres=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres:postgres "$dir"
  as_postgres=(runuser -u postgres --)
fi
cleanup() {
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${as_postgres[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a throw-away cluster trades durability for speed; the socket goes to our own directory.
"${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
export AMELI_DOCS_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres.sh: PostgreSQL on 127.0.0.1:$port ($AMELI_DOCS_TEST_POSTGRES_URL)" >&2
set +e
"$@"
status=$?
set -e
exit $status
