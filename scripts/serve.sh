#!/usr/bin/env bash
# Serves the portal production-style: the task worker (e-mail) in the background, restarted if
# it dies (scripts/worker.sh), gunicorn in front. Stopping gunicorn (Ctrl-C) stops the worker too.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"
"$PY" manage.py requeue_stale_tasks # left running long ago by a worker that is gone
# Named by machine and port: two portals served on one machine each put back only their own.
WORKER_ID="${WORKER_ID:-$(uname -n | cut -c1-40)-${PORT}}" scripts/worker.sh &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
echo "Meet Malmö is served on http://127.0.0.1:${PORT}/sv/"
.venv/bin/gunicorn meetmalmo.wsgi:application \
  --bind "0.0.0.0:${PORT}" --workers "${WEB_CONCURRENCY:-3}" --access-logfile - --timeout 30
