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

.PHONY: help install install-browser install-browser-locales install-nginx build serve test test-slow bench check-pages screenshots clean

help:
	@echo "make serve  - install, build and serve the site on http://$(HOST):$(PORT)/"
	@echo "make test   - install everything the tests need and run the whole suite"
	@echo "make build  - write the complete static site to site/"
	@echo "make bench  - print the benchmark figures (engine, runtime, Lighthouse through nginx)"
	@echo "make check-pages - print the browser-check figures of every built page"
	@echo "make screenshots - shoot the demo's screens for the guide's task pages (after a demo change)"

install:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen
	npm ci --no-audit --no-fund

install-browser:
	@test -x $(CHROMIUM) || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

# Debian's nginx and its brotli_static module: the tests serve the build with the generated
# configuration (deploy/nginx/), as a host would; nothing of the system's nginx is used but its binary.
install-nginx:
	@test -x /usr/sbin/nginx && test -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx libnginx-mod-http-brotli-static; }

# chromium's French and Dutch interface: the screenshots show the browser's own words (a file field).
install-browser-locales: install-browser
	@test -f /usr/lib/chromium/locales/nl.pak || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium-l10n; }

build: install
	$(RUN) python -m tools.build_runtime
	$(RUN) mkdocs build --strict
	$(RUN) python -m tools.host --site site --out deploy/nginx

serve: build
	$(RUN) python -m tools.serve --root site --host $(HOST) --port $(PORT)

# No `build` first: the suite builds the site itself, once, into a fresh directory
# (tests/conftest.py), and the mkdocs hook builds the runtime if needed. A `make build` before it
# was a second build of every language that no test read: 1 min 17 s of processor time (user)
# measured with the fr, nl and de pages.
test: install install-browser install-nginx
	$(RUN) python -m tools.wheels --tests
	$(RUN) pytest

# The long runs: the engine's thorough property runs, and every demo flow in every language
# (`make test` plays each flow in one language, the languages taking turns: tests/demo/demo_page.py).
test-slow: install install-browser
	$(RUN) pytest -m slow --hypothesis-profile=thorough
	DEMO_FLOWS_IN_EVERY_LANGUAGE=1 $(RUN) pytest tests/demo

bench: install install-browser install-nginx build
	$(RUN) python -m tools.bench_engine
	$(RUN) python -m tools.bench_bounds
	$(RUN) python -m tools.bench_runtime
	npm ci --prefix tools/lighthouse --no-audit --no-fund
	$(RUN) python -m tools.bench_lighthouse

# Console errors, failed and third-party requests, axe violations of every page of the fresh build.
check-pages: install install-browser build
	$(RUN) python -m tools.check_pages --site site

# The demo's screens on the guide's task pages (docs/assets/screens/), with their manifest; not part
# of build or test: tests/site/test_screenshots.py says when the demo changed and they need redoing.
screenshots: install install-browser-locales
	$(RUN) python -m tools.screenshots

clean:
	rm -rf site build dist .pytest_cache
