# The two commands of README.md: `make site` builds the site, `make test` runs the whole suite.
# Each sets itself up on a fresh machine (virtual environment, packages, browser).

VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# written by npm ci: the web form's CMS (Decap), exactly as package-lock.json says
NODE   := node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve cms test system-deps

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

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)
