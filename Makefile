# Every target uses one virtual environment, .venv, installed from the hashed lock.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Leaflet is vendored into the site from the locked npm install; nothing loads from a CDN.
VENDOR := docs/assets/vendor/leaflet/leaflet.js
export NO_MKDOCS_2_WARNING := 1
# Compiled bytecode goes inside the virtual environment, not beside the sources: imports
# stay fast (every build imports the explainer) and the working tree stays clean.
export PYTHONPYCACHEPREFIX := $(CURDIR)/$(VENV)/pycache
export PYTHONDONTWRITEBYTECODE :=

.PHONY: help serve build check pages test lint lock template clean bench-check bench vendor chromium \
	lighthouse ci-rehearsal

help:
	@echo "make serve   set up, then serve the site on http://127.0.0.1:8000/explainer/"
	@echo "make build   strict build into site/ (fails on any data or link error)"
	@echo "make check   check every claim against its sources"
	@echo "make pages   regenerate docs/actors/ from data/actors.yaml"
	@echo "make test    set up, then run lint, the checker and the whole test suite"
	@echo "make lock    regenerate requirements.lock (and the new-project lock) from requirements.in"
	@echo "make template     copy what new projects share with this site into their template"
	@echo "make ci-rehearsal [WORKFLOWS=\"ci deploy\"]  run the GitHub workflows' jobs here first"
	@echo "make lighthouse   Lighthouse scores (mobile, gzip) for home, timeline and an actor page"
	@echo "make bench        build benchmark at 100, 500, 1,000 and 5,000 events; writes BENCHMARKS.md"
	@echo "make bench-check  claims per second of explainer check on 10,000 synthetic claims, 1 and 2 processes"

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(VENDOR): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(dir $(VENDOR))
	cp -R node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css \
		node_modules/leaflet/dist/images $(dir $(VENDOR))
	touch $(VENDOR)

vendor: $(VENDOR)

pages: $(STAMP) $(VENDOR)
	$(BIN)/explainer pages

serve: pages
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# Built beside site/ and moved in only on success: a failed strict build (MkDocs writes
# the pages before it reports the warnings) never leaves a site that could be deployed.
build: pages
	rm -rf site site.partial
	$(BIN)/mkdocs build --strict --site-dir site.partial || { rm -rf site.partial; exit 1; }
	mv site.partial site

check: $(STAMP)
	$(BIN)/explainer check

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools macros.py
	$(BIN)/ruff format --check src tests bench tools macros.py

# Browser tests drive Debian's chromium; install it when missing (root, or sudo).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@chromium --version

test: $(STAMP) $(VENDOR) chromium
	$(MAKE) --no-print-directory lint
	$(BIN)/explainer check
	$(BIN)/explainer pages --check
	$(BIN)/pytest
	$(MAKE) --no-print-directory ci-rehearsal WORKFLOWS="ci deploy"

# The workflows' jobs, run here in a fresh clone of HEAD as GitHub would run them (see
# CONTRIBUTING.md). Inside a rehearsed step (CI's own `make test`) it runs nothing more.
# The source check fetches from a local mirror of the captures, not from the web.
WORKFLOWS ?=
ci-rehearsal: $(STAMP)
	PYTHONPATH=tools $(BIN)/python -m rehearsal --mirror-sources EXPLAINER_VERIFY_REBASE $(WORKFLOWS)

TEMPLATE := src/explainer/project_template
PIP_COMPILE := pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url \
	--no-emit-find-links --strip-extras -o requirements.lock requirements.in

# The lock `explainer init` gives a new project is compiled from the flagship's, so it pins
# exactly the same versions of the packages both use.
lock: $(STAMP)
	$(BIN)/$(PIP_COMPILE)
	cp requirements.lock $(TEMPLATE)/requirements.lock
	cd $(TEMPLATE) && $(CURDIR)/$(BIN)/$(PIP_COMPILE)

template: $(STAMP)
	$(BIN)/python tools/sync_template.py

LIGHTHOUSE := tools/lighthouse/node_modules/.bin/lighthouse

$(LIGHTHOUSE): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(LIGHTHOUSE)

lighthouse: build chromium $(LIGHTHOUSE)
	$(BIN)/python tools/lighthouse/run.py --site site

bench: $(STAMP)
	PYTHONPATH=bench $(BIN)/python bench/bench_build.py --sizes $(or $(SIZES),100 500 1000 5000)

bench-check: $(STAMP)
	PYTHONPATH=bench $(BIN)/python bench/bench_check.py --claims 10000

clean:
	rm -rf site .pytest_cache .ruff_cache build
