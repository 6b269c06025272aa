# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app wsgi
PORT   ?= 5000
DEV    := APP_ENV=development PORT=$(PORT)

.PHONY: setup run worker scheduler test test-fast lint db-upgrade seed i18n-extract i18n-update i18n-compile browser-deps serve-prod bench clean

setup: $(VENV)/.installed build/static/manifest.json i18n-compile

# Python packages: the dependencies listed in pyproject.toml (the app runs from this checkout).
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + p["optional-dependencies"]["test"]))' > $(VENV)/requirements.txt
	$(BIN)/python -m pip install --quiet -r $(VENV)/requirements.txt
	touch $@

# Front-end packages. The style guide's own postinstall script needs its dev tools and only
# copies vendor files we do not use, hence --ignore-scripts.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# The style guide's built CSS, fonts and images, served from /static/gent/ (git-ignored).
static/gent/.copied: node_modules/.installed
	rm -rf static/gent
	mkdir -p static/gent
	cp -R node_modules/gent_styleguide/build/css node_modules/gent_styleguide/build/styleguide static/gent/
	touch $@

# Only the style guide's rules our pages use (PurgeCSS, see purgecss.config.mjs): main.css shrinks
# from 400 KB to some 85 KB. Redone when a template, the code or a script may use a new class.
PURGE_CONTENT := $(shell find templates participation static/js -type f \( -name '*.html' -o -name '*.py' -o -name '*.js' \) 2>/dev/null)
static/gent/.purged: static/gent/.copied purgecss.config.mjs $(PURGE_CONTENT)
	node_modules/.bin/purgecss --config purgecss.config.mjs --output static/gent/css/
	touch $@

# What production serves (participation/core/static_files.py): static/ under content-hashed
# names, gzip- and Brotli-compressed, with manifest.json; build/ is git-ignored.
STATIC_FILES := $(shell find static -type f ! -name '.*' 2>/dev/null)
build/static/manifest.json: $(VENV)/.installed static/gent/.purged participation/core/static_files.py $(STATIC_FILES)
	$(BIN)/python -m participation.core.static_files static build/static
	touch $@

# Quiet when all is well (only the statistics); a failing compile prints everything and stops make.
i18n-compile: $(VENV)/.installed
	@out=$$($(BIN)/pybabel compile --statistics -d translations 2>&1) || { printf '%s\n' "$$out" >&2; exit 1; }; \
	printf '%s\n' "$$out" | grep -v '^compiling' || true

i18n-extract: $(VENV)/.installed
	$(BIN)/pybabel extract --project=participation -F babel.cfg -k _l -k lazy_gettext --ignore-dirs ".* node_modules .venv" -o translations/messages.pot --no-location --sort-output .

i18n-update: i18n-extract
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

db-upgrade: setup
	$(DEV) $(FLASK) db upgrade

seed: db-upgrade
	$(DEV) $(FLASK) seed-demo

run: seed
	$(DEV) $(FLASK) run --host 127.0.0.1 --port $(PORT)

# Background work (see README, "Running on several machines"). `make run` needs neither: without
# JOB_QUEUE_URL each job runs in the web process once its transaction commits. With
# JOB_QUEUE_URL=redis://… (or sqlite:///…), `make worker` runs the queued jobs and
# `make scheduler` queues the periodic ones (outbox delivery, reminders, purges).
worker: db-upgrade
	$(DEV) $(FLASK) worker

scheduler: db-upgrade
	$(DEV) $(FLASK) scheduler

# Debian's Chromium for the browser tests, installed when missing and possible.
browser-deps:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Chromium is missing and cannot be installed here: browser tests will be skipped (they are required under CI=true)."; fi

# The test tiers (docs/testing.md). `make test` is the honest one, and the one CI runs: every test
# on SQLite and PostgreSQL with real commits (tables wiped after each test), browser,
# concurrency and cluster tests included. It runs on TEST_WORKERS_FULL pytest-xdist workers, one
# test module per worker at a time (each worker has its own databases, Redis database and live
# server), then the tests that score speed alone on a quiet machine. Exit status 5 means "no test
# selected" (a PYTEST_ARGS filter that leaves none in one of the two runs), which is not a failure.
TEST_WORKERS_FULL ?= 2
test: setup browser-deps
	TEST_QUIET_MACHINE=without $(BIN)/python -m pytest -n $(TEST_WORKERS_FULL) --dist loadfile $(PYTEST_ARGS) || [ $$? -eq 5 ]
	TEST_QUIET_MACHINE=only $(BIN)/python -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

# The developer's loop (about two minutes on two cores): SQLite only, each test rolled back instead of wiped,
# on TEST_WORKERS pytest-xdist workers; no browser, concurrency, cluster, slow or HTML-validity tests.
TEST_WORKERS ?= auto
test-fast: setup
	TEST_BACKENDS=sqlite TEST_ISOLATION=rollback $(BIN)/python -m pytest -n $(TEST_WORKERS) \
	  -m "not browser and not concurrency and not cluster and not slow and not html_validity" $(PYTEST_ARGS)

# Fails on any finding; `ruff format $(LINTED)` and `ruff check --fix` repair most of them.
LINTED := participation tests bench migrations wsgi.py
lint: setup
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) node_modules static/gent build/static instance/*.db
