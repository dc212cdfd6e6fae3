#!/usr/bin/env bash
# `make bench`: serves the portal as `make run` does, on another port and in databases of its
# own (the demo, and the demo plus `seed_demo --scale N`), drives each page with wrk at four
# connections, and prints requests/s, p95 and the ratios the targets are stated in.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${BENCH_PORT:-8100}"
SCALE="${BENCH_SCALE:-20000}"
DURATION="${BENCH_DURATION:-10s}"
OUT="${BENCH_OUT:-var/bench/results.txt}"
command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
mkdir -p var/bench
: > "$OUT"

for size in demo "$SCALE"; do
  dir="$PWD/var/bench/$size"
  # The benchmark's own SQLite database and cache, whatever DATABASE_URL says; the e-mail the
  # seeding queues links to the port the benchmark serves on.
  run() { env -u DATABASE_URL VAR_DIR="$dir" HTTPS=false API_RATE_LIMIT=0 PORT="$PORT" "$@"; }
  if [ ! -f "$dir/ready" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    echo "Building the $size database (seeding at scale takes a few minutes)…"
    run "$PY" manage.py migrate --noinput -v0
    if [ "$size" = demo ]; then run "$PY" manage.py seed_demo; else run "$PY" manage.py seed_demo --scale "$size"; fi
    touch "$dir/ready"
  fi
  read -r session slug < <(run "$PY" manage.py bench_fixtures)
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "Port $PORT is in use: stop what serves there or set BENCH_PORT." && exit 1
  fi
  # In a session of its own, so that stopping it stops gunicorn and the task worker too.
  setsid env -u DATABASE_URL VAR_DIR="$dir" HTTPS=false API_RATE_LIMIT=0 PORT="$PORT" \
    scripts/serve.sh > "$dir/serve.log" 2>&1 &
  server=$!
  trap 'kill -KILL -- -$server 2>/dev/null || true' EXIT INT TERM
  for _ in $(seq 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
  base="http://127.0.0.1:$PORT"
  pages=(
    "healthz /healthz"
    "home /sv/"
    "projects /sv/projects/"
    "news /sv/news/"
    "project /sv/projects/$slug/"
    "api-projects /api/v1/projects"
    "staff-queue /sv/staff/?tab=open"
  )
  for entry in "${pages[@]}"; do
    read -r name path <<< "$entry"
    headers=()
    [ "$name" = staff-queue ] && headers=(-H "Cookie: sessionid=$session")
    curl -fs -o /dev/null ${headers[@]+"${headers[@]}"} "$base$path" \
      || { echo "$base$path does not answer 200"; exit 1; }
    wrk -t2 -c4 -d1s ${headers[@]+"${headers[@]}"} "$base$path" >/dev/null  # warm up
    result=$(wrk -t2 -c4 -d"$DURATION" -s scripts/bench.lua ${headers[@]+"${headers[@]}"} \
      "$base$path" | grep '^RESULT')
    echo "$size $name $path ${result#RESULT }" | tee -a "$OUT"
  done
  # The worker may be in the middle of a task: give it a moment, then stop what is left.
  kill -- -"$server" 2>/dev/null || true
  sleep 2
  kill -KILL -- -"$server" 2>/dev/null || true
  trap - EXIT INT TERM
done
"$PY" scripts/bench_report.py "$OUT" "$SCALE"
