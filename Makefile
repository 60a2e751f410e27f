# `make serve` sets up and serves the site; `make test` sets up and runs every test.
VENV := .venv
PYTHON := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: serve build test chromium

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The Nu HTML Checker, axe-core and Lighthouse, at the versions package-lock.json pins.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

serve: $(VENV)/.installed
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs serve

# The site with its downloads: the offline copy is built and zipped first, then the site that lists it.
build: $(VENV)/.installed
	NO_MKDOCS_2_WARNING=1 $(PYTHON) scripts/build_site.py

# The browser tests drive Debian's Chromium; Playwright cannot download a browser here.
chromium:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

test: $(VENV)/.installed node_modules/.installed chromium
	$(PYTHON) -m pytest
