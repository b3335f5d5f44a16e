# `make run` and `make test` work from a fresh clone: they create .venv and install what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format browser axe migrate messages makemessages check clean

install: $(STAMP)

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $(STAMP)

messages: install
	$(PY) manage.py compile_translations

migrate: install
	$(PY) manage.py migrate --noinput

run: install messages migrate
	$(PY) manage.py seed_demo
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	DEBUG=false $(PY) manage.py runserver $(HOST):$(PORT)

test: install lint messages browser axe
	$(PY) -m pytest $(PYTEST_ARGS)

# ruff's rules and format, as pyproject.toml sets them; `make format` applies both.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# axe-core for the accessibility checks of tests/e2e, from the npm registry (never a CDN), pinned.
AXE_VERSION := 4.14.1
AXE := tests/e2e/vendor/axe-$(AXE_VERSION).min.js
axe: $(AXE)
$(AXE):
	@mkdir -p tests/e2e/vendor
	@if command -v npm >/dev/null 2>&1; then \
		tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null) && \
		tar -xzf $$tmp/axe-core-$(AXE_VERSION).tgz -C $$tmp && cp $$tmp/package/axe.min.js $(AXE) && rm -rf $$tmp; \
	else echo "!!! npm is missing: the accessibility checks will be skipped (under CI=true they fail)."; fi

# Browser tests use Debian's Chromium and CJK fonts (Chinese renders as boxes without them).
browser:
	@if command -v chromium >/dev/null 2>&1 && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium and fonts-noto-cjk for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else \
		echo "!!! Chromium (or fonts-noto-cjk) is missing and cannot be installed here (not root):"; \
		echo "!!! the browser tests in tests/e2e will be SKIPPED (under CI=true they fail instead)."; \
	fi

check: install
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

makemessages: install
	$(PY) manage.py makemessages -l zh_Hans --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --ignore=locale_wagtail

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
