# Red Regional de Gobierno Abierto — the commands a newcomer needs.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install install-test migrate demo test test-browser lint format check bench messages clean vnu lock audit

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --noinput

## make run: the site with demo content on SQLite, at http://127.0.0.1:8000
run: migrate
	$(PY) manage.py compilar_traducciones
	$(PY) manage.py cargar_demo --si-vacio
	@echo ""
	@echo "  Sitio:          http://$(HOST):$(PORT)/"
	@echo "  Administración: http://$(HOST):$(PORT)/admin/  (usuario: admin, contraseña: admin)"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

demo: migrate
	$(PY) manage.py cargar_demo

## make test: the whole suite (unit, HTTP and browser tests)
test: install-test
	$(PY) manage.py compilar_traducciones
	$(PY) manage.py makemigrations --check --dry-run
	# The layering of docs/arquitectura.md: a forbidden import fails here.
	$(VENV)/bin/lint-imports
	# --dist load keeps pytest-django's order on every worker: tests that use the
	# database run before the live-server (browser) tests, whose flush erases what
	# data migrations loaded (loadfile sorts files by size and mixes them).
	$(PY) -m pytest -n 2 --dist load --cov --cov-report=term:skip-covered --durations=15

## make vnu: the Nu HTML Checker (vnu-jar from npm) in .tools/, used by
## tests/browser/test_html_valido.py with the machine's Java; .ci/run calls it.
VNU_VERSION ?= 26.9.27
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar

$(VNU_JAR):
	npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error vnu-jar@$(VNU_VERSION)

vnu: $(VNU_JAR)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install-test
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

## make bench: loads 5,000 practices, serves them with gunicorn and measures with wrk
## (SQLite and PostgreSQL); writes docs/rendimiento.md. BENCH_ARGS="--n 500 --duracion 3"
bench: install
	$(PY) bench/run.py $(BENCH_ARGS)

messages: install
	$(PY) manage.py makemessages -l es -l en --ignore=.venv --ignore=static_collected
	$(PY) manage.py compilar_traducciones

## make lock: writes the exact installed versions to requirements.lock (pip-audit reads it)
lock: install-test
	$(PIP) freeze --exclude-editable | grep -v '^red-gobierno-abierto' > requirements.lock

## make audit: the security gates of CI (bandit on the code, pip-audit on requirements.lock)
audit: install-test
	$(VENV)/bin/bandit -q -r nucleo red home practicas eventos organizaciones -x "*/migrations/*"
	$(VENV)/bin/pip-audit -r requirements.lock --no-deps --disable-pip --progress-spinner off

clean:
	rm -rf $(VENV) db.sqlite3* media static_collected
