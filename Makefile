# Meet Malmö portal. Quick start: `make run`, then `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SITE_URL ?= http://127.0.0.1:$(PORT)
# `make run` serves plain HTTP on this machine; behind TLS in production set HTTPS=true. Every
# step gets the port and the address for links in e-mail on its own line, seeding the demo too
# (the e-mail it queues is written then and sent later by the worker), so all of them name the
# port that is served.
RUN_ENV := HTTPS=$${HTTPS:-false} PORT=$(PORT) SITE_URL='$(SITE_URL)'

.PHONY: run test lint messages makemessages install node bench

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node: node_modules/.installed

messages: install
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

run: install messages
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(RUN_ENV) $(PY) manage.py seed_demo --if-empty
	$(RUN_ENV) scripts/serve.sh

test: install messages node
	$(PY) -m pytest $(PYTEST_ARGS)

# Not part of `make test`: builds its own databases under var/bench/ (kept for the next run) and
# serves on BENCH_PORT (8100) while wrk drives the pages; see the README's performance section.
# `make bench PROFILE=/sv/staff/figures/` profiles one page at scale instead;
# `make bench BENCH_DATABASE=postgres://…/meetmalmo_bench` measures PostgreSQL beside SQLite.
bench: install messages
	HTTPS=false $(PY) manage.py collectstatic --noinput --verbosity 0
	PROFILE="$(PROFILE)" BENCH_DATABASE="$(BENCH_DATABASE)" scripts/bench.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

# Refresh each app's Swedish catalogue after changing strings (then translate the new entries).
makemessages: install
	for app in meetmalmo/*/; do [ -d "$$app/locale" ] && (cd "$$app" && ../../$(PY) ../../manage.py makemessages -l sv --no-obsolete --ignore=tests >/dev/null); done; true
