# Every target creates .venv when it is missing; nothing else needs installing first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_OUT ?= demo-output

.PHONY: demo test test-fast bench lint docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/python examples/run_demo.py --out $(DEMO_OUT)

# axe-core for the dashboard's accessibility test, from the npm registry into .cache/axe (outside
# the package; the tests read it from there and never touch the network themselves)
AXE := .cache/axe/node_modules/axe-core/axe.min.js
$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --prefix .cache/axe --no-audit --no-fund --silent axe-core@4; \
	else echo "npm is missing: the dashboard's axe-core test skips (and fails under CI=1)" >&2; fi

# The whole suite on every core (pytest-xdist); the slowest tests are listed at the end.
test: $(VENV)/.installed $(AXE)
	$(BIN)/python -m pytest -n auto --durations=15 $(PYTEST_ARGS)

# What a developer runs every minute: everything not marked slow (browsers, PDF conversion,
# pseudo-terminals, the demo, crash loops).
test-fast: $(VENV)/.installed
	$(BIN)/python -m pytest -n auto -m "not slow" $(PYTEST_ARGS)

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $@

# BENCH_ARGS="--only startup --quick" runs part of it; see benchmarks/README.md
bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

$(VENV)/.installed-docs: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	touch $@

# The documentation site from docs/ into site/; --strict fails on a broken link or image.
# (NO_MKDOCS_2_WARNING quiets the theme's banner about MkDocs 2.0.)
docs: $(VENV)/.installed-docs
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict --site-dir site

lint: $(VENV)/.installed
	$(BIN)/ruff check sprintkit tests benchmarks examples
	$(BIN)/mypy sprintkit
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .cache/axe $(DEMO_OUT) site build *.egg-info .pytest_cache .mypy_cache .ruff_cache
