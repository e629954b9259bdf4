# Everything a fresh machine needs is installed by these targets: uv (from PyPI), the Python
# packages (uv.lock), the npm packages (package-lock.json) and, for the tests, Debian's chromium.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help
PYTHON ?= python3
UV := $(PYTHON) -m uv
RUN := $(UV) run --frozen
CHROMIUM := /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install install-browser build serve test test-slow bench check-pages clean

help:
	@echo "make serve  - install, build and serve the site on http://$(HOST):$(PORT)/"
	@echo "make test   - install everything the tests need and run the whole suite"
	@echo "make build  - write the complete static site to site/"
	@echo "make bench  - print the benchmark figures"
	@echo "make check-pages - print the browser-check figures of every built page"

install:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen
	npm ci --no-audit --no-fund

install-browser:
	@test -x $(CHROMIUM) || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

build: install
	$(RUN) python -m tools.build_runtime
	$(RUN) mkdocs build --strict

serve: build
	$(RUN) python -m tools.serve --root site --host $(HOST) --port $(PORT)

test: install install-browser build
	$(RUN) python -m tools.wheels --tests
	$(RUN) pytest

test-slow: install
	$(RUN) pytest -m slow --hypothesis-profile=thorough

bench: install build
	$(RUN) python -m tools.bench_engine
	$(RUN) python -m tools.bench_runtime

# Console errors, failed and third-party requests, axe violations of every page of the fresh build.
check-pages: install install-browser build
	$(RUN) python -m tools.check_pages --site site

clean:
	rm -rf site build dist .pytest_cache
