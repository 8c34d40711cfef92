# The two commands of README.md: `make site` builds the site, `make test` runs the whole suite.
# Each sets itself up on a fresh machine (virtual environment, packages, browser).

VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test system-deps

site: $(STAMP)
	$(BIN)/thidua build

serve: $(STAMP)
	$(BIN)/thidua serve

test: $(STAMP) system-deps
	$(BIN)/pytest

system-deps:
	@scripts/install-system-deps.sh

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)
