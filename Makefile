# `make serve` sets up and serves the site; `make test` sets up and runs every test (`make
# test-fast`: lint and the tests that need no build and no browser).
# Both install what they need on a bare Debian or Ubuntu machine: `make serve` only Python's
# venv, `make test` also Chromium, Node.js/npm and Java (apt-get as root, through sudo otherwise).
VENV := .venv
PYTHON := $(VENV)/bin/python
PIP_INSTALL := $(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT_INSTALL := $(SUDO) sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$$@"' apt-install

.PHONY: serve build test test-fast lint python-venv test-tools

# The Python that makes .venv: 3.11.5 or newer (pymdown-extensions 13 asks for it).
PYTHON3 ?= python3

# Debian ships Python's venv module apart from Python (python3-venv).
python-venv:
	@$(PYTHON3) -c "import venv, ensurepip" 2>/dev/null || $(APT_INSTALL) python3-venv
	@$(PYTHON3) -c "import sys; sys.exit(sys.version_info < (3, 11, 5))" || { \
	  echo "$(PYTHON3) is Python $$($(PYTHON3) -V 2>&1 | cut -d' ' -f2); the site needs 3.11.5 or newer (Debian 13's python3 is 3.13): make $(MAKECMDGOALS) PYTHON3=<a newer python>" >&2; \
	  exit 1; }

# The site's packages (requirements/site.txt): all that `make serve` and `make build` need.
$(VENV)/.site-installed: requirements/site.txt | python-venv
	$(PYTHON3) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements/site.txt
	touch $@

# The tests' packages besides (requirements/tests.txt pins the site's at the same versions).
$(VENV)/.installed: $(VENV)/.site-installed requirements/tests.txt
	$(PIP_INSTALL) -r requirements/tests.txt
	touch $@

# The browser tests drive Debian's Chromium (Playwright cannot download a browser here); npm ci
# installs the Nu HTML Checker, which runs on Java, axe-core and Lighthouse; the sitemap's
# dates come from git.
test-tools:
	@missing=""; \
	test -x "$(CHROMIUM)" || missing="$$missing chromium"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v git >/dev/null || missing="$$missing git"; \
	test -z "$$missing" || $(APT_INSTALL) $$missing

# The Nu HTML Checker, axe-core and Lighthouse, at the versions package-lock.json pins.
node_modules/.installed: package-lock.json | test-tools
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

serve: $(VENV)/.site-installed
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs serve

# The site with its downloads: the offline copy is built and zipped first, then the site that lists it.
build: $(VENV)/.site-installed
	NO_MKDOCS_2_WARNING=1 $(PYTHON) scripts/build_site.py

# Lint, format and types (pyproject.toml), before any test.
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests
	$(VENV)/bin/mypy

test: lint node_modules/.installed test-tools
	$(PYTHON) -m pytest

# The tests that need no build and no browser, in seconds: for the edit-test loop.
test-fast: lint
	$(PYTHON) -m pytest -m "not build and not browser" -q
