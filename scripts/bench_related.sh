#!/usr/bin/env bash
# Related-work speed at 20 000 efforts, in-process, on SQLite and on PostgreSQL, each in a
# database of its own (the demo database is left alone). Usage: scripts/bench_related.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
PY=.venv/bin/python
PG_SERVER="${BENCH_PG_SERVER:-postgres://postgres@127.0.0.1:5432}"

mkdir -p var/bench
SQLITE_URL="sqlite:///$PWD/var/bench/related.sqlite3"
PG_URL="$PG_SERVER/meetmalmo_bench_related"
psql "$PG_SERVER/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='meetmalmo_bench_related'" \
  | grep -q 1 || psql "$PG_SERVER/postgres" -qc "CREATE DATABASE meetmalmo_bench_related"

for url in "$SQLITE_URL" "$PG_URL"; do
  echo "== ${url%%:*}"
  DATABASE_URL="$url" $PY manage.py migrate --noinput -v0
  DATABASE_URL="$url" $PY manage.py seed_demo --if-empty >/dev/null
  DATABASE_URL="$url" $PY manage.py bench_related --efforts "$N"
done
