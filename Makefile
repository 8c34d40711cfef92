# The two commands of README.md: `make site` builds the site, `make test` runs the whole suite.
# Each sets itself up on a fresh machine (virtual environment, packages, browser).

VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Every Python package, pinned with its hashes: runtime and test (this Makefile), runtime only (the GitHub
# workflows), the same versions in both. pyproject.toml keeps the ranges; `make lock` refreshes the locks
# from them (see below).
LOCK      := requirements.lock
SITE_LOCK := requirements-site.lock
# written by npm ci: the web form's CMS (Decap), exactly as package-lock.json says
NODE   := node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve cms test system-deps lock lock-upgrade

site: $(STAMP) $(NODE)
	$(BIN)/thidua build

serve: $(STAMP) $(NODE)
	$(BIN)/thidua serve

# The web form /bien-tap/gui-bai/ against this checkout, with its own local backend: no account needed.
cms: $(STAMP) $(NODE)
	$(BIN)/thidua cms

test: $(STAMP) $(NODE) system-deps
	$(BIN)/pytest

system-deps:
	@scripts/install-system-deps.sh

$(NODE): package.json package-lock.json
	@command -v npm >/dev/null || scripts/install-system-deps.sh
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE)

$(STAMP): pyproject.toml $(LOCK)
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# `make lock` after changing a range or adding a package in pyproject.toml: the locks keep every pin they
# have and add, drop or move only what the ranges ask. `make lock-upgrade` takes the newest releases the
# ranges allow. uv (in its own .venv-lock/) resolves for CPython >= 3.11.5 on every platform, from PyPI
# alone: --no-config ignores uv.toml, and pip's settings (pip.conf, PIP_* variables) are not uv's.
UV_VERSION   := uv>=0.9,<1
UV_COMPILE   = .venv-lock/bin/uv pip compile pyproject.toml --universal --python-version 3.11.5 --generate-hashes \
               --no-config --quiet --custom-compile-command 'make lock'
lock: .venv-lock/bin/uv
	$(UV_COMPILE) $(UPGRADE) --extra test -o $(LOCK)
	$(UV_COMPILE) $(UPGRADE) --constraint $(LOCK) -o $(SITE_LOCK)

lock-upgrade:
	$(MAKE) lock UPGRADE=--upgrade

.venv-lock/bin/uv:
	python3 -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet '$(UV_VERSION)'

