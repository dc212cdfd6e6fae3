#!/usr/bin/env bash
# Runs the background task worker, which sends the portal's e-mail, and starts it again whenever
# it dies, first putting back in the queue the task it was running: a killed worker loses no
# e-mail. One per machine (WORKER_ID names it; set a different one to run more).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
WORKER_ID="${WORKER_ID:-$(uname -n | cut -c1-50)-tasks}" # db_worker allows 64 characters
child=
trap 'kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' INT TERM
while true; do
  "$PY" manage.py requeue_stale_tasks --worker-id "$WORKER_ID"
  "$PY" manage.py db_worker --interval "${WORKER_INTERVAL:-2}" --worker-id "$WORKER_ID" &
  child=$!
  wait "$child" && exit 0 # it stopped when asked to
  child=
  echo "The task worker stopped; starting it again." >&2
  sleep 1
done
